import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PERIOD_KINDS, type Conformance, type ForecastGrouping, type PeriodKind } from '@crm/projections';
import { IsNotBeforePeriod, IsPeriodOfRequestKind } from '../read-models/business-time.validators';
import { ConformanceQuery } from '../read-models/conformance-query';
import { ReportRequest } from '../read-models/read-model-requests.dto';

const GROUPINGS: readonly ForecastGrouping[] = ['owner', 'team', 'total'];

/** Periods and grouping shared by the forecast and its accuracy. */
class ForecastPeriodsRequest extends ReportRequest {
  @ApiPropertyOptional({ description: 'Period size; default quarter', enum: PERIOD_KINDS })
  @IsOptional()
  @IsIn(PERIOD_KINDS)
  periodKind?: PeriodKind;

  @ApiPropertyOptional({ description: 'First period reported, of periodKind (2026-03 or 2026-Q1); default: every period with deals', example: '2026-Q1' })
  @IsOptional()
  @IsPeriodOfRequestKind()
  from?: string;

  @ApiPropertyOptional({ description: 'Last period reported, included, of periodKind; not before from', example: '2026-Q4' })
  @IsOptional()
  @IsPeriodOfRequestKind()
  @IsNotBeforePeriod('from')
  to?: string;
}

export class ForecastRequest extends ForecastPeriodsRequest {
  @ApiPropertyOptional({ description: 'Rows per owner, team or one total; default owner', enum: GROUPINGS })
  @IsOptional()
  @IsIn(GROUPINGS)
  groupBy?: ForecastGrouping;

  @ConformanceQuery()
  conformance?: Conformance;
}

export class ForecastAccuracyRequest extends ForecastPeriodsRequest {
  @ApiPropertyOptional({ description: 'Rows per owner, team or one total; default total', enum: GROUPINGS })
  @IsOptional()
  @IsIn(GROUPINGS)
  groupBy?: ForecastGrouping;
}

/** `POST /forecast/snapshots`: every property optional; the default is the current quarter as of now. */
export class TakeForecastSnapshotRequest extends ReportRequest {
  @ApiPropertyOptional({ description: 'Period size; default quarter', enum: PERIOD_KINDS })
  @IsOptional()
  @IsIn(PERIOD_KINDS)
  periodKind?: PeriodKind;

  @ApiPropertyOptional({ description: 'The period forecast, of periodKind; default: the one containing asOf', example: '2026-Q2' })
  @IsOptional()
  @IsPeriodOfRequestKind()
  period?: string;
}
