import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ReadModelDatabase } from '@crm/projection-runtime';
import { listNotifications, type NotificationPage } from '@crm/projections';
import { READ_MODELS } from '../../api.tokens';
import { ListNotificationsQuery } from './list-notifications.query';

/** From the notifications read model (within a second of the notification); only the caller's own. */
@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<ListNotificationsQuery> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  async execute({ user, request }: ListNotificationsQuery): Promise<NotificationPage> {
    return listNotifications(this.readModels.db, { user: user.id, unread: request.unread === 'true', limit: request.limit, cursor: request.cursor });
  }
}
