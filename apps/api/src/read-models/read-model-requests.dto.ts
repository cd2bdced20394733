import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { IsAsOf } from './business-time.validators';

/** What every report request shares: the record kind and the business time it is answered as of. */
export class ReportRequest {
  @ApiPropertyOptional({ description: 'Record kind; default opportunity; 404 when no blueprint governs it', example: 'opportunity' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  kind?: string;

  @ApiPropertyOptional({ description: 'Business time: YYYY-MM-DD (end of that day, UTC) or ISO date-time with offset; default now', example: '2026-03-31' })
  @IsOptional()
  @IsAsOf()
  asOf?: string;
}
