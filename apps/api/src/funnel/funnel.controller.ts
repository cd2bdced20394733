import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FunnelReport } from '@crm/projections';
import { ApiErrorResponses } from '../http/dto/error.response';
import { FunnelReportResponse } from './dto/funnel.response';
import { FunnelRequest } from './funnel-request.dto';
import { GetFunnelQuery } from './queries/get-funnel.query';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('funnel')
export class FunnelController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Funnel of the records opened in [from, to) as known at asOf: entered, advanced, lost, won, conversion and win rates, time in stage, lost reasons',
    description:
      'Every authenticated user may read it. It groups only by cohort, owner, team and the fields the blueprint declares groupable, never by free text, emails or phones. asOf defaults to everything stored.',
  })
  @ApiOkResponse({ type: FunnelReportResponse })
  @ApiErrorResponses(400, 401, 404, 503)
  get(@QueryParams() request: FunnelRequest): Promise<FunnelReport> {
    return this.queries.execute(new GetFunnelQuery(request));
  }
}
