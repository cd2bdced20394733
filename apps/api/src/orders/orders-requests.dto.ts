import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class AcceptanceLinkRequest {
  @ApiPropertyOptional({ description: 'Days the link stays good; default 14', minimum: 1, maximum: 90 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  expiresInDays?: number;
}

export class QuoteAcceptanceRequest {
  @ApiProperty({ description: 'The token of the acceptance link' })
  @IsString()
  @Length(1, 2_000)
  token!: string;

  @ApiPropertyOptional({ description: 'Who accepts, for the audit trail (a name or an email)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  acceptedBy?: string;
}
