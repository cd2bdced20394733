import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Min, ValidateBy } from 'class-validator';
import { whatIfBound } from '@crm/workflow';
import { EXPORT_FORMATS, type ExportFormat } from './queries/export-blueprint.query';

/** Every value a stage id (text of 1 to 100 characters). */
const IsStageMap = (): PropertyDecorator =>
  ValidateBy({
    name: 'isStageMap',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' && value !== null && Object.values(value).every((stage) => typeof stage === 'string' && stage.length > 0 && stage.length <= 100),
      defaultMessage: () => 'stageMap must map stage ids to stage ids',
    },
  });

/** Blueprint files are a few KiB; the body limit (1 MiB) bounds them anyway. */
const MAX_SOURCE = 500_000;

/** `POST /blueprints` and `PUT /blueprints/{id}/draft`: the YAML, as a `*.blueprint.yaml` file holds it. */
export class BlueprintSourceRequest {
  @ApiProperty({ description: 'The blueprint YAML (README, Blueprint reference)', example: 'id: opportunity\nversion: 4\n…' })
  @IsString()
  @Length(1, MAX_SOURCE)
  source!: string;
}

export class BlueprintDiffRequest {
  @ApiProperty({ description: 'The older version', minimum: 1, type: Number, example: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  from!: number;

  @ApiProperty({ description: 'The newer version', minimum: 1, type: Number, example: 2 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  to!: number;
}

export class BlueprintExportRequest {
  @ApiProperty({ enum: EXPORT_FORMATS, description: 'xstate: machine JSON for the Stately visualizer; mermaid: stateDiagram-v2 with criteria and roles on the edges' })
  @IsIn(EXPORT_FORMATS)
  format!: ExportFormat;

  @ApiPropertyOptional({ description: 'The version; default the latest', minimum: 1, type: Number })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

/** `POST /blueprints/{id}/migrations/plan`. */
export class MigrationPlanRequest {
  @ApiProperty({ description: 'The version the records are on', minimum: 1, type: Number, example: 1 })
  @IsInt()
  @Min(1)
  from!: number;

  @ApiProperty({ description: 'The version to move them to (lower to undo a migration)', minimum: 1, type: Number, example: 2 })
  @IsInt()
  @Min(1)
  to!: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'Stage of from → stage of to; a stage not named keeps its id', example: { needs_analysis: 'discovery' } })
  @IsOptional()
  @IsObject()
  @IsStageMap()
  stageMap?: Record<string, string>;
}

/** `POST /blueprints/{id}/migrations`. */
export class MigrationRequestBody extends MigrationPlanRequest {
  @ApiPropertyOptional({ description: 'Recorded on every RecordMigrated; required with force', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Also migrate records that break the target stage’s criteria (recorded as unmet on the event)' })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

/** A what-if window bound: a date (the whole day, UTC) or an ISO-8601 date-time with offset. */
const IsWhatIfBound = (side: 'from' | 'to'): PropertyDecorator =>
  ValidateBy({
    name: 'isWhatIfBound',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && whatIfBound(side, value) !== null,
      defaultMessage: () => `${side} must be a date (YYYY-MM-DD) or an ISO-8601 date-time with offset`,
    },
  });

/** `POST /blueprints/{id}/what-if`: a draft and the window of records to replay against it. */
export class WhatIfRequest extends BlueprintSourceRequest {
  @ApiPropertyOptional({ description: 'Records opened from (business time): a date is the whole day, UTC; a date-time is taken as it is', example: '2026-01-01' })
  @IsOptional()
  @IsString()
  @IsWhatIfBound('from')
  from?: string;

  @ApiPropertyOptional({ description: 'Records opened up to (business time): a date is the whole day, UTC', example: '2026-06-30' })
  @IsOptional()
  @IsString()
  @IsWhatIfBound('to')
  to?: string;
}
