import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  PERIOD_KINDS,
  type AccuracyReport,
  type AccuracyRow,
  type ForecastGrouping,
  type ForecastReport,
  type ForecastRow,
  type ForecastSnapshot,
  type PeriodKind,
} from '@crm/projections';
import {
  ConformanceProperty,
  DateTimeProperty,
  IntegerProperty,
  NullableTextProperty,
  NumberProperty,
  TextListProperty,
  TextProperty,
} from '../../http/dto/schema-properties';

const GROUPINGS: readonly ForecastGrouping[] = ['owner', 'team', 'total'];
const PERIOD = '^\\d{4}-(Q[1-4]|(0[1-9]|1[0-2]))$';

const PeriodProperty = (description: string): PropertyDecorator => TextProperty(description, { pattern: PERIOD, example: '2026-Q2' });
const PeriodKindProperty = (): PropertyDecorator => ApiProperty({ enum: PERIOD_KINDS, description: 'Period size' });
const GroupingProperty = (): PropertyDecorator => ApiProperty({ enum: GROUPINGS, description: 'Rows per owner, team or one total' });

@ApiSchema({ name: 'ForecastRow', description: 'One period of one group; amounts in the blueprint currency' })
export class ForecastRowResponse implements ForecastRow {
  @PeriodProperty('Period (2026-03 or 2026-Q1)')
  readonly period!: string;

  @NullableTextProperty('Owner, team or total, after groupBy; null for unowned deals grouped by owner')
  readonly group!: string | null;

  @NumberProperty('Closed won amount')
  readonly closedWon!: number;

  @IntegerProperty('Deals closed won', { minimum: 0 })
  readonly closedWonCount!: number;

  @IntegerProperty('Deals closed lost', { minimum: 0 })
  readonly closedLostCount!: number;

  @NumberProperty('Open amount in commit stages')
  readonly commit!: number;

  @NumberProperty('Open amount in best-case stages')
  readonly bestCase!: number;

  @NumberProperty('Open amount in pipeline stages')
  readonly pipeline!: number;

  @NumberProperty('Sum of amount × probability over open deals of every category')
  readonly weightedPipeline!: number;

  @IntegerProperty('Open deals', { minimum: 0 })
  readonly openCount!: number;

  @NumberProperty('The quota of the group for the period; null without one', { nullable: true })
  readonly quota!: number | null;

  @NumberProperty('closedWon / quota; null without a quota (or a zero one)', { nullable: true })
  readonly attainment!: number | null;
}

@ApiSchema({ name: 'UndatedDeals', description: 'Open deals without a close date: they belong to no period' })
export class UndatedDealsResponse {
  @IntegerProperty('Deals', { minimum: 0 })
  readonly count!: number;

  @NumberProperty('Their amount')
  readonly amount!: number;
}

@ApiSchema({ name: 'ForecastReport' })
export class ForecastReportResponse implements ForecastReport {
  @TextProperty('Record kind')
  readonly kind!: string;

  @DateTimeProperty('The business time answered')
  readonly asOf!: string;

  @PeriodKindProperty()
  readonly periodKind!: PeriodKind;

  @GroupingProperty()
  readonly groupBy!: ForecastGrouping;

  @ApiProperty({ type: () => [ForecastRowResponse] })
  readonly rows!: readonly ForecastRowResponse[];

  @ApiProperty({ type: () => UndatedDealsResponse })
  readonly undated!: UndatedDealsResponse;

  @ConformanceProperty()
  readonly conformance!: 'all' | 'conforming';

  @IntegerProperty('Deals of the reported periods (and undated ones) whose history does not conform; counted with all, left out with conforming', { minimum: 0 })
  readonly nonConforming!: number;
}

@ApiSchema({ name: 'AccuracyRow', description: 'The snapshot taken as of a period start against the closed won reported now' })
export class AccuracyRowResponse implements AccuracyRow {
  @PeriodProperty('Period')
  readonly period!: string;

  @NullableTextProperty('Owner, team or total, after groupBy; null for unowned deals grouped by owner')
  readonly group!: string | null;

  @DateTimeProperty('As of when the compared snapshot was taken: the period start')
  readonly snapshotAsOf!: string;

  @DateTimeProperty('When the snapshot was taken')
  readonly snapshotTakenAt!: string;

  @NumberProperty('Closed won in the period already at its start')
  readonly forecastClosedWon!: number;

  @NumberProperty('Closed won + commit at the period start')
  readonly commitForecast!: number;

  @NumberProperty('Closed won + commit + best case at the period start')
  readonly bestCaseForecast!: number;

  @NumberProperty('Closed won + weighted pipeline at the period start')
  readonly weightedForecast!: number;

  @NumberProperty('Closed won in the period, as reported at asOf')
  readonly actualClosedWon!: number;

  @NumberProperty('actual / commit forecast; null when the forecast was 0', { nullable: true })
  readonly commitAccuracy!: number | null;

  @NumberProperty('actual / weighted forecast; null when the forecast was 0', { nullable: true })
  readonly weightedAccuracy!: number | null;
}

@ApiSchema({ name: 'AccuracyReport' })
export class AccuracyReportResponse implements AccuracyReport {
  @TextProperty('Record kind')
  readonly kind!: string;

  @PeriodKindProperty()
  readonly periodKind!: PeriodKind;

  @DateTimeProperty('Actuals as of this business time')
  readonly asOf!: string;

  @GroupingProperty()
  readonly groupBy!: ForecastGrouping;

  @ApiProperty({ type: () => [AccuracyRowResponse] })
  readonly rows!: readonly AccuracyRowResponse[];

  @TextListProperty('Periods in range with closed-won deals but no snapshot at their start')
  readonly periodsWithoutSnapshot!: readonly string[];
}

@ApiSchema({ name: 'ForecastSnapshot', description: 'A forecast frozen as of a moment; never retaken' })
export class ForecastSnapshotResponse implements ForecastSnapshot {
  @TextProperty('Record kind')
  readonly kind!: string;

  @PeriodKindProperty()
  readonly periodKind!: PeriodKind;

  @PeriodProperty('The period forecast')
  readonly period!: string;

  @DateTimeProperty('The business time the forecast is taken as of')
  readonly asOf!: string;

  @DateTimeProperty('When it was taken')
  readonly takenAt!: string;

  @IntegerProperty('Owners with a row in the snapshot', { minimum: 0 })
  readonly owners!: number;

  @ApiProperty({ type: Boolean, description: 'True when this snapshot existed already (answered with 200)' })
  readonly alreadyTaken!: boolean;
}
