/**
 * Webhook subscriptions and deliveries are events in platform streams (README, Notifications and
 * webhooks): a subscription per stream, and each delivery in a stream of its own, so a delivery's
 * attempts are decided on a short stream and one subscription's deliveries never wait on each other.
 */
export const SUBSCRIPTION_STREAM_PREFIX = '_webhook-subscription-';
export const DELIVERY_STREAM_PREFIX = '_webhook-delivery-';

export const subscriptionStream = (subscriptionId: string): string => `${SUBSCRIPTION_STREAM_PREFIX}${subscriptionId}`;
export const deliveryStream = (deliveryId: string): string => `${DELIVERY_STREAM_PREFIX}${deliveryId}`;

export const WEBHOOK_SUBSCRIBED = 'WebhookSubscribed';
export const WEBHOOK_DELETED = 'WebhookDeleted';
export const WEBHOOK_DELIVERY_SCHEDULED = 'WebhookDeliveryScheduled';
export const WEBHOOK_ATTEMPT_STARTED = 'WebhookAttemptStarted';
export const WEBHOOK_DELIVERED = 'WebhookDelivered';
export const WEBHOOK_ATTEMPT_FAILED = 'WebhookAttemptFailed';
export const WEBHOOK_DEAD_LETTERED = 'WebhookDeadLettered';
export const WEBHOOK_REPLAY_REQUESTED = 'WebhookReplayRequested';
export const WEBHOOK_DELIVERY_CANCELLED = 'WebhookDeliveryCancelled';

export const SUBSCRIPTION_EVENT_TYPES = [WEBHOOK_SUBSCRIBED, WEBHOOK_DELETED] as const;
export const DELIVERY_EVENT_TYPES = [
  WEBHOOK_DELIVERY_SCHEDULED,
  WEBHOOK_ATTEMPT_STARTED,
  WEBHOOK_DELIVERED,
  WEBHOOK_ATTEMPT_FAILED,
  WEBHOOK_DEAD_LETTERED,
  WEBHOOK_REPLAY_REQUESTED,
  WEBHOOK_DELIVERY_CANCELLED,
] as const;
export const WEBHOOK_EVENT_TYPES = [...SUBSCRIPTION_EVENT_TYPES, ...DELIVERY_EVENT_TYPES] as const;

export type WebhookSubscribedData = {
  readonly subscriptionId: string;
  readonly url: string;
  readonly events: readonly string[];
  /** Kept only here, in the event store; answered once, when the subscription is made. */
  readonly secret: string;
  readonly description: string | null;
  readonly createdBy: string;
};

export type WebhookDeletedData = { readonly subscriptionId: string; readonly deletedBy: string };

/** The event a delivery carries. */
export type DeliverySource = { readonly eventId: string; readonly stream: string; readonly type: string };

export type WebhookDeliveryScheduledData = {
  readonly deliveryId: string;
  readonly subscriptionId: string;
  /** What `X-CRM-Event` says: the record event type, or `notification.<kind>`. */
  readonly event: string;
  readonly source: DeliverySource;
  /** The exact bytes POSTed and signed, every attempt. */
  readonly body: string;
  readonly nextAttemptAt: string;
};

export type WebhookAttemptStartedData = {
  readonly deliveryId: string;
  readonly attempt: number;
  /** The process that sends it; nobody else sends this attempt until `until`. */
  readonly holder: string;
  readonly until: string;
};

export type WebhookDeliveredData = { readonly deliveryId: string; readonly attempt: number; readonly status: number; readonly durationMs: number };

export type WebhookAttemptFailedData = {
  readonly deliveryId: string;
  readonly attempt: number;
  /** The receiver's HTTP status; null when there was no answer (`error` says why). */
  readonly status: number | null;
  readonly error: string | null;
  readonly durationMs: number;
  /** null: this was the series' last attempt (WebhookDeadLettered follows). */
  readonly nextAttemptAt: string | null;
};

export type WebhookDeadLetteredData = { readonly deliveryId: string; readonly attempts: number; readonly lastError: string };

export type WebhookReplayRequestedData = { readonly deliveryId: string; readonly series: number; readonly requestedBy: string; readonly nextAttemptAt: string };

export type WebhookDeliveryCancelledData = { readonly deliveryId: string; readonly reason: 'subscription_deleted' };
