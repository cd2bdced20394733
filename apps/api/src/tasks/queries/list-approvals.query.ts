import { Query } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { ApprovalPage } from '@crm/projections';
import type { ListApprovalsRequest } from '../work-list-requests.dto';

export class ListApprovalsQuery extends Query<ApprovalPage> {
  constructor(
    readonly request: ListApprovalsRequest,
    readonly user: User,
  ) {
    super();
  }
}
