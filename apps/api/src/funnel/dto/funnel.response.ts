import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { FunnelReport, FunnelStageRow, LostReasonRow } from '@crm/projections';
import { ConformanceProperty, DateTimeProperty, IntegerProperty, NullableTextProperty, NumberProperty, TextProperty } from '../../http/dto/schema-properties';

@ApiSchema({ name: 'FunnelStageRow', description: 'One stage of one group: visits, conversion and time in stage' })
export class FunnelStageRowResponse implements FunnelStageRow {
  @TextProperty('The group (all, a cohort period, an owner, a team or a field value)')
  readonly group!: string;

  @TextProperty('Stage id')
  readonly stage!: string;

  @IntegerProperty('The stage position in the lifecycle')
  readonly stageOrder!: number;

  @IntegerProperty('Records that entered the stage (at least once)', { minimum: 0 })
  readonly entered!: number;

  @IntegerProperty('Records that left it for a later stage that is not a loss', { minimum: 0 })
  readonly advanced!: number;

  @IntegerProperty('Records that left it into a lost stage', { minimum: 0 })
  readonly lost!: number;

  @IntegerProperty('Records that entered it and reached a won stage', { minimum: 0 })
  readonly won!: number;

  @NumberProperty('advanced / entered; null for final stages, which nothing leaves', { nullable: true })
  readonly conversionRate!: number | null;

  @NumberProperty('won / entered', { nullable: true })
  readonly winRate!: number | null;

  @IntegerProperty('Visits that ended by asOf: what time in stage is measured on', { minimum: 0 })
  readonly completedVisits!: number;

  @NumberProperty('Mean days in the stage; null without completed visits', { nullable: true })
  readonly meanDays!: number | null;

  @NumberProperty('Median days in the stage; null without completed visits', { nullable: true })
  readonly medianDays!: number | null;

  @NumberProperty('90th percentile of days in the stage; null without completed visits', { nullable: true })
  readonly p90Days!: number | null;
}

@ApiSchema({ name: 'LostReasonRow' })
export class LostReasonRowResponse implements LostReasonRow {
  @TextProperty('The group')
  readonly group!: string;

  @TextProperty('The lost-reason field value')
  readonly reason!: string;

  @IntegerProperty('Records lost for it', { minimum: 0 })
  readonly count!: number;
}

@ApiSchema({ name: 'FunnelReport', description: 'The records opened in [from, to) as known at asOf' })
export class FunnelReportResponse implements FunnelReport {
  @TextProperty('Record kind')
  readonly kind!: string;

  @DateTimeProperty('Start of the cohort window (included); null when open', { nullable: true })
  readonly from!: string | null;

  @DateTimeProperty('End of the cohort window (excluded); null when open', { nullable: true })
  readonly to!: string | null;

  @DateTimeProperty('The business time answered; null: as of everything stored', { nullable: true })
  readonly asOf!: string | null;

  @NullableTextProperty('The grouping asked for; null: one group all')
  readonly by!: string | null;

  @IntegerProperty('Records in the cohort window', { minimum: 0 })
  readonly records!: number;

  @ApiProperty({ type: () => [FunnelStageRowResponse] })
  readonly rows!: readonly FunnelStageRowResponse[];

  @ApiProperty({ type: () => [LostReasonRowResponse] })
  readonly lostReasons!: readonly LostReasonRowResponse[];

  @ConformanceProperty()
  readonly conformance!: 'all' | 'conforming';

  @IntegerProperty('Records opened in the window whose history does not conform; counted with all, left out with conforming', { minimum: 0 })
  readonly nonConforming!: number;
}
