import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import type { FieldValues } from '@crm/blueprint';
import type { Conformance } from '@crm/projections';
import { IsAsOf } from '../read-models/business-time.validators';
import { ConformanceQuery } from '../read-models/conformance-query';

const FIELDS_DOC = { type: 'object', additionalProperties: true, example: { name: 'Globex platform deal', amount: 42000 } } as const;

export class AllowDuplicateRequest {
  @ApiProperty({ description: 'Why this lead is kept twice, for the audit trail' })
  @IsString()
  @Length(1, 2_000)
  reason!: string;
}

export class OpenRecordRequest {
  @ApiPropertyOptional({ description: 'Record id; generated when absent. Letters, digits, _ . : -' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, { message: 'id must be 1-128 letters, digits or _ . : -' })
  id?: string;

  @ApiPropertyOptional({ ...FIELDS_DOC, description: 'Initial field values, checked against the blueprint' })
  @IsOptional()
  @IsObject()
  fields?: FieldValues;

  @ApiPropertyOptional({ description: 'Owner user id; defaults to you; null leaves a lead in the pool', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_request, value) => value !== null)
  @IsString()
  @Length(1, 64)
  owner?: string | null;

  @ApiPropertyOptional({ type: () => AllowDuplicateRequest, description: 'Open a lead the match rules find kept already (else 409 DUPLICATE_LEAD); the reason is recorded' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AllowDuplicateRequest)
  allowDuplicate?: AllowDuplicateRequest;
}

export class UpdateFieldsRequest {
  @ApiProperty({ ...FIELDS_DOC, description: 'Field values to set; null clears a field' })
  @IsObject()
  fields!: FieldValues;

  @ApiPropertyOptional({ description: 'Fail with 409 unless the record is at this revision' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedRevision?: number;
}

export class FireTransitionRequest {
  @ApiProperty({ description: 'The blueprint transition event, e.g. analyze_needs', example: 'analyze_needs' })
  @IsString()
  @Length(1, 100)
  event!: string;

  @ApiPropertyOptional({ ...FIELDS_DOC, description: 'Field values set in the same step, before exit criteria are judged' })
  @IsOptional()
  @IsObject()
  fields?: FieldValues;

  @ApiPropertyOptional({ description: 'Fail with 409 unless the record is at this revision' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedRevision?: number;

  @ApiPropertyOptional({ description: 'Why, kept on the Transitioned event' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class ReassignRequest {
  @ApiProperty({ description: 'New owner user id, or null to return a lead to the pool', nullable: true, type: String })
  @ValidateIf((_request, value) => value !== null)
  @IsString()
  @Length(1, 64)
  owner!: string | null;

  @ApiPropertyOptional({ description: 'Fail with 409 unless the record is at this revision' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedRevision?: number;
}

export class CompleteTaskRequest {
  @ApiPropertyOptional({ description: 'What was done, kept on the TaskCompleted event' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class GrantApprovalRequest {
  @ApiPropertyOptional({ description: 'Kept on the ApprovalGranted event' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  comment?: string;
}

export class RejectApprovalRequest {
  @ApiProperty({ description: 'Why, kept on the ApprovalRejected event and shown in the record’s history' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

/** `GET /records/:kind`: filters of the records read model; every one optional. */
export class ListRecordsRequest {
  @ApiPropertyOptional({ description: 'Only records in this stage (at asOf)', example: 'proposal' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  stage?: string;

  @ApiPropertyOptional({ description: 'Only records owned by this user id (at asOf)', example: 'rita' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  owner?: string;

  @ApiPropertyOptional({ description: 'Case-insensitive part of the name (name, else title, else company)', example: 'globex' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  text?: string;

  @ApiPropertyOptional({ description: 'Business time: YYYY-MM-DD (end of that day, UTC) or ISO date-time with offset; default now', example: '2026-03-31' })
  @IsOptional()
  @IsAsOf()
  asOf?: string;

  @ApiPropertyOptional({ description: 'Page size 1-500, default 50', minimum: 1, maximum: 500, type: Number })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  cursor?: string;

  @ApiPropertyOptional({ description: 'Only records pinned to this version of their blueprint now (after migrations)', minimum: 1, type: Number, example: 2 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  blueprintVersion?: number;

  @ConformanceQuery()
  conformance?: Conformance;

  @ApiPropertyOptional({
    description: 'true: only unowned records — for leads, the pool: everyone’s and, for reps and managers, their own team’s (README, Lead pool)',
    enum: ['true', 'false'],
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'pool must be true or false' })
  pool?: boolean;
}
