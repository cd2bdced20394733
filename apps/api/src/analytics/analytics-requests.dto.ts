import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import {
  ANALYTICS_DIMENSIONS,
  DEAL_OUTCOMES,
  EXPLAINABLE_METRICS,
  PERIOD_KINDS,
  type AnalyticsDimension,
  type Conformance,
  type DealOutcome,
  type PeriodKind,
  type SalesAnalyticsQuery,
} from '@crm/projections';
import { ConformanceQuery } from '../read-models/conformance-query';
import { ReportRequest } from '../read-models/read-model-requests.dto';

const FIGURE_COLUMNS = ['atStart', 'entered', 'left', 'atEnd', 'advanced', 'lost', 'won'];
const PERIOD = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;
const STAGE_ID = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

const DimensionFilter = (dimension: string, example: string): PropertyDecorator => {
  const decorators = [
    ApiPropertyOptional({ description: `Only the deals whose ${dimension} is this value ((none): without one)`, example }),
    IsOptional(),
    IsString(),
    Length(1, 200),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
};

/** GET /analytics/sales: one period as of a business time, grouped and filtered by declared dimensions (README, Sales analytics). */
export class SalesAnalyticsRequest extends ReportRequest {
  @ApiPropertyOptional({ description: 'The period measured: a quarter (2026-Q1) or a month (2026-03); default the quarter of asOf', example: '2026-Q1' })
  @IsOptional()
  @Matches(PERIOD, { message: 'period must be YYYY-Qn or YYYY-MM' })
  period?: string;

  @ApiPropertyOptional({ description: 'One row per value of this dimension, besides the total', enum: ANALYTICS_DIMENSIONS })
  @IsOptional()
  @IsIn(ANALYTICS_DIMENSIONS)
  by?: AnalyticsDimension;

  @DimensionFilter('owner (at asOf)', 'rita') owner?: string;
  @DimensionFilter('team (teams table)', 'west') team?: string;
  @DimensionFilter('owner region (teams table)', 'north') region?: string;
  @DimensionFilter('product field', 'platform') product?: string;
  @DimensionFilter('source field', 'web') source?: string;
  @DimensionFilter('account field (record id)', 'acme') account?: string;
  @DimensionFilter('pinned blueprint version', '3') blueprintVersion?: string;
  @DimensionFilter('outcome at asOf (won, lost, open)', 'won') outcome?: string;
  @DimensionFilter('origin (imported or live)', 'imported') origin?: string;
  @DimensionFilter('cohort (period opened in)', '2026-Q1') cohort?: string;

  @ApiPropertyOptional({ description: 'Measure the sales cycle from first entering this stage; default from opening', example: 'proposal' })
  @IsOptional()
  @Matches(STAGE_ID, { message: 'cycleFrom must be a stage id' })
  cycleFrom?: string;

  @ApiPropertyOptional({ description: 'Time in stage over the deals with this outcome at asOf only; default every deal', enum: DEAL_OUTCOMES })
  @IsOptional()
  @IsIn(DEAL_OUTCOMES)
  stageOutcome?: DealOutcome;

  @ApiPropertyOptional({ description: 'Cohort size for the cohort dimension; default the period kind', enum: PERIOD_KINDS })
  @IsOptional()
  @IsIn(PERIOD_KINDS)
  cohortSize?: PeriodKind;

  @ConformanceQuery()
  conformance?: Conformance;

  @ApiPropertyOptional({ description: 'json (default) or csv: one figure a line, period,asOf,group,metric,part,value', enum: ['json', 'csv'] })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

/** GET /analytics/sales/explain: the same question, and which figure. */
export class ExplainFigureRequest extends SalesAnalyticsRequest {
  @ApiProperty({ description: 'The metric whose figure is explained', enum: EXPLAINABLE_METRICS })
  @IsIn(EXPLAINABLE_METRICS)
  metric!: string;

  @ApiPropertyOptional({ description: 'The row (a value of by); default the total', example: 'rita' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  group?: string;

  @ApiPropertyOptional({ description: 'Stage (time in stage, aging, reconciliation, pipeline)', example: 'proposal' })
  @IsOptional()
  @Matches(STAGE_ID, { message: 'stage must be a stage id' })
  stage?: string;

  @ApiPropertyOptional({ description: 'Aging bucket', enum: ['0-6', '7-29', '30-59', '60-89', '90+'] })
  @IsOptional()
  @IsIn(['0-6', '7-29', '30-59', '60-89', '90+'])
  bucket?: string;

  @ApiPropertyOptional({ description: 'Forecast category (forecast accuracy, forecast: also closed_won, closed_lost)', example: 'commit' })
  @IsOptional()
  @Matches(STAGE_ID, { message: 'category must be a forecast category' })
  category?: string;

  @ApiPropertyOptional({ description: 'Reconciliation column (atStart, entered, left, atEnd) or funnel column (entered, advanced, lost, won)', enum: FIGURE_COLUMNS })
  @IsOptional()
  @IsIn(FIGURE_COLUMNS)
  column?: string;

  @ApiPropertyOptional({ description: 'At most this many readable records listed with their events; default 100', minimum: 1, maximum: 1000, type: Number })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

/** The projections' query a request stands for: its dimension filters gathered. */
export const analyticsQueryOf = (request: SalesAnalyticsRequest): SalesAnalyticsQuery => ({
  ...(request.asOf === undefined ? {} : { asOf: request.asOf }),
  ...(request.period === undefined ? {} : { period: request.period }),
  ...(request.by === undefined ? {} : { by: request.by }),
  filter: Object.fromEntries(ANALYTICS_DIMENSIONS.flatMap((dimension) => (request[dimension] === undefined ? [] : [[dimension, request[dimension]]]))),
  ...(request.cycleFrom === undefined ? {} : { cycleFrom: request.cycleFrom }),
  ...(request.stageOutcome === undefined ? {} : { stageOutcome: request.stageOutcome }),
  ...(request.cohortSize === undefined ? {} : { cohort: request.cohortSize }),
  ...(request.conformance === undefined ? {} : { conformance: request.conformance }),
});
