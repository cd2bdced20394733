import { Command } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { WebhookSubscription } from '@crm/notifications';
import type { CreateWebhookRequest } from '../webhook-requests.dto';

export interface CreatedWebhook {
  readonly subscription: WebhookSubscription;
  /** Shown this once. */
  readonly secret: string;
}

export class CreateWebhookCommand extends Command<CreatedWebhook> {
  constructor(
    readonly user: User,
    readonly request: CreateWebhookRequest,
  ) {
    super();
  }
}
