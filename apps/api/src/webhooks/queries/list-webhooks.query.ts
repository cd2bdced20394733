import { Query } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { SubscriptionItem } from '@crm/projections';

export class ListWebhooksQuery extends Query<{ readonly items: readonly SubscriptionItem[] }> {
  constructor(readonly user: User) {
    super();
  }
}
