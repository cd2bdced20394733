import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Min } from 'class-validator';

export class ClaimLeadRequest {
  @ApiPropertyOptional({ description: 'Fail with 409 unless the lead is at this revision' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedRevision?: number;
}

export class ReleaseLeadRequest {
  @ApiProperty({ description: 'Why the lead goes back to the pool; kept on OwnerChanged', example: 'Wrong region: the buyer is in Berlin' })
  @IsString()
  @Length(1, 500)
  reason!: string;

  @ApiPropertyOptional({ description: 'Fail with 409 unless the lead is at this revision' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedRevision?: number;
}
