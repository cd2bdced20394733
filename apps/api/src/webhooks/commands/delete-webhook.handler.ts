import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { UserDirectory } from '@crm/identity';
import type { NotificationOutbox, WebhookSubscription } from '@crm/notifications';
import type { LiveProjections } from '../../background/live-projections';
import { PROJECTION_RUNNER, USER_DIRECTORY } from '../../api.tokens';
import { NOTIFICATION_OUTBOX } from '../../notifications/notification-outbox.token';
import { untilReadModelsHold } from '../../notifications/read-models-follow';
import { webhookAdmin } from '../webhook-admin';
import { DeleteWebhookCommand } from './delete-webhook.command';

/** Nothing more is scheduled for it; its pending deliveries are cancelled when they fall due. */
@CommandHandler(DeleteWebhookCommand)
export class DeleteWebhookHandler implements ICommandHandler<DeleteWebhookCommand> {
  constructor(
    @Inject(NOTIFICATION_OUTBOX) private readonly outbox: NotificationOutbox,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
    @Inject(PROJECTION_RUNNER) private readonly projections: LiveProjections,
  ) {}

  async execute({ user, subscriptionId }: DeleteWebhookCommand): Promise<{ readonly subscription: WebhookSubscription }> {
    const { subscription, position } = await this.outbox.webhooks.delete(subscriptionId, webhookAdmin(user, this.users));
    await untilReadModelsHold(this.projections, position, 'Webhooks');
    return { subscription };
  }
}
