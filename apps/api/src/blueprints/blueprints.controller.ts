import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query as QueryParam } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { User } from '@crm/identity';
import type { BlueprintDraft, MigrationPlan, WhatIfReport } from '@crm/workflow';
import { ApiErrorResponses } from '../http/dto/error.response';
import { CurrentUser } from '../identity/current-user.decorator';
import { BlueprintDiffRequest, BlueprintExportRequest, BlueprintSourceRequest, MigrationPlanRequest, MigrationRequestBody, WhatIfRequest } from './blueprint-requests.dto';
import { MigrateRecordsCommand, type MigrationAnswer } from './commands/migrate-records.command';
import { PlanMigrationQuery } from './queries/plan-migration.query';
import { PublishBlueprintCommand, type PublishedBlueprint } from './commands/publish-blueprint.command';
import { SaveBlueprintDraftCommand } from './commands/save-blueprint-draft.command';
import { BlueprintDetailResponse, BlueprintSummaryResponse } from './dto/blueprint.response';
import {
  BlueprintDiffResponse,
  BlueprintDraftResponse,
  BlueprintExportResponse,
  BlueprintVersionsResponse,
  MigrationPlanResponse,
  MigrationResultResponse,
  PublishedBlueprintResponse,
  WhatIfReportResponse,
} from './dto/blueprint-lifecycle.response';
import { BlueprintDiffQuery, type BlueprintDiffAnswer } from './queries/blueprint-diff.query';
import { BlueprintDraftQuery } from './queries/blueprint-draft.query';
import { BlueprintVersionsQuery, type BlueprintVersions } from './queries/blueprint-versions.query';
import { ExportBlueprintQuery, type BlueprintExport } from './queries/export-blueprint.query';
import { GetBlueprintQuery, type BlueprintDetail } from './queries/get-blueprint.query';
import { ListBlueprintsQuery, type BlueprintSummary } from './queries/list-blueprints.query';
import { WhatIfQuery } from './queries/what-if.query';

@ApiTags('blueprints')
@ApiBearerAuth()
@Controller('blueprints')
export class BlueprintsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every blueprint with its published versions' })
  @ApiOkResponse({ type: [BlueprintSummaryResponse] })
  @ApiErrorResponses(400, 401, 503)
  list(): Promise<BlueprintSummary[]> {
    return this.queries.execute(new ListBlueprintsQuery());
  }

  @Post()
  @ApiOperation({
    summary: 'Publish a blueprint version (process owners and admins)',
    description:
      'Runs every start-up check (the file, business calendars, conversion targets, the versions already published) and answers 400 INVALID_BLUEPRINT with every problem and its path, storing nothing; else stores the version and new records of its kind open under it at once. The same content again is a no-op.',
  })
  @ApiCreatedResponse({ type: PublishedBlueprintResponse })
  @ApiErrorResponses(400, 401, 403, 409, 413, 415, 503)
  publish(@CurrentUser() user: User, @Body() request: BlueprintSourceRequest): Promise<PublishedBlueprint> {
    return this.commands.execute(new PublishBlueprintCommand(user, request.source));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A blueprint definition (latest or ?version=N), its versions and a Mermaid diagram' })
  @ApiQuery({ name: 'version', required: false, type: Number })
  @ApiOkResponse({ type: BlueprintDetailResponse })
  @ApiErrorResponses(400, 401, 404, 414, 503)
  get(
    @Param('id') id: string,
    @QueryParam('version', new ParseIntPipe({ optional: true })) version?: number,
  ): Promise<BlueprintDetail> {
    return this.queries.execute(new GetBlueprintQuery(id, version));
  }

  @Get(':id/versions')
  @ApiOperation({ summary: 'Every published version with the records pinned to it now (all, live, by stage), from the records read model' })
  @ApiOkResponse({ type: BlueprintVersionsResponse })
  @ApiErrorResponses(400, 401, 404, 414, 503)
  versions(@Param('id') id: string): Promise<BlueprintVersions> {
    return this.queries.execute(new BlueprintVersionsQuery(id));
  }

  @Get(':id/diff')
  @ApiOperation({ summary: 'What changed between two published versions: stages, transitions, criteria, fields (JSON and text)' })
  @ApiOkResponse({ type: BlueprintDiffResponse })
  @ApiErrorResponses(400, 401, 404, 414, 503)
  diff(@Param('id') id: string, @QueryParam() request: BlueprintDiffRequest): Promise<BlueprintDiffAnswer> {
    return this.queries.execute(new BlueprintDiffQuery(id, request.from, request.to));
  }

  @Get(':id/export')
  @ApiOperation({ summary: 'The blueprint as an XState machine (JSON, for the Stately visualizer) or a Mermaid diagram with criteria and roles on the edges' })
  @ApiOkResponse({ type: BlueprintExportResponse })
  @ApiErrorResponses(400, 401, 404, 414, 503)
  export(@Param('id') id: string, @QueryParam() request: BlueprintExportRequest): Promise<BlueprintExport> {
    return this.queries.execute(new ExportBlueprintQuery(id, request.format, request.version));
  }

  @Put(':id/draft')
  @ApiOperation({ summary: 'Save a draft (process owners and admins): stored with what publishing it would be refused for, never used to decide' })
  @ApiOkResponse({ type: BlueprintDraftResponse })
  @ApiErrorResponses(400, 401, 403, 409, 413, 414, 415, 503)
  saveDraft(@CurrentUser() user: User, @Param('id') id: string, @Body() request: BlueprintSourceRequest): Promise<BlueprintDraft> {
    return this.commands.execute(new SaveBlueprintDraftCommand(user, id, request.source));
  }

  @Get(':id/draft')
  @ApiOperation({ summary: 'The latest draft (process owners and admins)' })
  @ApiOkResponse({ type: BlueprintDraftResponse })
  @ApiErrorResponses(400, 401, 403, 404, 414, 503)
  draft(@CurrentUser() user: User, @Param('id') id: string): Promise<BlueprintDraft> {
    return this.queries.execute(new BlueprintDraftQuery(user, id));
  }

  @Post(':id/migrations/plan')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Plan moving the live records of one version to another (process owners and admins); stores nothing',
    description: 'From the records read model: each live record with its target stage (the stage map’s, else the same id), the target stage’s criteria it would break, and records in removed stages.',
  })
  @ApiOkResponse({ type: MigrationPlanResponse })
  @ApiErrorResponses(400, 401, 403, 404, 413, 414, 415, 503)
  planMigration(@CurrentUser() user: User, @Param('id') id: string, @Body() request: MigrationPlanRequest): Promise<MigrationPlan> {
    return this.queries.execute(new PlanMigrationQuery(user, id, request));
  }

  @Post(':id/migrations')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Migrate the live records of one version to another (process owners and admins)',
    description:
      'One RecordMigrated { from, to, stageMap, actor, reason } per record through the command handler; a record that would break the target stage’s criteria is refused (records[].error) unless force with a reason. Undo: migrate back with the reverse stage map. The same request again stores nothing new.',
  })
  @ApiOkResponse({ type: MigrationResultResponse })
  @ApiErrorResponses(400, 401, 403, 404, 413, 414, 415, 503)
  migrate(@CurrentUser() user: User, @Param('id') id: string, @Body() request: MigrationRequestBody): Promise<MigrationAnswer> {
    return this.commands.execute(new MigrateRecordsCommand(user, id, request));
  }

  @Post(':id/what-if')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replay the recorded history of the blueprint’s records against a draft (process owners and admins); stores nothing',
    description:
      'The same report as crm blueprint what-if --json: the recorded moves the draft would have refused (every unmet criterion, counted by rule), the records it would have left in another stage, and per stage of the draft how many records reached it as recorded and under the draft. from/to: records opened in that window. A draft that does not parse or check is 400 INVALID_BLUEPRINT with every problem and its path.',
  })
  @ApiOkResponse({ type: WhatIfReportResponse })
  @ApiErrorResponses(400, 401, 403, 404, 413, 414, 415, 503)
  whatIf(@CurrentUser() user: User, @Param('id') id: string, @Body() request: WhatIfRequest): Promise<WhatIfReport> {
    return this.queries.execute(new WhatIfQuery(user, id, request));
  }
}
