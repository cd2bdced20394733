import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { UserDirectory } from '@crm/identity';
import type { ReadModelDatabase } from '@crm/projection-runtime';
import { listSubscriptions, type SubscriptionItem } from '@crm/projections';
import { READ_MODELS, USER_DIRECTORY } from '../../api.tokens';
import { requireWebhookAdmin } from '../webhook-admin';
import { ListWebhooksQuery } from './list-webhooks.query';

/** From the webhooks read model, which never holds a secret. */
@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
  ) {}

  async execute({ user }: ListWebhooksQuery): Promise<{ readonly items: readonly SubscriptionItem[] }> {
    requireWebhookAdmin(user, this.users);
    return { items: listSubscriptions(this.readModels.db) };
  }
}
