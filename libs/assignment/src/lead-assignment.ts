import type { Database } from 'better-sqlite3';
import type { BusinessCalendars } from '@crm/blueprint';
import type { Clock } from '@crm/clock';
import type { EventStore } from '@crm/event-store';
import type { UserDirectory } from '@crm/identity';
import type { BlueprintCatalog, RecordCommandHandler } from '@crm/workflow';
import { Availability } from './availability/availability';
import { LeadClaims } from './claims/lead-claims';
import { LeadAutomation, type LeadAutomationOptions } from './lead-automation';
import type { AssignmentRules } from './rules/assignment-rules';
import { LeadRouter } from './routing/lead-router';
import { readModelOpenLeads } from './routing/open-lead-counts';

export interface LeadAssignmentParts {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly catalog: BlueprintCatalog;
  /** The one record command handler, opened with `pool: rules.pool`. */
  readonly records: RecordCommandHandler;
  readonly rules: AssignmentRules;
  readonly calendars: BusinessCalendars;
  /** The users file as it is now. */
  readonly users: () => UserDirectory;
  /** The records read model and how to bring it to the log's head (open leads are counted there). */
  readonly readModels: Database;
  readonly caughtUp: () => Promise<void>;
  readonly automation?: Pick<LeadAutomationOptions, 'mode' | 'holder' | 'reactors' | 'onReactorStateChange'>;
}

/**
 * Assignment and the pool of one process, put together the same way for the API, the CLI and the tests
 * (README, Assignment rules; Lead pool): absences, the router, the reactors and the claim desk.
 */
export class LeadAssignment {
  readonly availability: Availability;
  readonly router: LeadRouter;
  readonly automation: LeadAutomation;
  readonly claims: LeadClaims;

  constructor(parts: LeadAssignmentParts) {
    const openLeads = readModelOpenLeads({ db: parts.readModels, catalog: parts.catalog, caughtUp: parts.caughtUp });
    this.availability = new Availability(parts.store, parts.clock, parts.users);
    this.router = new LeadRouter({
      store: parts.store,
      records: parts.records,
      rules: parts.rules,
      users: parts.users,
      availability: this.availability,
      openLeads,
      calendars: parts.calendars,
      clock: parts.clock,
    });
    this.automation = new LeadAutomation({ store: parts.store, clock: parts.clock, records: parts.records, router: this.router, ...parts.automation });
    this.claims = new LeadClaims(parts.records, openLeads);
  }
}
