import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { User } from '@crm/identity';
import { ApiErrorResponses } from '../http/dto/error.response';
import { CurrentUser } from '../identity/current-user.decorator';
import { ProjectionRebuiltResponse, ProjectionStatusesResponse } from './dto/projections.response';
import { RebuildProjectionCommand, type ProjectionRebuilt } from './commands/rebuild-projection.command';
import { ProjectionStatusesQuery, type ProjectionStatuses } from './queries/projection-statuses.query';

@ApiTags('projections')
@ApiBearerAuth()
@Controller('projections')
export class ProjectionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Every projection: state (catching_up, live, rebuilding, failed, stopped), checkpoint, events applied, lag behind the head',
    description: 'Every authenticated user may read it.',
  })
  @ApiOkResponse({ type: ProjectionStatusesResponse })
  @ApiErrorResponses(400, 401, 503)
  status(): Promise<ProjectionStatuses> {
    return this.queries.execute(new ProjectionStatusesQuery());
  }

  @Post(':name/rebuild')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rebuild one projection from the whole log into fresh tables, then swap them in (analysts and admins — rule analyst-or-admin)',
    description: 'Answers when the swap is done; queries read the old tables meanwhile. 404 for an unknown projection.',
  })
  @ApiOkResponse({ type: ProjectionRebuiltResponse })
  @ApiErrorResponses(400, 401, 403, 404, 409, 414, 503)
  rebuild(@CurrentUser() user: User, @Param('name') name: string): Promise<ProjectionRebuilt> {
    return this.commands.execute(new RebuildProjectionCommand(user, name));
  }
}
