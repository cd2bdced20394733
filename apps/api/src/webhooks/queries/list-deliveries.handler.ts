import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { UserDirectory } from '@crm/identity';
import { NotificationsException, NotificationsExceptionCode } from '@crm/notifications';
import type { ReadModelDatabase } from '@crm/projection-runtime';
import { listDeliveries, subscriptionOf, type DeliveryPage } from '@crm/projections';
import { READ_MODELS, USER_DIRECTORY } from '../../api.tokens';
import { requireWebhookAdmin } from '../webhook-admin';
import { ListDeliveriesQuery } from './list-deliveries.query';

/** The delivery log from the webhooks read model: every attempt with its outcome. */
@QueryHandler(ListDeliveriesQuery)
export class ListDeliveriesHandler implements IQueryHandler<ListDeliveriesQuery> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
  ) {}

  async execute({ user, subscriptionId, filter }: ListDeliveriesQuery): Promise<DeliveryPage> {
    requireWebhookAdmin(user, this.users);
    const { db } = this.readModels;
    if (subscriptionId !== null && subscriptionOf(db, subscriptionId) === null) {
      throw new NotificationsException(NotificationsExceptionCode.WEBHOOK_NOT_FOUND, `no webhook subscription ${subscriptionId}`, { subscriptionId });
    }
    return listDeliveries(db, { ...filter, ...(subscriptionId === null ? {} : { subscriptionId }) });
  }
}
