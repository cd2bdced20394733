import { Body, Controller, Get, Post, Query as QueryParams, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { User } from '@crm/identity';
import type { AccuracyReport, ForecastReport, ForecastSnapshot } from '@crm/projections';
import { ApiErrorResponses } from '../http/dto/error.response';
import { CurrentUser } from '../identity/current-user.decorator';
import { AccuracyReportResponse, ForecastReportResponse, ForecastSnapshotResponse } from './dto/forecast.response';
import { TakeForecastSnapshotCommand } from './commands/take-forecast-snapshot.command';
import { ForecastAccuracyRequest, ForecastRequest, TakeForecastSnapshotRequest } from './forecast-requests.dto';
import { GetForecastAccuracyQuery } from './queries/get-forecast-accuracy.query';
import { GetForecastQuery } from './queries/get-forecast.query';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('forecast')
export class ForecastController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Forecast per period and owner, team or total: closed won/lost, commit, best case, pipeline, weighted pipeline, quota attainment',
    description: 'Every authenticated user may read it. A deal counts in the period of its closeDate.',
  })
  @ApiOkResponse({ type: ForecastReportResponse })
  @ApiErrorResponses(400, 401, 404, 503)
  get(@QueryParams() request: ForecastRequest): Promise<ForecastReport> {
    return this.queries.execute(new GetForecastQuery(request));
  }

  @Get('accuracy')
  @ApiOperation({
    summary: 'Forecast accuracy: the snapshot taken as of each period start against the closed won reported for the period now',
    description: 'Every authenticated user may read it. Only snapshots as of a period start count.',
  })
  @ApiOkResponse({ type: AccuracyReportResponse })
  @ApiErrorResponses(400, 401, 404, 503)
  accuracy(@QueryParams() request: ForecastAccuracyRequest): Promise<AccuracyReport> {
    return this.queries.execute(new GetForecastAccuracyQuery(request));
  }

  @Post('snapshots')
  @ApiOperation({
    summary: 'Take a forecast snapshot on demand (managers, analysts, admins — rule manager-analyst-or-admin)',
    description: 'As of asOf (default now; never in the future) for the period containing it, or the given period. Snapshots are never retaken.',
  })
  @ApiResponse({ status: 201, description: 'taken now', type: ForecastSnapshotResponse })
  @ApiResponse({ status: 200, description: 'taken before (alreadyTaken: true); the stored one is answered', type: ForecastSnapshotResponse })
  @ApiErrorResponses(400, 401, 403, 404, 413, 415, 503)
  async takeSnapshot(
    @CurrentUser() user: User,
    @Body() request: TakeForecastSnapshotRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ForecastSnapshot> {
    const snapshot = await this.commands.execute(new TakeForecastSnapshotCommand(user, request));
    void reply.status(snapshot.alreadyTaken ? 200 : 201);
    return snapshot;
  }
}
