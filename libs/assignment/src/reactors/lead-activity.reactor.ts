import { filter, map } from 'rxjs';
import type { Actor } from '@crm/blueprint';
import type { StoredEvent } from '@crm/event-store';
import { defineReactor, type Reactor } from '@crm/reactor-runtime';
import type { RecordCommandHandler } from '@crm/workflow';
import { isByPerson, isImported, leadIdOf } from './lead-events';

export const LEAD_ACTIVITY_REACTOR = 'lead-activity';
export const ACTIVITY_ACTOR: Actor = { id: `system:reactor:${LEAD_ACTIVITY_REACTOR}`, roles: [] };

export interface LeadActivityDispatcher {
  readonly records: RecordCommandHandler;
}

/** Work on a lead by a person: what it says, how it moves, what is done on it. */
const WORK = ['FieldsChanged', 'Transitioned', 'TaskCompleted', 'ApprovalRequested'];

/**
 * What restarts a lead's return-to-pool clock (README, Lead pool): a person working it, and every new
 * owner — opened with one, assigned by a rule, claimed, reassigned — whose clock starts then.
 */
export const isActivity = (event: StoredEvent): boolean => {
  if (leadIdOf(event) === null || isImported(event)) return false;
  if (event.type === 'RecordOpened') return event.data['owner'] !== null;
  if (event.type === 'OwnerChanged') return event.data['to'] !== null;
  return WORK.includes(event.type) && isByPerson(event);
};

/** Activity on a lead restarts its return-to-pool timer through the command handler (`KeepLeadActive`). */
export const leadActivityReactor = (options: { readonly startFrom?: 'start' | 'end' } = {}): Reactor<LeadActivityDispatcher> =>
  defineReactor<LeadActivityDispatcher>({
    name: LEAD_ACTIVITY_REACTOR,
    eventTypes: ['RecordOpened', 'OwnerChanged', ...WORK],
    startFrom: options.startFrom ?? 'end',
    react: (events$) =>
      events$.pipe(
        filter(isActivity),
        map((event) => {
          const recordId = leadIdOf(event) ?? '';
          return {
            intent: `KeepLeadActive lead-${recordId} (${event.type} at ${event.occurredAt})`,
            send: (dispatcher: LeadActivityDispatcher, trace) =>
              dispatcher.records.execute({ type: 'KeepLeadActive', kind: 'lead', recordId, activityAt: event.occurredAt, ...trace, actor: ACTIVITY_ACTOR }),
          };
        }),
      ),
  });
