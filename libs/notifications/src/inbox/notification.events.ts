/**
 * What a person is told about, one kind per cause (README, Notifications and webhooks). A webhook may
 * subscribe to each as `notification.<kind>`.
 */
export const NOTIFICATION_KINDS = [
  'reminder',
  'escalation',
  'approval_requested',
  'approval_granted',
  'approval_rejected',
  'task_assigned',
  'record_stalled',
  'owner_changed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_QUEUED = 'NotificationQueued';
export const NOTIFICATION_READ = 'NotificationRead';
export const NOTIFICATION_EVENT_TYPES = [NOTIFICATION_QUEUED, NOTIFICATION_READ] as const;

/** The record a notification is about. */
export type NotificationRecord = { readonly kind: string; readonly id: string };

/** The event that caused a notification. */
export type NotificationSource = { readonly id: string; readonly type: string };

export type NotificationQueuedData = {
  readonly notificationId: string;
  /** Whose inbox: the stream's user. */
  readonly user: string;
  readonly kind: NotificationKind;
  readonly record: NotificationRecord;
  readonly title: string;
  readonly body: string;
  readonly sourceEvent: NotificationSource;
};

export type NotificationReadData = { readonly notificationId: string; readonly user: string };

export interface NotificationQueued {
  readonly type: typeof NOTIFICATION_QUEUED;
  readonly data: NotificationQueuedData;
}

export interface NotificationRead {
  readonly type: typeof NOTIFICATION_READ;
  readonly data: NotificationReadData;
}

export const isNotificationKind = (value: unknown): value is NotificationKind => (NOTIFICATION_KINDS as readonly unknown[]).includes(value);
