import { Query } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { TaskPage } from '@crm/projections';
import type { ListTasksRequest } from '../work-list-requests.dto';

export class ListTasksQuery extends Query<TaskPage> {
  constructor(
    readonly request: ListTasksRequest,
    readonly user: User,
  ) {
    super();
  }
}
