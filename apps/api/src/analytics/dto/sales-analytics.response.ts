import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ANALYTICS_DIMENSIONS, DEAL_OUTCOMES, EXPLAINABLE_METRICS } from '@crm/projections';
import { ConformanceProperty, DateTimeProperty, IntegerProperty, NullableTextProperty, NumberProperty, TextProperty } from '../../http/dto/schema-properties';
import { historyEntryItems } from '../../records/dto/record-event.response';

@ApiSchema({ name: 'AnalyticsWindow', description: 'The period in business time: [from, to)' })
export class AnalyticsWindowResponse {
  @DateTimeProperty('First instant of the period') readonly from!: string;
  @DateTimeProperty('First instant after it') readonly to!: string;
}

@ApiSchema({ name: 'WinRate', description: 'won / (won + lost) over the deals closed in the period' })
export class WinRateResponse {
  @IntegerProperty('Deals won in the period', { minimum: 0 }) readonly won!: number;
  @IntegerProperty('Deals lost in the period', { minimum: 0 }) readonly lost!: number;
  @NumberProperty('won / (won + lost); null when none closed', { nullable: true }) readonly winRate!: number | null;
}

@ApiSchema({ name: 'SalesCycle', description: 'Days from opening (or first entering fromStage) to close of the deals won in the period' })
export class SalesCycleResponse {
  @IntegerProperty('Won deals measured', { minimum: 0 }) readonly count!: number;
  @NumberProperty('Mean days', { nullable: true }) readonly mean!: number | null;
  @NumberProperty('Median days', { nullable: true }) readonly median!: number | null;
  @NumberProperty('90th percentile days (nearest rank)', { nullable: true }) readonly p90!: number | null;
  @NullableTextProperty('The stage measured from; null: from opening') readonly fromStage!: string | null;
  @IntegerProperty('Won deals that never entered fromStage, left out', { minimum: 0 }) readonly withoutStage!: number;
}

@ApiSchema({ name: 'StageTime', description: 'Days of the stage visits that ended in the period' })
export class StageTimeResponse {
  @TextProperty('Stage id') readonly stage!: string;
  @IntegerProperty('Stage position') readonly stageOrder!: number;
  @IntegerProperty('Visits measured', { minimum: 0 }) readonly count!: number;
  @NumberProperty('Mean days', { nullable: true }) readonly mean!: number | null;
  @NumberProperty('Median days', { nullable: true }) readonly median!: number | null;
  @NumberProperty('90th percentile days (nearest rank)', { nullable: true }) readonly p90!: number | null;
}

@ApiSchema({ name: 'AverageDealSize' })
export class AverageDealSizeResponse {
  @IntegerProperty('Deals won in the period', { minimum: 0 }) readonly won!: number;
  @NumberProperty('Their amount') readonly wonAmount!: number;
  @NumberProperty('wonAmount / won; null without a won deal', { nullable: true }) readonly average!: number | null;
}

@ApiSchema({ name: 'PipelineVelocity', description: 'open deals × win rate × average deal size / mean sales cycle' })
export class PipelineVelocityResponse {
  @IntegerProperty('Deals open at asOf', { minimum: 0 }) readonly openDeals!: number;
  @NumberProperty('Win rate of the period', { nullable: true }) readonly winRate!: number | null;
  @NumberProperty('Average won deal size of the period', { nullable: true }) readonly averageDealSize!: number | null;
  @NumberProperty('Mean sales cycle of the period, days', { nullable: true }) readonly cycleDays!: number | null;
  @NumberProperty('Money per day; null when a factor is missing or the cycle is 0', { nullable: true }) readonly perDay!: number | null;
}

@ApiSchema({ name: 'PipelineCoverage', description: 'Open weighted pipeline dated in the period / quota still to win' })
export class PipelineCoverageResponse {
  @NumberProperty('Σ amount × probability of the deals open at asOf with a close date in the period') readonly openWeighted!: number;
  @IntegerProperty('Those deals', { minimum: 0 }) readonly openDeals!: number;
  @NumberProperty('Closed won dated in the period') readonly closedWon!: number;
  @NumberProperty('The quota (QuotaSet) for the period; null without one', { nullable: true }) readonly quota!: number | null;
  @NumberProperty('max(0, quota − closed won); null without a quota', { nullable: true }) readonly remainingQuota!: number | null;
  @NumberProperty('openWeighted / remainingQuota; null without a quota or when it is met', { nullable: true }) readonly coverage!: number | null;
}

@ApiSchema({ name: 'StageAging', description: 'Deals open at asOf in a stage, by days in it' })
export class StageAgingResponse {
  @TextProperty('Stage id') readonly stage!: string;
  @IntegerProperty('Stage position') readonly stageOrder!: number;
  @IntegerProperty('Open deals in the stage', { minimum: 0 }) readonly open!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Per bucket (0-6, 7-29, 30-59, 60-89, 90+ days), the deals', example: { '0-6': 1, '7-29': 0, '30-59': 2, '60-89': 0, '90+': 0 } })
  readonly buckets!: Readonly<Record<string, number>>;
}

@ApiSchema({ name: 'Slip', description: 'A close date moved out of the period' })
export class SlipResponse {
  @TextProperty('Record id') readonly recordId!: string;
  @DateTimeProperty('When the close date moved') readonly at!: string;
  @TextProperty('Close date before (in the period)') readonly fromDate!: string;
  @TextProperty('Close date after (after the period)') readonly toDate!: string;
}

@ApiSchema({ name: 'Slippage' })
export class SlippageResponse {
  @IntegerProperty('Deals whose close date moved out of the period', { minimum: 0 }) readonly deals!: number;
  @NumberProperty('Their amount at asOf') readonly amount!: number;
  @ApiProperty({ type: () => [SlipResponse] }) readonly slips!: readonly SlipResponse[];
}

@ApiSchema({ name: 'CategoryAccuracy', description: 'What a forecast category held at the start of the period against what of it was won in the period' })
export class CategoryAccuracyResponse {
  @TextProperty('Forecast category') readonly category!: string;
  @IntegerProperty('Deals open at the start in the category, dated in the period', { minimum: 0 }) readonly forecastDeals!: number;
  @NumberProperty('Their amount then') readonly forecast!: number;
  @IntegerProperty('Of those, won with a close date in the period', { minimum: 0 }) readonly wonDeals!: number;
  @NumberProperty('Their amount at asOf') readonly won!: number;
  @NumberProperty('won / forecast; null when nothing was forecast', { nullable: true }) readonly accuracy!: number | null;
}

@ApiSchema({ name: 'StageReconciliation', description: 'In stage at start + entered − left = in stage at end' })
export class StageReconciliationResponse {
  @TextProperty('Stage id') readonly stage!: string;
  @IntegerProperty('Stage position') readonly stageOrder!: number;
  @IntegerProperty('In the stage just before the period', { minimum: 0 }) readonly atStart!: number;
  @IntegerProperty('Entries during the period', { minimum: 0 }) readonly entered!: number;
  @IntegerProperty('Exits during the period', { minimum: 0 }) readonly left!: number;
  @IntegerProperty('In the stage at the period’s last instant', { minimum: 0 }) readonly atEnd!: number;
  @IntegerProperty('atStart + entered − left − atEnd: 0 when consistent') readonly difference!: number;
}

@ApiSchema({ name: 'SalesMetricsRow', description: 'Every sales metric of one group (or the total)' })
export class SalesMetricsRowResponse {
  @TextProperty('The dimension value, or total') readonly group!: string;
  @IntegerProperty('Deals known at asOf in the group', { minimum: 0 }) readonly deals!: number;
  @ApiProperty({ type: () => WinRateResponse }) readonly winRate!: WinRateResponse;
  @ApiProperty({ type: () => SalesCycleResponse }) readonly salesCycle!: SalesCycleResponse;
  @ApiProperty({ type: () => [StageTimeResponse] }) readonly timeInStage!: readonly StageTimeResponse[];
  @ApiProperty({ type: () => AverageDealSizeResponse }) readonly averageDealSize!: AverageDealSizeResponse;
  @ApiProperty({ type: () => PipelineVelocityResponse }) readonly velocity!: PipelineVelocityResponse;
  @ApiProperty({ type: () => PipelineCoverageResponse }) readonly coverage!: PipelineCoverageResponse;
  @ApiProperty({ type: () => [StageAgingResponse] }) readonly aging!: readonly StageAgingResponse[];
  @ApiProperty({ type: () => SlippageResponse }) readonly slippage!: SlippageResponse;
  @ApiProperty({ type: () => [CategoryAccuracyResponse] }) readonly forecastAccuracy!: readonly CategoryAccuracyResponse[];
  @ApiProperty({ type: () => [StageReconciliationResponse] }) readonly reconciliation!: readonly StageReconciliationResponse[];
}

@ApiSchema({ name: 'SalesAnalyticsReport', description: 'Sales metrics of one period as of a business time (README, Sales analytics)' })
export class SalesAnalyticsReportResponse {
  @TextProperty('Record kind') readonly kind!: string;
  @DateTimeProperty('The business time answered as of') readonly asOf!: string;
  @TextProperty('The period measured', { example: '2026-Q1' }) readonly period!: string;
  @ApiProperty({ type: () => AnalyticsWindowResponse }) readonly window!: AnalyticsWindowResponse;
  @ApiProperty({ enum: ANALYTICS_DIMENSIONS, nullable: true, description: 'The dimension of the rows; null: total only' }) readonly by!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'The dimension filters applied' }) readonly filter!: Readonly<Record<string, string>>;
  @NullableTextProperty('The stage the sales cycle is measured from; null: opening') readonly cycleFrom!: string | null;
  @ApiProperty({ enum: DEAL_OUTCOMES, nullable: true, description: 'Time in stage over deals with this outcome only; null: all' }) readonly stageOutcome!: string | null;
  @ConformanceProperty() readonly conformance!: string;
  @IntegerProperty('Deals (after the filter) whose history does not conform at asOf', { minimum: 0 }) readonly nonConforming!: number;
  @ApiProperty({ type: () => SalesMetricsRowResponse }) readonly total!: SalesMetricsRowResponse;
  @ApiProperty({ type: () => [SalesMetricsRowResponse], description: 'One per value of by, in value order' }) readonly rows!: readonly SalesMetricsRowResponse[];
}

@ApiSchema({ name: 'FigurePart', description: 'Which part of the metric was explained' })
export class FigurePartResponse {
  @ApiProperty({ type: String, required: false }) readonly stage?: string;
  @ApiProperty({ type: String, required: false }) readonly bucket?: string;
  @ApiProperty({ type: String, required: false }) readonly category?: string;
  @ApiProperty({ type: String, required: false }) readonly column?: string;
  @ApiProperty({ type: String, nullable: true, required: false }) readonly cycleFrom?: string | null;
  @ApiProperty({ enum: DEAL_OUTCOMES, nullable: true, required: false }) readonly stageOutcome?: string | null;
}

@ApiSchema({ name: 'ExplainedRecord', description: 'A deal behind the figure, with the events that moved it up to asOf' })
export class ExplainedRecordResponse {
  @TextProperty('Record kind') readonly kind!: string;
  @TextProperty('Record id') readonly recordId!: string;
  @TextProperty('What it counts as in the figure (won, lost, open, entered, slipped …)') readonly role!: string;
  @NullableTextProperty('Owner at asOf') readonly owner!: string | null;
  @TextProperty('Stage at asOf') readonly stage!: string;
  @ApiProperty({ type: 'array', items: historyEntryItems(), description: 'Its events up to asOf (business time), oldest first' })
  readonly events!: readonly unknown[];
}

@ApiSchema({ name: 'FigureExplanation', description: 'The deals behind one figure, as of the same moment' })
export class FigureExplanationResponse {
  @TextProperty('Record kind') readonly kind!: string;
  @DateTimeProperty('The business time answered as of') readonly asOf!: string;
  @TextProperty('The period') readonly period!: string;
  @ApiProperty({ type: () => AnalyticsWindowResponse }) readonly window!: AnalyticsWindowResponse;
  @ApiProperty({ enum: EXPLAINABLE_METRICS }) readonly metric!: string;
  @NullableTextProperty('The row explained; null: the total') readonly group!: string | null;
  @ApiProperty({ type: () => FigurePartResponse }) readonly part!: FigurePartResponse;
  @IntegerProperty('Every deal behind the figure (a deal entering a stage twice counts twice)', { minimum: 0 }) readonly count!: number;
  @ApiProperty({ type: () => [ExplainedRecordResponse], description: 'Those the reader may read, up to limit' }) readonly records!: readonly ExplainedRecordResponse[];
  @IntegerProperty('Readable ones beyond limit', { minimum: 0 }) readonly unlisted!: number;
  @IntegerProperty('Behind the figure but not the reader’s to read: counted only', { minimum: 0 }) readonly hidden!: number;
}

