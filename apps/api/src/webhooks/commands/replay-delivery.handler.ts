import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { UserDirectory } from '@crm/identity';
import type { NotificationOutbox } from '@crm/notifications';
import type { LiveProjections } from '../../background/live-projections';
import { PROJECTION_RUNNER, USER_DIRECTORY } from '../../api.tokens';
import { NOTIFICATION_OUTBOX } from '../../notifications/notification-outbox.token';
import { untilReadModelsHold } from '../../notifications/read-models-follow';
import { webhookAdmin } from '../webhook-admin';
import { ReplayDeliveryCommand, type ReplayedDelivery } from './replay-delivery.command';

/** A dead letter due again at once, with a new series of attempts (README, Notifications and webhooks). */
@CommandHandler(ReplayDeliveryCommand)
export class ReplayDeliveryHandler implements ICommandHandler<ReplayDeliveryCommand> {
  constructor(
    @Inject(NOTIFICATION_OUTBOX) private readonly outbox: NotificationOutbox,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
    @Inject(PROJECTION_RUNNER) private readonly projections: LiveProjections,
  ) {}

  async execute({ user, deliveryId }: ReplayDeliveryCommand): Promise<ReplayedDelivery> {
    const { delivery, position } = await this.outbox.webhooks.replay(deliveryId, webhookAdmin(user, this.users));
    await untilReadModelsHold(this.projections, position, 'Webhooks');
    return { deliveryId, status: 'pending', attempts: delivery.attempts, nextAttemptAt: String(delivery.nextAttemptAt) };
  }
}
