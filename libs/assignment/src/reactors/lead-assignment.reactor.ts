import { filter, map } from 'rxjs';
import type { StoredEvent } from '@crm/event-store';
import { defineReactor, type Reactor } from '@crm/reactor-runtime';
import type { AssignmentTrigger } from '../rules/assignment-rules';
import { LEAD_ASSIGNMENT_REACTOR, type LeadRouter } from '../routing/lead-router';
import { isImported, leadIdOf } from './lead-events';

export interface LeadAssignmentDispatcher {
  readonly router: LeadRouter;
}

/** What brought a lead into the pool, if the event did: opened without an owner, or left by its owner. */
export const poolEntryOf = (event: StoredEvent): { readonly recordId: string; readonly trigger: AssignmentTrigger } | null => {
  const recordId = leadIdOf(event);
  if (recordId === null || isImported(event)) return null;
  if (event.type === 'RecordOpened' && event.data['owner'] === null) return { recordId, trigger: 'intake' };
  if (event.type === 'OwnerChanged' && event.data['to'] === null) return { recordId, trigger: 'return' };
  return null;
};

/**
 * A lead opened without an owner, or returned to the pool, is routed by the assignment rules (README,
 * Assignment rules): one command per such event, with the id the runtime derives from the event, so a
 * redelivered event routes nothing twice.
 */
export const leadAssignmentReactor = (options: { readonly startFrom?: 'start' | 'end' } = {}): Reactor<LeadAssignmentDispatcher> =>
  defineReactor<LeadAssignmentDispatcher>({
    name: LEAD_ASSIGNMENT_REACTOR,
    eventTypes: ['RecordOpened', 'OwnerChanged'],
    startFrom: options.startFrom ?? 'end',
    react: (events$) =>
      events$.pipe(
        map(poolEntryOf),
        filter((entry) => entry !== null),
        map((entry) => ({
          intent: `route lead ${entry.recordId} (${entry.trigger})`,
          send: (dispatcher: LeadAssignmentDispatcher, trace) => dispatcher.router.route(entry.recordId, entry.trigger, trace),
        })),
      ),
  });
