import type { StoredEvent } from '@crm/event-store';
import { isRecordEvent } from '@crm/workflow';
import { NOTIFICATION_QUEUED } from '../inbox/notification.events';
import { isImported } from '../rules/notification-rules';
import { recordOfStream } from '../rules/record-facts';
import { NOTIFICATION_EVENT_PREFIX } from './subscription-rules';

const isRecordStream = (stream: string): boolean => !stream.startsWith('_') && stream.includes('-');

/**
 * The name a subscription matches an event by, and `X-CRM-Event` says: a record event's type, or
 * `notification.<kind>` for a notification; null for anything else (bookkeeping, webhooks' own events)
 * and for imported history, which happened elsewhere, before.
 */
export const webhookEventNameOf = (event: StoredEvent): string | null => {
  if (event.type === NOTIFICATION_QUEUED && typeof event.data['kind'] === 'string') return `${NOTIFICATION_EVENT_PREFIX}${event.data['kind']}`;
  if (isRecordEvent(event) && isRecordStream(event.stream) && !isImported(event)) return event.type;
  return null;
};

const recordOf = (event: StoredEvent): { kind: string; id: string } | null => {
  if (event.type !== NOTIFICATION_QUEUED) return recordOfStream(event.stream);
  const record = event.data['record'];
  return typeof record === 'object' && record !== null && !Array.isArray(record) ? { kind: String(record['kind']), id: String(record['id']) } : null;
};

/** What a delivery POSTs: the same bytes on every attempt, decided when it is scheduled (README, Notifications and webhooks). */
export const deliveryBody = (source: StoredEvent, delivery: { readonly deliveryId: string; readonly subscriptionId: string; readonly event: string }): string =>
  JSON.stringify({
    deliveryId: delivery.deliveryId,
    subscriptionId: delivery.subscriptionId,
    event: delivery.event,
    occurredAt: source.occurredAt,
    record: recordOf(source),
    actor: typeof source.metadata['actor'] === 'string' ? source.metadata['actor'] : null,
    source: { eventId: source.id, stream: source.stream, revision: source.revision },
    data: source.data,
  });
