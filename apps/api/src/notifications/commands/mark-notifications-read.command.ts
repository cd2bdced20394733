import { Command } from '@nestjs/cqrs';
import type { User } from '@crm/identity';

export interface NotificationsRead {
  readonly read: readonly string[];
  readonly readAt: string | null;
}

/** One notification of the caller's inbox, or (`notificationId` null) every unread one. */
export class MarkNotificationsReadCommand extends Command<NotificationsRead> {
  constructor(
    readonly user: User,
    readonly notificationId: string | null,
  ) {
    super();
  }
}
