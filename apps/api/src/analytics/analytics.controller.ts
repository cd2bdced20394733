import { Controller, Get, Query as QueryParams, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { User } from '@crm/identity';
import { salesAnalyticsCsv, type SalesAnalyticsReport } from '@crm/projections';
import { ApiErrorResponses } from '../http/dto/error.response';
import { CurrentUser } from '../identity/current-user.decorator';
import { ExplainFigureRequest, SalesAnalyticsRequest } from './analytics-requests.dto';
import { FigureExplanationResponse, SalesAnalyticsReportResponse } from './dto/sales-analytics.response';
import type { ExplainedFigure } from './explained-figure';
import { ExplainSalesFigureQuery } from './queries/explain-sales-figure.query';
import { GetSalesAnalyticsQuery } from './queries/get-sales-analytics.query';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('sales')
  @ApiOperation({
    summary: 'Sales metrics of one period as of a business time: win rate, sales cycle, time in stage, deal size, velocity, coverage, aging, slippage, forecast accuracy, reconciliation',
    description:
      'Every authenticated user may read the figures (as the pipeline’s). Grouped by one declared dimension (by) and filtered by any (owner, team, region, product, source, account, blueprintVersion, outcome, origin, cohort). format=csv answers text/csv, one figure a line: period,asOf,group,metric,part,value. Definitions: README, Sales analytics.',
  })
  @ApiExtraModels(SalesAnalyticsReportResponse)
  @ApiResponse({
    status: 200,
    description: 'The report (JSON), or with format=csv its figures as CSV',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(SalesAnalyticsReportResponse) } },
      'text/csv': { schema: { type: 'string', example: 'period,asOf,group,metric,part,value' } },
    },
  })
  @ApiErrorResponses(400, 401, 404, 503)
  async get(@QueryParams() request: SalesAnalyticsRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SalesAnalyticsReport | string> {
    const report = await this.queries.execute(new GetSalesAnalyticsQuery(request));
    if (request.format !== 'csv') return report;
    void reply.header('content-type', 'text/csv; charset=utf-8');
    return salesAnalyticsCsv(report);
  }

  @Get('sales/explain')
  @ApiOperation({
    summary: 'Explain a figure: the deals behind it and the events that moved them, as of the same moment',
    description:
      'The deals the user may read (as GET /records: judged on their current owners) with what each counts as and its events up to asOf; hidden counts the others. metric names the figure (also pipeline and forecast); stage, bucket, category, column and group narrow it.',
  })
  @ApiOkResponse({ type: FigureExplanationResponse })
  @ApiErrorResponses(400, 401, 404, 503)
  explain(@QueryParams() request: ExplainFigureRequest, @CurrentUser() user: User): Promise<ExplainedFigure> {
    return this.queries.execute(new ExplainSalesFigureQuery(user, request));
  }
}
