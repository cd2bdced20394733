import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { UserDirectory } from '@crm/identity';
import type { NotificationOutbox } from '@crm/notifications';
import type { LiveProjections } from '../../background/live-projections';
import { PROJECTION_RUNNER, USER_DIRECTORY } from '../../api.tokens';
import { NOTIFICATION_OUTBOX } from '../../notifications/notification-outbox.token';
import { untilReadModelsHold } from '../../notifications/read-models-follow';
import { webhookAdmin } from '../webhook-admin';
import { CreateWebhookCommand, type CreatedWebhook } from './create-webhook.command';

/** A `WebhookSubscribed` in a stream of its own; events stored from then on are delivered to it. */
@CommandHandler(CreateWebhookCommand)
export class CreateWebhookHandler implements ICommandHandler<CreateWebhookCommand> {
  constructor(
    @Inject(NOTIFICATION_OUTBOX) private readonly outbox: NotificationOutbox,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
    @Inject(PROJECTION_RUNNER) private readonly projections: LiveProjections,
  ) {}

  async execute({ user, request }: CreateWebhookCommand): Promise<CreatedWebhook> {
    const { subscription, secret, position } = await this.outbox.webhooks.subscribe(request, webhookAdmin(user, this.users));
    await untilReadModelsHold(this.projections, position, 'Webhooks');
    return { subscription, secret };
  }
}
