import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { User } from '@crm/identity';
import type { PipelineReport } from '@crm/projections';
import { ApiErrorResponses } from '../http/dto/error.response';
import { CurrentUser } from '../identity/current-user.decorator';
import { PipelineReportResponse } from './dto/pipeline.response';
import { PipelineRequest } from './pipeline-request.dto';
import { GetPipelineQuery } from './queries/get-pipeline.query';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('pipeline')
export class PipelineController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Open deals as of a business time: count, amount, weighted amount and age in stage by stage and owner, by stage, by stage and team; stalled deals',
    description:
      'Every authenticated user may read the numbers. The stalled deals are those the user may read, as in GET /records (judged on their current owners, also with asOf). From the pipeline read model, updated within a second of a write.',
  })
  @ApiOkResponse({ type: PipelineReportResponse })
  @ApiErrorResponses(400, 401, 404, 503)
  get(@QueryParams() request: PipelineRequest, @CurrentUser() user: User): Promise<PipelineReport> {
    return this.queries.execute(new GetPipelineQuery(request, user));
  }
}
