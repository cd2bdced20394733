import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import type { Conformance } from '@crm/projections';
import { ConformanceQuery } from '../read-models/conformance-query';
import { ReportRequest } from '../read-models/read-model-requests.dto';

export class PipelineRequest extends ReportRequest {
  @ApiPropertyOptional({ description: 'A deal is stalled after this many days in its stage; default 30', minimum: 0, type: Number, example: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(36_500)
  stalledAfterDays?: number;

  @ConformanceQuery()
  conformance?: Conformance;
}
