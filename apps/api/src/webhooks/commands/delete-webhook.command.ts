import { Command } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { WebhookSubscription } from '@crm/notifications';

export class DeleteWebhookCommand extends Command<{ readonly subscription: WebhookSubscription }> {
  constructor(
    readonly user: User,
    readonly subscriptionId: string,
  ) {
    super();
  }
}
