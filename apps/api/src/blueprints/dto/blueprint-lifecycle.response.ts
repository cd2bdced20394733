import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { BlueprintProblem, CriteriaChange, ItemChange, PropertyChange, SectionDiff } from '@crm/blueprint';
import type { BlueprintDraft, FunnelStep, MigrationOutcome, MigrationPlan, PlannedMigration, RecordElsewhere, RefusedTransition, RuleCount, WhatIfReport } from '@crm/workflow';
import { UnmetCriterionResponse } from '../../records/dto/record.response';
import type { MigrationAnswer } from '../commands/migrate-records.command';
import { DateTimeProperty, IntegerProperty, NullableTextProperty, TextListProperty, TextProperty } from '../../http/dto/schema-properties';
import type { PublishedBlueprint } from '../commands/publish-blueprint.command';
import type { BlueprintDiffAnswer } from '../queries/blueprint-diff.query';
import type { BlueprintVersionCount } from '@crm/projections';
import type { BlueprintVersions } from '../queries/blueprint-versions.query';
import { EXPORT_FORMATS, type BlueprintExport, type ExportFormat } from '../queries/export-blueprint.query';
import { BlueprintRefResponse } from './blueprint.response';

@ApiSchema({ name: 'PublishedBlueprint' })
export class PublishedBlueprintResponse implements PublishedBlueprint {
  @ApiProperty({ type: () => BlueprintRefResponse, description: 'The version published (or already published with this content)' })
  readonly ref!: BlueprintRefResponse;

  @ApiProperty({ type: () => [BlueprintRefResponse], description: 'Every published version, oldest first' })
  readonly versions!: readonly BlueprintRefResponse[];
}

@ApiSchema({ name: 'BlueprintProblem', description: 'One thing wrong with a blueprint, by file and path' })
export class BlueprintProblemResponse implements BlueprintProblem {
  @TextProperty('The file, or "request body"')
  readonly file!: string;

  @TextProperty('Path in the YAML structure, e.g. transitions[3].requires[0]; empty for the document')
  readonly path!: string;

  @TextProperty('What is wrong')
  readonly message!: string;

  @ApiProperty({ type: 'integer', required: false })
  readonly line?: number;

  @ApiProperty({ type: 'integer', required: false })
  readonly column?: number;
}

@ApiSchema({ name: 'BlueprintDraft', description: 'A stored draft: never used to decide' })
export class BlueprintDraftResponse implements BlueprintDraft {
  @TextProperty('Blueprint id')
  readonly id!: string;

  @TextProperty('The YAML as saved')
  readonly source!: string;

  @ApiProperty({ type: () => [BlueprintProblemResponse], description: 'What publishing it would be refused for, when saved; empty when none' })
  readonly problems!: readonly BlueprintProblemResponse[];

  @TextProperty('Who saved it')
  readonly savedBy!: string;

  @DateTimeProperty('When')
  readonly savedAt!: string;

  @IntegerProperty('How many saves before this one')
  readonly revision!: number;
}

@ApiSchema({ name: 'BlueprintVersionCount' })
export class BlueprintVersionCountResponse implements BlueprintVersionCount {
  @ApiProperty({ type: () => BlueprintRefResponse })
  readonly ref!: BlueprintRefResponse;

  @IntegerProperty('Records pinned to the version now', { minimum: 0 })
  readonly records!: number;

  @IntegerProperty('Of those, not in a final stage', { minimum: 0 })
  readonly live!: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Records by stage of the version' })
  readonly byStage!: Readonly<Record<string, number>>;
}

@ApiSchema({ name: 'BlueprintVersions' })
export class BlueprintVersionsResponse implements BlueprintVersions {
  @TextProperty('Blueprint id')
  readonly id!: string;

  @IntegerProperty('The newest version', { minimum: 1 })
  readonly latestVersion!: number;

  @ApiProperty({ type: () => [BlueprintVersionCountResponse], description: 'Oldest first' })
  readonly versions!: readonly BlueprintVersionCountResponse[];
}

@ApiSchema({ name: 'PropertyChange' })
export class PropertyChangeResponse implements PropertyChange {
  @TextProperty('The property')
  readonly property!: string;

  @ApiProperty({ description: 'Its value before (JSON); null when absent', nullable: true })
  readonly from!: unknown;

  @ApiProperty({ description: 'Its value after (JSON); null when absent', nullable: true })
  readonly to!: unknown;
}

@ApiSchema({ name: 'ItemChange' })
export class ItemChangeResponse implements ItemChange {
  @TextProperty('Stage id, transition event or field name')
  readonly id!: string;

  @ApiProperty({ type: () => [PropertyChangeResponse] })
  readonly changes!: readonly PropertyChangeResponse[];
}

@ApiSchema({ name: 'SectionDiff' })
export class SectionDiffResponse implements SectionDiff {
  @TextListProperty('Added')
  readonly added!: readonly string[];

  @TextListProperty('Removed')
  readonly removed!: readonly string[];

  @ApiProperty({ type: () => [ItemChangeResponse] })
  readonly changed!: readonly ItemChangeResponse[];
}

@ApiSchema({ name: 'CriteriaChange' })
export class CriteriaChangeResponse implements CriteriaChange {
  @TextProperty('The transition')
  readonly event!: string;

  @TextListProperty('Criteria added, e.g. "requires budget"')
  readonly added!: readonly string[];

  @TextListProperty('Criteria removed')
  readonly removed!: readonly string[];
}

@ApiSchema({ name: 'BlueprintDiff' })
export class BlueprintDiffResponse implements BlueprintDiffAnswer {
  @TextProperty('Blueprint id')
  readonly id!: string;

  @IntegerProperty('The older version', { minimum: 1 })
  readonly from!: number;

  @IntegerProperty('The newer version', { minimum: 1 })
  readonly to!: number;

  @ApiProperty({ type: () => [PropertyChangeResponse], description: 'Blueprint-level properties (title, initial stage, …)' })
  readonly blueprint!: readonly PropertyChangeResponse[];

  @ApiProperty({ type: () => SectionDiffResponse })
  readonly stages!: SectionDiffResponse;

  @ApiProperty({ type: () => SectionDiffResponse, description: 'By event; criteria changes are in criteria' })
  readonly transitions!: SectionDiffResponse;

  @ApiProperty({ type: () => [CriteriaChangeResponse] })
  readonly criteria!: readonly CriteriaChangeResponse[];

  @ApiProperty({ type: () => SectionDiffResponse })
  readonly fields!: SectionDiffResponse;

  @ApiProperty({ type: Boolean, description: 'Nothing differs' })
  readonly same!: boolean;

  @TextProperty('The diff for a person, one line per change')
  readonly text!: string;
}

@ApiSchema({ name: 'BlueprintExport' })
export class BlueprintExportResponse implements BlueprintExport {
  @ApiProperty({ enum: EXPORT_FORMATS })
  readonly format!: ExportFormat;

  @ApiProperty({ oneOf: [{ type: 'object', additionalProperties: true }, { type: 'string' }], description: 'xstate: the machine config (JSON); mermaid: the diagram text' })
  readonly content!: BlueprintExport['content'];
}

@ApiSchema({ name: 'PlannedMigration', description: 'Where one live record would land' })
export class PlannedMigrationResponse implements PlannedMigration {
  @TextProperty('Record id')
  readonly recordId!: string;

  @IntegerProperty('Its revision as read; its migration command derives from it')
  readonly revision!: number;

  @TextProperty('Its stage now')
  readonly stage!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The stage in the target version; null: a removed stage no map names' })
  readonly toStage!: string | null;

  @ApiProperty({ type: () => [UnmetCriterionResponse], description: 'The target stage’s exit criteria it would break; empty when none' })
  readonly unmet!: readonly UnmetCriterionResponse[];
}

@ApiSchema({ name: 'MigrationSummary' })
export class MigrationSummaryResponse {
  @IntegerProperty('Live records on the from version', { minimum: 0 })
  readonly records!: number;

  @IntegerProperty('That move without breaking anything', { minimum: 0 })
  readonly ready!: number;

  @IntegerProperty('That would break the target stage’s criteria', { minimum: 0 })
  readonly breaking!: number;

  @IntegerProperty('In a stage the target version removed, not mapped', { minimum: 0 })
  readonly removedStage!: number;
}

@ApiSchema({ name: 'MigrationPlan' })
export class MigrationPlanResponse implements MigrationPlan {
  @TextProperty('Blueprint id')
  readonly blueprint!: string;

  @ApiProperty({ type: () => BlueprintRefResponse })
  readonly from!: BlueprintRefResponse;

  @ApiProperty({ type: () => BlueprintRefResponse })
  readonly to!: BlueprintRefResponse;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  readonly stageMap!: Readonly<Record<string, string>>;

  @ApiProperty({ type: () => [PlannedMigrationResponse], description: 'By record id' })
  readonly records!: readonly PlannedMigrationResponse[];

  @ApiProperty({ type: () => MigrationSummaryResponse })
  readonly summary!: MigrationSummaryResponse;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Records breaking each rule, e.g. "required_field budgetApproved": 12' })
  readonly unmetByRule!: Readonly<Record<string, number>>;
}

@ApiSchema({ name: 'MigrationError' })
export class MigrationErrorResponse {
  @TextProperty('The refusal’s code, e.g. MIGRATION_REFUSED')
  readonly code!: string;

  @TextProperty('Why')
  readonly message!: string;
}

@ApiSchema({ name: 'MigrationOutcome' })
export class MigrationOutcomeResponse implements MigrationOutcome {
  @TextProperty('Record id')
  readonly recordId!: string;

  @ApiProperty({ enum: ['migrated', 'unchanged', 'refused'] })
  readonly status!: MigrationOutcome['status'];

  @ApiPropertyOptional({ type: () => MigrationErrorResponse, description: 'refused: why' })
  readonly error?: MigrationErrorResponse;
}

@ApiSchema({ name: 'MigrationResult' })
export class MigrationResultResponse implements MigrationAnswer {
  @TextProperty('Derived from what was asked: the same request again stores nothing new')
  readonly migrationId!: string;

  @ApiProperty({ type: () => BlueprintRefResponse })
  readonly from!: BlueprintRefResponse;

  @ApiProperty({ type: () => BlueprintRefResponse })
  readonly to!: BlueprintRefResponse;

  @IntegerProperty('Records moved (RecordMigrated stored, or stored by the same request before)', { minimum: 0 })
  readonly migrated!: number;

  @IntegerProperty('Records already on the target version', { minimum: 0 })
  readonly unchanged!: number;

  @IntegerProperty('Records refused (see records[].error)', { minimum: 0 })
  readonly refused!: number;

  @ApiProperty({ type: () => [MigrationOutcomeResponse] })
  readonly records!: readonly MigrationOutcomeResponse[];

  @ApiProperty({ type: () => MigrationSummaryResponse, description: 'The plan applied' })
  readonly plan!: MigrationSummaryResponse;
}

@ApiSchema({ name: 'WhatIfRefusal', description: 'A recorded move the draft would have refused, judged on the record as it was then' })
export class WhatIfRefusalResponse implements RefusedTransition {
  @TextProperty('Record id')
  readonly recordId!: string;

  @TextProperty('The transition event recorded; "(into <stage>)" for an imported move that names none')
  readonly event!: string;

  @TextProperty('Stage it left')
  readonly from!: string;

  @TextProperty('Stage it entered')
  readonly to!: string;

  @DateTimeProperty('When the move happened (business time)')
  readonly occurredAt!: string;

  @ApiProperty({ type: () => [UnmetCriterionResponse], description: 'Every criterion of the draft it did not meet' })
  readonly unmet!: readonly UnmetCriterionResponse[];
}

@ApiSchema({ name: 'WhatIfRuleCount', description: 'How many recorded moves one rule of the draft would have refused' })
export class WhatIfRuleCountResponse implements RuleCount {
  @TextProperty('The transition event')
  readonly event!: string;

  @TextProperty('Which criterion, e.g. required_field')
  readonly criterion!: string;

  @ApiPropertyOptional({ type: String, description: 'The field concerned' })
  readonly field?: string;

  @ApiPropertyOptional({ type: String, description: 'The CEL expression concerned' })
  readonly expression?: string;

  @TextProperty('The rule, for a person')
  readonly message!: string;

  @IntegerProperty('Moves it refused', { minimum: 1 })
  readonly count!: number;
}

@ApiSchema({ name: 'WhatIfElsewhere', description: 'A record the draft would have left in another stage' })
export class WhatIfElsewhereResponse implements RecordElsewhere {
  @TextProperty('Record id')
  readonly recordId!: string;

  @TextProperty('Its stage as recorded')
  readonly stage!: string;

  @TextProperty('Where the draft would have it: it follows only the moves the draft allows')
  readonly draftStage!: string;
}

@ApiSchema({ name: 'WhatIfFunnelStep', description: 'Records that reached one stage of the draft' })
export class WhatIfFunnelStepResponse implements FunnelStep {
  @TextProperty('Stage id')
  readonly stage!: string;

  @TextProperty('Stage title')
  readonly title!: string;

  @IntegerProperty('As recorded', { minimum: 0 })
  readonly recorded!: number;

  @IntegerProperty('Under the draft', { minimum: 0 })
  readonly draft!: number;
}

@ApiSchema({ name: 'WhatIfDraftRef' })
export class WhatIfDraftRefResponse {
  @TextProperty('Blueprint id')
  readonly id!: string;

  @IntegerProperty('The version the draft declares', { minimum: 1 })
  readonly version!: number;
}

@ApiSchema({ name: 'WhatIfWindow', description: 'Records opened in this window (business time); null: unbounded' })
export class WhatIfWindowResponse {
  @NullableTextProperty('From, ISO date-time')
  readonly from!: string | null;

  @NullableTextProperty('To, ISO date-time')
  readonly to!: string | null;
}

@ApiSchema({ name: 'WhatIfReport', description: 'The recorded history replayed against a draft; nothing is stored (the same report as crm blueprint what-if --json)' })
export class WhatIfReportResponse implements WhatIfReport {
  @ApiProperty({ type: () => WhatIfDraftRefResponse })
  readonly blueprint!: WhatIfDraftRefResponse;

  @ApiProperty({ type: () => WhatIfWindowResponse })
  readonly window!: WhatIfWindowResponse;

  @IntegerProperty('Records of the blueprint opened in the window', { minimum: 0 })
  readonly records!: number;

  @IntegerProperty('Events of those records read and folded', { minimum: 0 })
  readonly events!: number;

  @IntegerProperty('Recorded stage moves judged', { minimum: 0 })
  readonly transitions!: number;

  @ApiProperty({ type: () => [WhatIfRefusalResponse], description: 'Every recorded move the draft would have refused' })
  readonly refused!: readonly WhatIfRefusalResponse[];

  @ApiProperty({ type: () => [WhatIfRuleCountResponse], description: 'Refused moves by rule, most first' })
  readonly refusedByRule!: readonly WhatIfRuleCountResponse[];

  @ApiProperty({ type: () => [WhatIfElsewhereResponse] })
  readonly elsewhere!: readonly WhatIfElsewhereResponse[];

  @ApiProperty({ type: () => [WhatIfFunnelStepResponse], description: 'Per stage of the draft, in stage order' })
  readonly funnel!: readonly WhatIfFunnelStepResponse[];
}
