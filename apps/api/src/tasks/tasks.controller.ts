import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { User } from '@crm/identity';
import type { TaskPage } from '@crm/projections';
import { ApiErrorResponses } from '../http/dto/error.response';
import { CurrentUser } from '../identity/current-user.decorator';
import { TaskPageResponse } from './dto/work-lists.response';
import { ListTasksQuery } from './queries/list-tasks.query';
import { ListTasksRequest } from './work-list-requests.dto';

@ApiTags('work')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Tasks of a user (default you): open, overdue (open and past due, as of now), done or all; soonest due first, paginated by cursor',
    description:
      'Only tasks of records the user may read, as in GET /records: a rep their own records and the lead pool, a manager their team\'s and unowned records, analysts, process owners and admins everything. Done with POST /records/:kind/:id/tasks/:taskId/complete. From the tasks read model, updated within a second of a write.',
  })
  @ApiOkResponse({ type: TaskPageResponse })
  @ApiErrorResponses(400, 401, 404, 503)
  list(@QueryParams() request: ListTasksRequest, @CurrentUser() user: User): Promise<TaskPage> {
    return this.queries.execute(new ListTasksQuery(request, user));
  }
}
