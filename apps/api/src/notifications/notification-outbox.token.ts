/** The notification outbox this process runs (inboxes, webhooks, reactors, delivery worker), opened before Nest starts. */
export const NOTIFICATION_OUTBOX = Symbol('NotificationOutbox');
