import { Query } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { NotificationPage } from '@crm/projections';
import type { ListNotificationsRequest } from '../notification-requests.dto';

export class ListNotificationsQuery extends Query<NotificationPage> {
  constructor(
    readonly user: User,
    readonly request: ListNotificationsRequest,
  ) {
    super();
  }
}
