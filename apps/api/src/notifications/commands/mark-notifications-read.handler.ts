import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { NotificationOutbox } from '@crm/notifications';
import type { LiveProjections } from '../../background/live-projections';
import { PROJECTION_RUNNER } from '../../api.tokens';
import { NOTIFICATION_OUTBOX } from '../notification-outbox.token';
import { untilReadModelsHold } from '../read-models-follow';
import { MarkNotificationsReadCommand, type NotificationsRead } from './mark-notifications-read.command';

/** Through the caller's own inbox stream: nobody marks another user's notifications. */
@CommandHandler(MarkNotificationsReadCommand)
export class MarkNotificationsReadHandler implements ICommandHandler<MarkNotificationsReadCommand> {
  constructor(
    @Inject(NOTIFICATION_OUTBOX) private readonly outbox: NotificationOutbox,
    @Inject(PROJECTION_RUNNER) private readonly projections: LiveProjections,
  ) {}

  async execute({ user, notificationId }: MarkNotificationsReadCommand): Promise<NotificationsRead> {
    const actor = { id: user.id, roles: user.roles };
    const outcome = notificationId === null ? await this.outbox.inboxes.markAllRead(actor) : await this.outbox.inboxes.markRead(actor, notificationId);
    await untilReadModelsHold(this.projections, outcome.position, 'Notifications');
    return { read: outcome.read, readAt: outcome.readAt };
  }
}
