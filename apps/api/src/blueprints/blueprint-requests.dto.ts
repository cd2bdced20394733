import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { EXPORT_FORMATS, type ExportFormat } from './queries/export-blueprint.query';

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
