import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { User } from '@crm/identity';
import type { ApprovalPage } from '@crm/projections';
import { ApiErrorResponses } from '../http/dto/error.response';
import { CurrentUser } from '../identity/current-user.decorator';
import { WaitingApprovalPageResponse } from './dto/work-lists.response';
import { ListApprovalsQuery } from './queries/list-approvals.query';
import { ListApprovalsRequest } from './work-list-requests.dto';

@ApiTags('work')
@ApiBearerAuth()
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Approval requests waiting for you: a step you may decide now (your role, or you by name), never your own request; oldest first',
    description:
      'Only requests on records you may read, as in GET /records (an approver must be able to read the record). Decided with POST /records/:kind/:id/approvals/:approvalId/grant|reject. From the approvals read model, updated within a second of a write.',
  })
  @ApiOkResponse({ type: WaitingApprovalPageResponse })
  @ApiErrorResponses(400, 401, 404, 503)
  list(@QueryParams() request: ListApprovalsRequest, @CurrentUser() user: User): Promise<ApprovalPage> {
    return this.queries.execute(new ListApprovalsQuery(request, user));
  }
}
