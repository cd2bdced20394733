import { calendarFor, isWorkingTime, TEAM_CALENDAR, type Actor, type BusinessCalendars, type FieldValues } from '@crm/blueprint';
import type { Clock } from '@crm/clock';
import { deriveId, KeyedMutex, StreamCommandHandler } from '@crm/command-handler';
import type { EventStore } from '@crm/event-store';
import type { UserDirectory } from '@crm/identity';
import { leadPoolOf, type RecordCommandHandler } from '@crm/workflow';
import type { Availability } from '../availability/availability';
import type { AssignmentRules, AssignmentTrigger } from '../rules/assignment-rules';
import type { OpenLeadCounts } from './open-lead-counts';
import { planRouting, type RoutingFacts, type RoutingPlan } from './plan-routing';
import { leadRouted, routedOf, routingFold, ROUTING_STREAM, type LeadRoutedData, type RoutingState } from './routing.stream';

export const LEAD_ASSIGNMENT_REACTOR = 'lead-assignment';
/** The router acts as its reactor (README, Users, roles and rules: system actors). */
export const ROUTER_ACTOR: Actor = { id: `system:reactor:${LEAD_ASSIGNMENT_REACTOR}`, roles: [] };

/** Where a route request came from: the reactor's trace of the event that put the lead in the pool. */
export interface RouteTrace {
  readonly commandId: string;
  readonly causationId: string;
  readonly correlationId: string;
}

export type RouteOutcome =
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'assigned' | 'pooled'; readonly routed: LeadRoutedData };

/** A lead as `crm assignment test` describes it: its fields, and who lost it to the pool when (for the cool-down). */
export interface LeadSketch {
  readonly fields: FieldValues;
  readonly left?: Readonly<Record<string, string>>;
}

export interface LeadRouterOptions {
  readonly store: EventStore;
  readonly records: RecordCommandHandler;
  readonly rules: AssignmentRules;
  /** The users file as it is now. */
  readonly users: () => UserDirectory;
  readonly availability: Availability;
  readonly openLeads: OpenLeadCounts;
  readonly calendars: BusinessCalendars;
  readonly clock: Clock;
}

/**
 * Gives unowned leads to reps by the assignment rules (README, Assignment rules). Two steps, each a
 * command through a command loop with an id derived from the event that put the lead in the pool:
 * first the decision is appended to `_lead-assignment` (under its expected revision; the round robin's
 * cursor is the fold of that stream), then the lead is given to the rep it names (`AssignLead`,
 * `OwnerChanged` naming the rule) or left in a team's pool (`PoolLead`). A redelivered event finds its
 * decision stored and only sends what is missing; a decision is never made twice.
 */
export class LeadRouter {
  private readonly decisions: StreamCommandHandler<RoutingState>;
  /** One lead at a time in this process: each decision counts the leads the one before it gave. */
  private readonly turns = new KeyedMutex();

  constructor(private readonly options: LeadRouterOptions) {
    this.decisions = new StreamCommandHandler(options.store, routingFold, { clock: options.clock });
  }

  get rules(): AssignmentRules {
    return this.options.rules;
  }

  route(recordId: string, trigger: AssignmentTrigger, trace: RouteTrace): Promise<RouteOutcome> {
    return this.turns.run('route', () => this.routeNow(recordId, trigger, trace));
  }

  /** What routing this lead now would decide, storing nothing (`crm assignment test`). */
  async plan(lead: LeadSketch, trigger: AssignmentTrigger): Promise<RoutingPlan> {
    const { state } = await this.decisions.state(ROUTING_STREAM, { fresh: true });
    const facts = await this.facts({ fields: lead.fields, left: lead.left ?? {} }, trigger, this.options.clock.now());
    return planRouting(this.options.rules.rules, { ...facts, lastPick: (rule) => state.lastPick.get(rule) ?? null });
  }

  private async routeNow(recordId: string, trigger: AssignmentTrigger, trace: RouteTrace): Promise<RouteOutcome> {
    const lead = await this.options.records.load('lead', recordId);
    if (lead.status === 'none') return { kind: 'skipped', reason: `lead ${recordId} does not exist` };
    // Claimed or closed before its turn came: nothing is decided (a redelivery still finds the decision it made).
    const inPool = lead.status === 'open' && lead.owner === null;
    const facts = inPool ? await this.facts({ fields: lead.fields, left: leadPoolOf(lead).left }, trigger, this.options.clock.now()) : null;
    const stored = await this.decisions.handle({
      stream: ROUTING_STREAM,
      commandId: deriveId(trace.commandId, 'routing'),
      authorize: () => undefined,
      authorizeReplay: () => undefined,
      decide: (state) =>
        facts === null ? [] : [leadRouted(recordId, trigger, planRouting(this.options.rules.rules, { ...facts, lastPick: (rule) => state.lastPick.get(rule) ?? null }))],
      metadata: () => ({ actor: ROUTER_ACTOR.id, roles: [], causationId: trace.causationId, correlationId: trace.correlationId }),
    });
    const event = stored.events[0];
    if (event === undefined) return { kind: 'skipped', reason: `lead ${recordId} is no longer in the pool` };
    const routed = routedOf(event.data);
    const envelope = { kind: 'lead', recordId, commandId: trace.commandId, causationId: trace.causationId, correlationId: trace.correlationId, actor: ROUTER_ACTOR };
    if (routed.rep !== null && routed.rule !== null) {
      await this.options.records.execute({ ...envelope, type: 'AssignLead', owner: routed.rep, rule: routed.rule, reason: routed.reason });
      return { kind: 'assigned', routed };
    }
    await this.options.records.execute({ ...envelope, type: 'PoolLead', team: routed.team, rule: routed.rule, reason: routed.reason });
    return { kind: 'pooled', routed };
  }

  /** Everything a decision needs but the cursor: reps, absences, open leads, hours, cool-down. */
  private async facts(lead: { fields: FieldValues; left: Readonly<Record<string, string>> }, trigger: AssignmentTrigger, now: Date): Promise<RoutingFactsWithoutCursor> {
    const users = this.options.users();
    const teams = new Set(this.options.rules.rules.map((rule) => rule.team));
    const repsOf = (team: string): string[] => users.all().filter((user) => user.team === team && user.roles.includes('rep')).map((user) => user.id);
    const reps = [...teams].flatMap(repsOf);
    const [absences, openLeads] = await Promise.all([this.options.availability.absentAt(reps, now), this.options.openLeads.count(reps)]);
    return {
      now,
      trigger,
      lead,
      reps: repsOf,
      absences,
      openLeads,
      offHours: (rep) => {
        const calendar = calendarFor(this.options.calendars, TEAM_CALENDAR, users.teamOf(rep));
        return isWorkingTime(calendar, now) ? null : `outside working hours (calendar ${calendar.id})`;
      },
      cooldown: this.options.rules.pool.cooldown,
    };
  }
}

type RoutingFactsWithoutCursor = Omit<RoutingFacts, 'lastPick'>;
