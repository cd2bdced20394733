import { concatMap, filter, from, map, mergeMap } from 'rxjs';
import type { StoredEvent } from '@crm/event-store';
import { defineReactor, type Reactor } from '@crm/reactor-runtime';
import type { Inboxes } from '../inbox/inboxes';
import { isImported, NOTIFYING_EVENT_TYPES } from '../rules/notification-rules';
import { NOTIFICATIONS_REACTOR } from '../system-actors';
import type { NotificationDesk } from './notification-desk';

export interface NotificationsDispatcher {
  readonly inboxes: Inboxes;
}

export interface NotificationsReactorOptions {
  /** Default `notifications`; its bookkeeping stream is `_reactor-<name>`. */
  readonly name?: string;
  /**
   * Default `end`: a data directory that has history when the outbox first runs does not tell everyone
   * about all of it; only events stored from then on are notified.
   */
  readonly startFrom?: 'start' | 'end';
}

/** Platform streams start with `_`; record streams are `<kind>-<recordId>`. */
const isRecordStream = (stream: string): boolean => !stream.startsWith('_') && stream.includes('-');

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Given to someone other than the one who did it: only then is there anyone to tell. */
const givenToAnother = (event: StoredEvent, field: string): boolean => {
  const to = text(event.data[field]);
  return to !== null && to !== text(event.metadata['actor']);
};

/**
 * Whether the event can tell anyone anything, judged on the event alone (README, Notifications and
 * webhooks): events that cannot are not planned, so they cost no read and no command.
 */
export const mayNotify = (event: StoredEvent): boolean => {
  if (!isRecordStream(event.stream) || isImported(event)) return false;
  switch (event.type) {
    case 'TimerFired': {
      const action = event.data['action'];
      const kind = typeof action === 'object' && action !== null && !Array.isArray(action) ? action['kind'] : null;
      return kind === 'remind' || kind === 'escalate';
    }
    case 'RecordOpened':
      return givenToAnother(event, 'owner');
    case 'OwnerChanged':
    case 'TaskReassigned':
      return givenToAnother(event, 'to');
    case 'TaskOpened':
      return givenToAnother(event, 'assignee');
    default:
      return true;
  }
};

/**
 * Reminders, escalations, approval requests and decisions, stalled records, tasks and records given to
 * someone else become notifications (README, Notifications and webhooks). The pipeline reads the record
 * as of the event and the users file and emits one command per recipient, so an event that tells nobody
 * sends nothing and moves no checkpoint; each command queues one notification in one inbox.
 */
export const notificationsReactor = (desk: NotificationDesk, options: NotificationsReactorOptions = {}): Reactor<NotificationsDispatcher> =>
  defineReactor<NotificationsDispatcher>({
    name: options.name ?? NOTIFICATIONS_REACTOR,
    eventTypes: NOTIFYING_EVENT_TYPES,
    startFrom: options.startFrom ?? 'end',
    react: (events$) =>
      events$.pipe(
        filter(mayNotify),
        concatMap((event) => from(desk.draftsFor(event)).pipe(mergeMap((drafts) => drafts.map((draft) => ({ event, draft }))))),
        map(({ event, draft }) => ({
          intent: `notify ${draft.user} (${draft.kind}) of ${event.type} ${event.stream}@${event.revision}`,
          send: (dispatcher: NotificationsDispatcher, trace) => dispatcher.inboxes.queue(draft, { causationId: trace.causationId, correlationId: trace.correlationId }),
        })),
      ),
  });
