import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  APPROVAL_MODES,
  MATCH_RULES,
  FIELD_TYPES,
  FORECAST_CATEGORIES,
  STAGE_OUTCOMES,
  PENDING_TIMER_ACTION_KINDS,
  type ApprovalDefinition,
  type ApprovalMode,
  type ApprovalStep,
  type AttributeRule,
  type BehaviourRule,
  type BlueprintDefinition,
  type BlueprintRef,
  type ConversionDefinition,
  type ConversionMatch,
  type ConversionStep,
  type ExitCriteria,
  type ExpressionCriterion,
  type FieldDefinition,
  type FieldType,
  type MatchRule,
  type ForecastCategory,
  type ScoreDecay,
  type ScoreThreshold,
  type ScoringDefinition,
  type StageDefinition,
  type StageOutcome,
  type TaskTemplate,
  type TimerAction,
  type TimerAnchor,
  type TimerDefinition,
  type TransitionDefinition,
} from '@crm/blueprint';
import { IntegerProperty, TextListProperty, TextProperty } from '../../http/dto/schema-properties';
import type { BlueprintDetail } from '../queries/get-blueprint.query';
import type { BlueprintSummary } from '../queries/list-blueprints.query';

@ApiSchema({ name: 'BlueprintRef', description: 'Pins the exact blueprint version a record was opened under' })
export class BlueprintRefResponse implements BlueprintRef {
  @TextProperty('Blueprint id', { example: 'opportunity' })
  readonly id!: string;

  @IntegerProperty('Published version', { minimum: 1 })
  readonly version!: number;

  @TextProperty('sha256 (hex) of the canonical definition', { pattern: '^[0-9a-f]{64}$' })
  readonly contentHash!: string;
}

@ApiSchema({ name: 'FieldDefinition' })
export class FieldDefinitionResponse implements FieldDefinition {
  @TextProperty('Field name, as in record fields and CEL expressions')
  readonly name!: string;

  @ApiProperty({ enum: FIELD_TYPES, description: 'Value type' })
  readonly type!: FieldType;

  @TextProperty('Label for people')
  readonly label!: string;

  @ApiPropertyOptional({ type: String })
  readonly description?: string;

  @ApiPropertyOptional({ type: [String], description: 'enum fields: the allowed values' })
  readonly values?: readonly string[];

  @ApiPropertyOptional({ type: String, description: 'reference fields: the record kind referred to' })
  readonly to?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'As declared: whether reports may group records by the field' })
  readonly groupable?: boolean;

  @ApiPropertyOptional({ type: Number, description: 'number fields: the smallest value allowed' })
  readonly min?: number;

  @ApiPropertyOptional({ type: Number, description: 'number fields: the largest value allowed' })
  readonly max?: number;
}

@ApiSchema({ name: 'TaskTemplate', description: 'A task opened each time its stage is entered' })
export class TaskTemplateResponse implements TaskTemplate {
  @TextProperty('Stable id within the blueprint', { example: 'send_proposal' })
  readonly id!: string;

  @TextProperty('What to do')
  readonly title!: string;

  @ApiPropertyOptional({ type: 'integer', description: 'Due this many days after the stage is entered' })
  readonly dueInDays?: number;

  @ApiPropertyOptional({ type: Boolean, enum: [true], description: 'The task stays open when the record leaves its stage (until done, or the record closes)' })
  readonly keepOpen?: true;
}

@ApiSchema({ name: 'TimerAction', description: 'What a timer does when due: remind, escalate, stalled, release, or fire an event; decay: a pending scoring timer (README, Blueprint reference, Scoring), never declared in a stage' })
export class TimerActionResponse {
  @ApiProperty({ enum: PENDING_TIMER_ACTION_KINDS })
  readonly kind!: TimerAction['kind'];

  @ApiProperty({ type: String, required: false, description: 'fire: the blueprint event' })
  readonly event?: string;
}

@ApiSchema({ name: 'TimerAnchor', description: 'A moment relative to a date field: that day’s start, plus or minus a duration' })
export class TimerAnchorResponse implements TimerAnchor {
  @TextProperty('The date field', { example: 'validUntil' })
  readonly field!: string;

  @ApiPropertyOptional({ type: String, description: 'Signed ISO-8601 duration, e.g. P1D or -P90D; absent: the day itself' })
  readonly offset?: string;
}

@ApiSchema({ name: 'TimerDefinition', description: 'A timer of a stage: set on entering it, cancelled on leaving it' })
export class TimerDefinitionResponse implements TimerDefinition {
  @TextProperty('Unique within the blueprint', { example: 'remind_uncontacted' })
  readonly id!: string;

  @ApiPropertyOptional({ type: String, description: 'ISO-8601 duration from entering the stage, e.g. PT4H' })
  readonly after?: string;

  @ApiPropertyOptional({ type: () => TimerAnchorResponse, description: 'Due at a date field’s day instead' })
  readonly at?: TimerAnchorResponse;

  @ApiPropertyOptional({ type: String, description: 'A business calendar id, or team (the owner’s team’s); absent: plain time, UTC' })
  readonly calendar?: string;

  @ApiProperty({ type: () => TimerActionResponse })
  readonly then!: TimerAction;

  @ApiPropertyOptional({ type: String, description: 'Told with a reminder or escalation; the reason recorded on a release' })
  readonly message?: string;
}

@ApiSchema({ name: 'StageDefinition' })
export class StageDefinitionResponse implements StageDefinition {
  @TextProperty('Stage id', { example: 'qualification' })
  readonly id!: string;

  @TextProperty('Stage title')
  readonly title!: string;

  @IntegerProperty('Position in the lifecycle')
  readonly order!: number;

  @ApiProperty({ type: Number, minimum: 0, maximum: 100, description: 'Win probability in percent' })
  readonly probability!: number;

  @ApiProperty({ enum: FORECAST_CATEGORIES, description: 'Where the forecast counts open deals in this stage' })
  readonly forecastCategory!: ForecastCategory;

  @ApiProperty({ enum: STAGE_OUTCOMES, description: 'won and lost stages are final' })
  readonly outcome!: StageOutcome;

  @ApiProperty({ type: Boolean, description: 'A final stage has no way out' })
  readonly final!: boolean;

  @ApiProperty({ type: () => [TaskTemplateResponse], description: 'Tasks opened on entering the stage' })
  readonly entryTasks!: readonly TaskTemplateResponse[];

  @ApiPropertyOptional({ type: () => [TimerDefinitionResponse], description: 'Timers set on entering the stage; absent when it has none' })
  readonly timers?: readonly TimerDefinitionResponse[];
}

@ApiSchema({ name: 'ExpressionCriterion' })
export class ExpressionCriterionResponse implements ExpressionCriterion {
  @TextProperty('CEL over field names', { example: 'amount > 0' })
  readonly expression!: string;

  @TextProperty('What the rep is told when it is false')
  readonly message!: string;

  @ApiPropertyOptional({ type: Boolean, enum: [true], description: 'Kept: it must stay true in the target stage and later ones (an invariant)' })
  readonly keep?: true;
}

@ApiSchema({ name: 'ExitCriteria' })
export class ExitCriteriaResponse implements ExitCriteria {
  @TextListProperty('Fields that must hold a value after the supplied fields are applied')
  readonly requires!: readonly string[];

  @ApiProperty({ type: () => [ExpressionCriterionResponse] })
  readonly expressions!: readonly ExpressionCriterionResponse[];

  @ApiPropertyOptional({ type: [String], description: 'When present, the actor needs one of these roles' })
  readonly roles?: readonly string[];

  @ApiProperty({ type: Boolean, description: 'Only the record owner may fire the transition' })
  readonly ownerOnly!: boolean;

  @ApiPropertyOptional({ type: [String], description: 'Entry task templates that must be done first (one completed, none open); absent when none' })
  readonly requiresTasks?: readonly string[];
}

@ApiSchema({ name: 'ApprovalStepDefinition', description: 'One approver of a chain: a role or a named user, needed when its condition holds' })
export class ApprovalStepDefinitionResponse implements ApprovalStep {
  @TextProperty('Who is asked, for people', { example: 'Sales manager' })
  readonly title!: string;

  @ApiPropertyOptional({ type: String, description: 'The role that may decide the step' })
  readonly role?: string;

  @ApiPropertyOptional({ type: String, description: 'The user who may decide the step' })
  readonly user?: string;

  @ApiPropertyOptional({ type: String, description: 'CEL over the fields; absent: the step is always needed', example: 'discount >= 0.2' })
  readonly when?: string;
}

@ApiSchema({ name: 'ApprovalDefinition', description: 'Who must approve a transition before it happens' })
export class ApprovalDefinitionResponse implements ApprovalDefinition {
  @ApiProperty({ enum: APPROVAL_MODES, description: 'sequential: in order; all: every step in any order; any: one of them' })
  readonly mode!: ApprovalMode;

  @ApiProperty({ type: () => [ApprovalStepDefinitionResponse] })
  readonly steps!: readonly ApprovalStepDefinitionResponse[];
}

@ApiSchema({ name: 'TransitionDefinition' })
export class TransitionDefinitionResponse implements TransitionDefinition {
  @TextProperty('The event a rep fires', { example: 'analyze_needs' })
  readonly event!: string;

  @TextProperty('Transition title')
  readonly title!: string;

  @TextListProperty('Source stages (any-open expanded to every non-final stage)')
  readonly from!: readonly string[];

  @TextProperty('Target stage')
  readonly to!: string;

  @ApiProperty({ type: () => ExitCriteriaResponse })
  readonly criteria!: ExitCriteriaResponse;

  @TextListProperty('Fields the actor must supply with this very transition')
  readonly supply!: readonly string[];

  @ApiPropertyOptional({ type: () => ApprovalDefinitionResponse, description: 'Who must approve before it happens; absent when nobody' })
  readonly approval?: ApprovalDefinitionResponse;
}

@ApiSchema({ name: 'AttributeRule', description: 'Points while the record’s fields match: one field’s value among values, or a CEL condition' })
export class AttributeRuleResponse implements AttributeRule {
  @TextProperty('Unique among the blueprint’s score rules; names the rule in ScoreChanged', { example: 'target_industry' })
  readonly id!: string;

  @TextProperty('Title')
  readonly title!: string;

  @IntegerProperty('Whole points, negative for a disqualifying attribute; never 0')
  readonly points!: number;

  @ApiPropertyOptional({ type: String, description: 'The field matched against values' })
  readonly field?: string;

  @ApiPropertyOptional({ type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] }, description: 'The values that score' })
  readonly values?: readonly (string | number | boolean)[];

  @ApiPropertyOptional({ type: String, description: 'CEL over the fields (instead of field and values)', example: 'employees >= 1000.0' })
  readonly when?: string;
}

@ApiSchema({ name: 'BehaviourRule', description: 'Points each time an activity of this type is recorded' })
export class BehaviourRuleResponse implements BehaviourRule {
  @TextProperty('The activity type; also the rule’s name', { example: 'demo_requested' })
  readonly activity!: string;

  @TextProperty('Title')
  readonly title!: string;

  @IntegerProperty('Whole points per activity; never 0')
  readonly points!: number;

  @ApiPropertyOptional({ type: 'integer', description: 'The most points (in absolute value) the rule holds at once; absent: no cap' })
  readonly max?: number;
}

@ApiSchema({ name: 'ScoreDecay', description: 'Behaviour points lose this share every week, rounded toward zero' })
export class ScoreDecayResponse implements ScoreDecay {
  @IntegerProperty('Whole percentage, 1 to 100', { minimum: 1 })
  readonly percentPerWeek!: number;
}

@ApiSchema({ name: 'ScoreThreshold', description: 'A score level whose upward crossing fires a transition, through its guards' })
export class ScoreThresholdDefinitionResponse implements ScoreThreshold {
  @TextProperty('Threshold id', { example: 'mql' })
  readonly id!: string;

  @TextProperty('Title')
  readonly title!: string;

  @IntegerProperty('Points: crossed when the score goes from below to at or above it', { minimum: 1 })
  readonly at!: number;

  @TextProperty('The transition event fired', { example: 'mark_mql' })
  readonly fire!: string;
}

@ApiSchema({ name: 'ScoringDefinition', description: 'The blueprint’s scoring rules (README, Blueprint reference, Scoring)' })
export class ScoringDefinitionResponse implements ScoringDefinition {
  @ApiProperty({ type: () => [AttributeRuleResponse] })
  readonly attributes!: readonly AttributeRuleResponse[];

  @ApiProperty({ type: () => [BehaviourRuleResponse] })
  readonly behaviours!: readonly BehaviourRuleResponse[];

  @ApiPropertyOptional({ type: () => ScoreDecayResponse, description: 'Absent: behaviour points never fade' })
  readonly decay?: ScoreDecayResponse;

  @ApiProperty({ type: () => [ScoreThresholdDefinitionResponse], description: 'Ascending by at' })
  readonly thresholds!: readonly ScoreThresholdDefinitionResponse[];
}

@ApiSchema({ name: 'ConversionMatch', description: 'How a conversion step recognises an existing record to link instead of opening one' })
export class ConversionMatchResponse implements ConversionMatch {
  @TextProperty('A field of the step’s mapping, compared with the existing records’ value of it', { example: 'name' })
  readonly field!: string;

  @ApiProperty({ enum: MATCH_RULES, description: 'How both values are normalized before they are compared' })
  readonly by!: MatchRule;
}

@ApiSchema({ name: 'ConversionStep', description: 'A record a conversion opens or finds' })
export class ConversionStepResponse implements ConversionStep {
  @TextProperty('The step’s name, $<as> in later mappings', { example: 'account' })
  readonly as!: string;

  @TextProperty('The kind of record it opens or finds', { example: 'account' })
  readonly kind!: string;

  @ApiPropertyOptional({ type: () => ConversionMatchResponse, description: 'Absent: always opened' })
  readonly match?: ConversionMatchResponse;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Target field → source: a field of the converted record, $record or $<as>' })
  readonly fields!: Readonly<Record<string, string>>;
}

@ApiSchema({ name: 'ConversionDefinition', description: 'What converting a record opens or links (README, Conversion)' })
export class ConversionDefinitionResponse implements ConversionDefinition {
  @TextProperty('The converting transition', { example: 'convert' })
  readonly on!: string;

  @ApiProperty({ type: () => [ConversionStepResponse], description: 'In order' })
  readonly creates!: readonly ConversionStepResponse[];

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Field of the converted record → $<as>: set by the converting transition' })
  readonly link!: Readonly<Record<string, string>>;
}

@ApiSchema({ name: 'BlueprintDefinition', description: 'A blueprint as loaded and validated' })
export class BlueprintDefinitionResponse implements BlueprintDefinition {
  @TextProperty('Blueprint id')
  readonly id!: string;

  @IntegerProperty('Version', { minimum: 1 })
  readonly version!: number;

  @TextProperty('Record kind it governs; records live in streams <kind>-<id>')
  readonly kind!: string;

  @TextProperty('Title')
  readonly title!: string;

  @ApiPropertyOptional({ type: String })
  readonly description?: string;

  @TextProperty('ISO 4217 code for money fields', { example: 'USD' })
  readonly currency!: string;

  @TextProperty('The stage a record is opened in')
  readonly initialStage!: string;

  @ApiProperty({ type: () => [FieldDefinitionResponse] })
  readonly fields!: readonly FieldDefinitionResponse[];

  @ApiProperty({ type: () => [StageDefinitionResponse] })
  readonly stages!: readonly StageDefinitionResponse[];

  @ApiProperty({ type: () => [TransitionDefinitionResponse] })
  readonly transitions!: readonly TransitionDefinitionResponse[];

  @ApiPropertyOptional({ type: () => ScoringDefinitionResponse, description: 'Absent when the blueprint scores nothing' })
  readonly scoring?: ScoringDefinitionResponse;

  @ApiPropertyOptional({ type: () => ConversionDefinitionResponse, description: 'Absent when the blueprint converts nothing' })
  readonly conversion?: ConversionDefinitionResponse;
}

@ApiSchema({ name: 'BlueprintSummary' })
export class BlueprintSummaryResponse implements BlueprintSummary {
  @TextProperty('Blueprint id')
  readonly id!: string;

  @TextProperty('Record kind it governs')
  readonly kind!: string;

  @TextProperty('Title')
  readonly title!: string;

  @IntegerProperty('The newest published version', { minimum: 1 })
  readonly latestVersion!: number;

  @ApiProperty({ type: () => [BlueprintRefResponse], description: 'Every published version, oldest first' })
  readonly versions!: readonly BlueprintRefResponse[];
}

@ApiSchema({ name: 'BlueprintDetail' })
export class BlueprintDetailResponse implements BlueprintDetail {
  @ApiProperty({ type: () => BlueprintRefResponse, description: 'The version answered' })
  readonly ref!: BlueprintRefResponse;

  @ApiProperty({ type: () => BlueprintDefinitionResponse })
  readonly definition!: BlueprintDefinitionResponse;

  @ApiProperty({ type: () => [BlueprintRefResponse], description: 'Every published version, oldest first' })
  readonly versions!: readonly BlueprintRefResponse[];

  @TextProperty('A Mermaid stateDiagram-v2 of stages and transitions')
  readonly diagram!: string;
}
