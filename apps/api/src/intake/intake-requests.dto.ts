import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class CreateIntakeKeyRequest {
  @ApiProperty({ description: 'The source leads taken in with this key are tagged with, e.g. website', example: 'website' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'source must be 1-40 lower-case letters, digits or -' })
  source!: string;

  @ApiPropertyOptional({ description: 'What the key is for, for people' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ description: 'Leads a minute this key may send (also its largest burst); default 600', minimum: 1, maximum: 1_000_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  ratePerMinute?: number;
}

export class MergeLeadRequest {
  @ApiProperty({ description: 'The lead merged into this one (closed as merged until a split)' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, { message: 'lead must be a record id' })
  lead!: string;

  @ApiPropertyOptional({ description: 'Why, for the audit trail' })
  @IsOptional()
  @IsString()
  @Length(1, 2_000)
  reason?: string;
}

export class SplitLeadRequest {
  @ApiProperty({ description: 'The lead merged into this one by hand, to be a lead of its own again' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, { message: 'lead must be a record id' })
  lead!: string;
}
