import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class DeclareAbsenceRequest {
  @ApiProperty({ description: 'An ISO-8601 date-time with offset, or a date (from that day’s start, UTC)', example: '2026-12-21' })
  @IsString()
  @Length(1, 40)
  from!: string;

  @ApiProperty({ description: 'An ISO-8601 date-time with offset, or a date (to that day’s end, UTC); after `from`', example: '2026-12-31' })
  @IsString()
  @Length(1, 40)
  to!: string;

  @ApiProperty({ description: 'Why; kept on AbsenceDeclared', example: 'Year-end leave' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
