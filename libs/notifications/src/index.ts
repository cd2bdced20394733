export type { Acting } from './acting';
export { inboxStream, INBOX_STREAM_PREFIX, userOfInbox } from './inbox/inbox.stream';
export type { NotificationDraft } from './inbox/inbox.stream';
export { Inboxes } from './inbox/inboxes';
export type { QueueOutcome, ReadOutcome } from './inbox/inboxes';
export { isNotificationKind, NOTIFICATION_EVENT_TYPES, NOTIFICATION_KINDS, NOTIFICATION_QUEUED, NOTIFICATION_READ } from './inbox/notification.events';
export type { NotificationKind, NotificationQueuedData, NotificationRecord, NotificationSource } from './inbox/notification.events';
export { NotificationOutbox } from './notification-outbox';
export type { NotificationOutboxOptions, OutboxDispatcher, OutboxMode } from './notification-outbox';
export { NotificationsException, NotificationsExceptionCode } from './notifications.exception';
export { NotificationDesk, notificationIdFor } from './reactors/notification-desk';
export { notificationsReactor } from './reactors/notifications.reactor';
export { webhooksReactor } from './reactors/webhooks.reactor';
export { notificationsFor, NOTIFYING_EVENT_TYPES } from './rules/notification-rules';
export type { NotificationPlan } from './rules/notification-rules';
export { DELIVERY_ACTOR, NOTIFICATIONS_ACTOR, NOTIFICATIONS_REACTOR, WEBHOOKS_ACTOR, WEBHOOKS_REACTOR } from './system-actors';
export { checkDeliveryPolicy, DEFAULT_DELIVERY_POLICY, retryDelayMs } from './webhooks/delivery-policy';
export type { DeliveryPolicy } from './webhooks/delivery-policy';
export { WebhookDeliveryWorker } from './webhooks/delivery-worker';
export type { DeliveryNotice, DeliveryRun, DeliveryWorkerStatus, PendingDeliveries, PendingDelivery } from './webhooks/delivery-worker';
export type { AttemptResult, DeliveryState, DeliveryStatus } from './webhooks/delivery.stream';
export { DELIVERY_HEADER, EVENT_HEADER, newWebhookSecret, SIGNATURE_HEADER, signatureOf, verifySignature } from './webhooks/signature';
export { WEBHOOK_EVENT_NAMES, webhookEventProblems, webhookUrlProblems } from './webhooks/subscription-rules';
export {
  DELIVERY_EVENT_TYPES,
  DELIVERY_STREAM_PREFIX,
  deliveryStream,
  SUBSCRIPTION_EVENT_TYPES,
  SUBSCRIPTION_STREAM_PREFIX,
  subscriptionStream,
  WEBHOOK_ATTEMPT_FAILED,
  WEBHOOK_ATTEMPT_STARTED,
  WEBHOOK_DEAD_LETTERED,
  WEBHOOK_DELETED,
  WEBHOOK_DELIVERED,
  WEBHOOK_DELIVERY_CANCELLED,
  WEBHOOK_DELIVERY_SCHEDULED,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_REPLAY_REQUESTED,
  WEBHOOK_SUBSCRIBED,
} from './webhooks/webhook.events';
export { ATTEMPT_HEADER, postWebhook } from './webhooks/webhook-sender';
export type { SendWebhook, WebhookRequest } from './webhooks/webhook-sender';
export { Webhooks } from './webhooks/webhooks';
export type { SubscriptionRequest, WebhookSubscription } from './webhooks/webhooks';
