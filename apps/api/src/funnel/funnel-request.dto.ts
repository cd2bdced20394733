import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PERIOD_KINDS, type Conformance, type PeriodKind } from '@crm/projections';
import { IsWindowBound } from '../read-models/business-time.validators';
import { ConformanceQuery } from '../read-models/conformance-query';
import { ReportRequest } from '../read-models/read-model-requests.dto';

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export class FunnelRequest extends ReportRequest {
  @ApiPropertyOptional({ description: 'Cohort window start: records opened at or after it (YYYY-MM-DD = that day 00:00 UTC)', example: '2026-01-01' })
  @IsOptional()
  @IsWindowBound()
  from?: string;

  @ApiPropertyOptional({ description: 'Cohort window end, excluded', example: '2026-04-01' })
  @IsOptional()
  @IsWindowBound()
  to?: string;

  @ApiPropertyOptional({
    description:
      'Group by cohort (entry period), owner, team or a field the blueprint declares groupable (enum, reference, groupable: true); default one group "all". Anything else is 400 INVALID_QUERY listing the allowed dimensions',
    example: 'owner',
  })
  @IsOptional()
  @IsString()
  @Matches(FIELD_NAME, { message: 'by must be cohort, owner, team or a groupable field name' })
  by?: string;

  @ApiPropertyOptional({ description: 'Cohort size when by=cohort; default month', enum: PERIOD_KINDS })
  @IsOptional()
  @IsIn(PERIOD_KINDS)
  cohort?: PeriodKind;

  @ApiPropertyOptional({
    description: 'The groupable field that says why a record was lost; default: the one its blueprint asks for. Any other field is 400 INVALID_QUERY',
    example: 'lossReason',
  })
  @IsOptional()
  @IsString()
  @Matches(FIELD_NAME, { message: 'lostReasonField must be a groupable field name' })
  lostReasonField?: string;

  @ConformanceQuery()
  conformance?: Conformance;
}
