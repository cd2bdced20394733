export enum NotificationsExceptionCode {
  /** The caller's inbox holds no notification with this id (another user's answers the same). */
  NOTIFICATION_NOT_FOUND = 'NOTIFICATION_NOT_FOUND',
  /** No webhook subscription has this id. */
  WEBHOOK_NOT_FOUND = 'WEBHOOK_NOT_FOUND',
  /** No webhook delivery has this id. */
  DELIVERY_NOT_FOUND = 'DELIVERY_NOT_FOUND',
  /** A subscription that cannot be kept: a URL that is not http(s), unknown event names; `details.problems`. */
  INVALID_WEBHOOK = 'INVALID_WEBHOOK',
  /** Only a dead-lettered delivery of a subscription still in force is replayed; `details.status` says what it is. */
  DELIVERY_NOT_REPLAYABLE = 'DELIVERY_NOT_REPLAYABLE',
  /** The outbox's settings are unusable (attempts or waits that are not positive). */
  INVALID_OPTIONS = 'INVALID_OPTIONS',
  /** Manual mode: the reactors did not follow the log to its end in time; `details.reactors` says where each is. */
  REACTORS_BEHIND = 'REACTORS_BEHIND',
}

export class NotificationsException extends Error {
  constructor(
    readonly code: NotificationsExceptionCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'NotificationsException';
  }
}
