import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { PipelineReport, PipelineRow, PipelineTotal, StalledDeal } from '@crm/projections';
import { ConformanceProperty, DateTimeProperty, IntegerProperty, NullableTextProperty, NumberProperty, TextProperty } from '../../http/dto/schema-properties';

@ApiSchema({ name: 'PipelineRow', description: 'Open deals of one owner in one stage' })
export class PipelineRowResponse implements PipelineRow {
  @TextProperty('Stage id')
  readonly stage!: string;

  @IntegerProperty('The stage position in the lifecycle')
  readonly stageOrder!: number;

  @NullableTextProperty('Owner user id; null for unowned deals')
  readonly owner!: string | null;

  @TextProperty('The owner team (unassigned when none)')
  readonly team!: string;

  @IntegerProperty('Open deals', { minimum: 0 })
  readonly count!: number;

  @NumberProperty('Sum of their amounts')
  readonly amount!: number;

  @NumberProperty('Sum of amount × the stage probability, each deal rounded to the cent')
  readonly weightedAmount!: number;

  @NumberProperty('Mean days in the stage, at asOf')
  readonly averageAgeDays!: number;

  @NumberProperty('Most days in the stage, at asOf')
  readonly oldestAgeDays!: number;
}

@ApiSchema({ name: 'PipelineTotal', description: 'Open deals in one stage, overall or of one team' })
export class PipelineTotalResponse implements PipelineTotal {
  @TextProperty('Stage id')
  readonly stage!: string;

  @IntegerProperty('The stage position in the lifecycle')
  readonly stageOrder!: number;

  @NullableTextProperty('The team, for totals by stage and team; null for totals by stage')
  readonly team!: string | null;

  @IntegerProperty('Open deals', { minimum: 0 })
  readonly count!: number;

  @NumberProperty('Sum of their amounts')
  readonly amount!: number;

  @NumberProperty('Sum of amount × the stage probability')
  readonly weightedAmount!: number;
}

@ApiSchema({ name: 'StalledDeal', description: 'A deal in its stage for longer than stalledAfterDays, or found stalled by its blueprint (stalledAfter)' })
export class StalledDealResponse implements StalledDeal {
  @TextProperty('Record id')
  readonly recordId!: string;

  @TextProperty('Stage id')
  readonly stage!: string;

  @NullableTextProperty('Owner user id; null when unowned')
  readonly owner!: string | null;

  @TextProperty('The owner team')
  readonly team!: string;

  @DateTimeProperty('When it entered the stage')
  readonly stageEnteredAt!: string;

  @NumberProperty('Days in the stage, at asOf')
  readonly ageDays!: number;

  @NumberProperty('Its amount; null when it has none', { nullable: true })
  readonly amount!: number | null;

  @DateTimeProperty('Since when its blueprint found it stalled (a stalledAfter timer fired); null when it did not', { nullable: true })
  readonly stalledSince!: string | null;
}

@ApiSchema({ name: 'PipelineReport', description: 'Open deals as of a business time' })
export class PipelineReportResponse implements PipelineReport {
  @TextProperty('Record kind')
  readonly kind!: string;

  @DateTimeProperty('The business time answered; ages are measured to it')
  readonly asOf!: string;

  @ApiProperty({ type: () => [PipelineRowResponse], description: 'By stage and owner, in stage order then owner' })
  readonly rows!: readonly PipelineRowResponse[];

  @ApiProperty({ type: () => [PipelineTotalResponse], description: 'By stage' })
  readonly byStage!: readonly PipelineTotalResponse[];

  @ApiProperty({ type: () => [PipelineTotalResponse], description: 'By stage and team' })
  readonly byStageAndTeam!: readonly PipelineTotalResponse[];

  @NumberProperty('A deal longer in its stage than this many days is stalled')
  readonly stalledAfterDays!: number;

  @ApiProperty({ type: () => [StalledDealResponse], description: 'The stalled deals the user may read, oldest first' })
  readonly stalled!: readonly StalledDealResponse[];

  @ConformanceProperty()
  readonly conformance!: 'all' | 'conforming';

  @IntegerProperty('Open deals whose history does not conform; counted with all, left out with conforming', { minimum: 0 })
  readonly nonConforming!: number;
}
