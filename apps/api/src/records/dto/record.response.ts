import { ApiProperty, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import type { FieldValues, TimerAction, UnmetCriterion } from '@crm/blueprint';
import type { RecordListItem, RecordPage } from '@crm/projections';
import type {
  ApprovalStepState,
  ApprovalView,
  ConversionView,
  ConvertedRecordView,
  NextStep,
  OpenTask,
  RecordView,
  ScoreBreakdownView,
  ScoreThresholdView,
  ScoreView,
  TimerView,
} from '@crm/workflow';
import { BlueprintRefResponse, TimerActionResponse } from '../../blueprints/dto/blueprint.response';
import { DateTimeProperty, FieldValuesProperty, IntegerProperty, NullableTextProperty, TextProperty } from '../../http/dto/schema-properties';

@ApiSchema({ name: 'UnmetCriterion', description: 'One exit criterion of a transition that does not hold' })
export class UnmetCriterionResponse implements UnmetCriterion {
  @TextProperty('The transition event')
  readonly event!: string;

  @TextProperty('Which criterion: required_field, supplied_field, expression, role, owner, stage, or the kind a blueprint guard names', {
    example: 'required_field',
  })
  readonly criterion!: string;

  @ApiProperty({ type: String, required: false, description: 'The field concerned (required_field, supplied_field)' })
  readonly field?: string;

  @ApiProperty({ type: String, required: false, description: 'The CEL expression that is false (expression)' })
  readonly expression?: string;

  @ApiProperty({ type: String, required: false, description: 'The task template not done yet (task)' })
  readonly task?: string;

  @ApiProperty({ type: [String], required: false, description: 'The approvers still needed or waited for, by step title (approval)' })
  readonly approvers?: readonly string[];

  @TextProperty('What to do about it, for a person')
  readonly message!: string;
}

@ApiSchema({ name: 'NextStep', description: 'An event the record could take next, for the asking user' })
export class NextStepResponse implements NextStep {
  @TextProperty('The transition event', { example: 'analyze_needs' })
  readonly event!: string;

  @TextProperty('Transition title')
  readonly title!: string;

  @TextProperty('Target stage')
  readonly to!: string;

  @ApiProperty({ type: Boolean, description: 'Whether firing it now would be accepted' })
  readonly allowed!: boolean;

  @ApiProperty({ type: () => [UnmetCriterionResponse], description: 'Every criterion that blocks it; empty when allowed' })
  readonly unmet!: readonly UnmetCriterionResponse[];
}

@ApiSchema({ name: 'OpenTask', description: 'A task opened on entering a stage' })
export class OpenTaskResponse implements OpenTask {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly taskId!: string;

  @TextProperty('The blueprint task template id', { example: 'send_proposal' })
  readonly template!: string;

  @TextProperty('What to do')
  readonly title!: string;

  @TextProperty('The stage that opened it')
  readonly stage!: string;

  @NullableTextProperty('Who should do it (the record owner when it opened); null when nobody')
  readonly assignee!: string | null;

  @DateTimeProperty('When it is due; null when the template sets no due date', { nullable: true })
  readonly dueAt!: string | null;
}

@ApiSchema({ name: 'ApprovalStep', description: 'One approver of a chain' })
export class ApprovalStepResponse implements ApprovalStepState {
  @TextProperty('Who is asked, as the blueprint titles the step', { example: 'Sales manager' })
  readonly title!: string;

  @ApiProperty({ type: String, required: false, description: 'The role that may decide this step' })
  readonly role?: string;

  @ApiProperty({ type: String, required: false, description: 'The user who may decide this step' })
  readonly user?: string;

  @ApiProperty({ enum: ['waiting', 'granted', 'rejected'] })
  readonly status!: 'waiting' | 'granted' | 'rejected';

  @NullableTextProperty('Who decided it')
  readonly by!: string | null;

  @DateTimeProperty('When it was decided', { nullable: true })
  readonly at!: string | null;

  @NullableTextProperty('The approver’s comment, or the reason of a rejection')
  readonly comment!: string | null;
}

@ApiSchema({ name: 'Approval', description: 'An approval request still in play' })
export class ApprovalViewResponse implements ApprovalView {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly approvalId!: string;

  @TextProperty('The transition waiting for approval', { example: 'approve' })
  readonly event!: string;

  @ApiProperty({ enum: ['pending', 'approved'], description: 'pending: waiting for approvers; approved: the transition fires when next tried' })
  readonly status!: 'pending' | 'approved';

  @TextProperty('Who asked')
  readonly requestedBy!: string;

  @DateTimeProperty('When it was asked')
  readonly requestedAt!: string;

  @ApiProperty({ enum: ['sequential', 'all', 'any'] })
  readonly mode!: string;

  @ApiProperty({ type: () => [ApprovalStepResponse] })
  readonly steps!: readonly ApprovalStepResponse[];

  @ApiProperty({ type: [String], description: 'The approvers who may decide now, by step title' })
  readonly waitingFor!: readonly string[];
}

@ApiSchema({ name: 'Timer', description: 'A timer of the record’s stage, still to come' })
export class TimerViewResponse implements TimerView {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly timerId!: string;

  @TextProperty('The blueprint timer id', { example: 'remind_uncontacted' })
  readonly timer!: string;

  @DateTimeProperty('When it is due')
  readonly dueAt!: string;

  @ApiProperty({ type: () => TimerActionResponse })
  readonly action!: TimerAction;
}

@ApiSchema({ name: 'ScoreRuleShare', description: 'One score rule’s points in the record’s score' })
export class ScoreBreakdownResponse implements ScoreBreakdownView {
  @TextProperty('The rule: an attribute rule’s id or a behaviour rule’s activity', { example: 'demo_requested' })
  readonly rule!: string;

  @ApiProperty({ enum: ['attribute', 'behaviour'] })
  readonly kind!: 'attribute' | 'behaviour';

  @TextProperty('The rule’s title in the blueprint')
  readonly title!: string;

  @IntegerProperty('The points it holds now (behaviour points decay week by week)')
  readonly points!: number;
}

@ApiSchema({ name: 'ScoreThresholdState', description: 'A threshold of the blueprint and whether the score has reached it' })
export class ScoreThresholdResponse implements ScoreThresholdView {
  @TextProperty('The threshold id', { example: 'mql' })
  readonly id!: string;

  @TextProperty('Its title')
  readonly title!: string;

  @IntegerProperty('Its points')
  readonly at!: number;

  @TextProperty('The transition its upward crossing fires', { example: 'mark_mql' })
  readonly fire!: string;

  @ApiProperty({ type: Boolean, description: 'Whether the score is at or above it now' })
  readonly reached!: boolean;
}

@ApiSchema({ name: 'Score', description: 'The record’s score as its ScoreChanged events fold (README, Blueprint reference, Scoring)' })
export class ScoreViewResponse implements ScoreView {
  @IntegerProperty('The score: the sum of the breakdown')
  readonly score!: number;

  @IntegerProperty('Points of attribute rules (what the record is)')
  readonly attributes!: number;

  @IntegerProperty('Points of behaviour rules (what it did; decaying)')
  readonly behaviour!: number;

  @ApiProperty({ type: () => [ScoreBreakdownResponse], description: 'Every rule holding points, in the order it first scored' })
  readonly breakdown!: readonly ScoreBreakdownResponse[];

  @ApiProperty({ type: () => [ScoreThresholdResponse] })
  readonly thresholds!: readonly ScoreThresholdResponse[];

  @DateTimeProperty('When its latest activity happened; null before any', { nullable: true })
  readonly lastActivityAt!: string | null;
}

@ApiSchema({ name: 'ConvertedRecord', description: 'A record a conversion opened or found' })
export class ConvertedRecordResponse implements ConvertedRecordView {
  @TextProperty('The conversion step, as the blueprint names it', { example: 'account' })
  readonly as!: string;

  @TextProperty('Its record kind', { example: 'account' })
  readonly kind!: string;

  @TextProperty('Its id')
  readonly recordId!: string;

  @ApiProperty({ type: Boolean, description: 'Found by its match and linked, not opened' })
  readonly found!: boolean;
}

@ApiSchema({ name: 'Conversion', description: 'The record’s latest conversion (a lead into an opportunity with its account and contact)' })
export class ConversionViewResponse implements ConversionView {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly conversionId!: string;

  @TextProperty('The converting transition', { example: 'convert' })
  readonly event!: string;

  @ApiProperty({ type: String, enum: ['pending', 'completed', 'failed'], description: 'pending: under way (a crash left it; it is carried on); failed: a step was refused' })
  readonly status!: 'pending' | 'completed' | 'failed';

  @DateTimeProperty('When it was committed')
  readonly startedAt!: string;

  @TextProperty('Who converted')
  readonly requestedBy!: string;

  @ApiProperty({ type: () => [ConvertedRecordResponse], description: 'The records it opens or links, in order' })
  readonly records!: readonly ConvertedRecordResponse[];

  @NullableTextProperty('failed: why; null otherwise')
  readonly reason!: string | null;

  @NullableTextProperty('failed: the refusal’s error code; null otherwise')
  readonly code!: string | null;

  @NullableTextProperty('failed: the step refused (null: the converting transition itself)')
  readonly step!: string | null;
}

@ApiSchema({ name: 'RecordView', description: 'A record as its events say it is now, with every possible next event' })
export class RecordViewResponse implements RecordView {
  @TextProperty('Record kind', { example: 'opportunity' })
  readonly kind!: string;

  @TextProperty('Record id', { example: 'globex-1' })
  readonly id!: string;

  @TextProperty('Current stage id')
  readonly stage!: string;

  @TextProperty('Current stage title')
  readonly stageTitle!: string;

  @ApiProperty({ type: Boolean, description: 'Whether the stage is final (no transition leaves it; fields no longer change)' })
  readonly final!: boolean;

  @NullableTextProperty('Owner user id; null for a lead in the pool')
  readonly owner!: string | null;

  @FieldValuesProperty('Field values by name')
  readonly fields!: FieldValues;

  @IntegerProperty('Revision of the record stream: its last event number, from 0', { minimum: 0 })
  readonly revision!: number;

  @ApiProperty({ type: () => BlueprintRefResponse, description: 'The blueprint version the record is pinned to' })
  readonly blueprint!: BlueprintRefResponse;

  @DateTimeProperty('Business time the record was opened')
  readonly openedAt!: string;

  @DateTimeProperty('Business time of the last change')
  readonly updatedAt!: string;

  @DateTimeProperty('Business time the current stage was entered')
  readonly stageEnteredAt!: string;

  @DateTimeProperty('Since when the record is stalled in its stage (a stalledAfter timer fired); null when it is not', { nullable: true })
  readonly stalledSince!: string | null;

  @ApiProperty({ type: () => [OpenTaskResponse], description: 'Open tasks' })
  readonly tasks!: readonly OpenTaskResponse[];

  @ApiProperty({ type: () => [ApprovalViewResponse], description: 'Approval requests still in play' })
  readonly approvals!: readonly ApprovalViewResponse[];

  @ApiProperty({ type: () => [TimerViewResponse], description: 'Timers of the stage still to come' })
  readonly timers!: readonly TimerViewResponse[];

  // OpenAPI 3.0 cannot mark a $ref nullable: the null is the second alternative.
  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(ConversionViewResponse) }, { type: 'object', nullable: true, enum: [null] }],
    description: 'Its latest conversion; null when never converted',
  })
  readonly conversion!: ConversionViewResponse | null;

  @ApiProperty({ type: () => [NextStepResponse], description: 'Every event the record could take next, with what blocks it' })
  readonly next!: readonly NextStepResponse[];

  @ApiProperty({ type: () => ScoreViewResponse, required: false, description: 'The score and its breakdown; absent when the record’s blueprint scores nothing' })
  readonly score?: ScoreViewResponse;
}

@ApiSchema({ name: 'RecordListItem', description: 'A record as the records read model has it' })
export class RecordListItemResponse implements RecordListItem {
  @TextProperty('Record kind')
  readonly kind!: string;

  @TextProperty('Record id')
  readonly recordId!: string;

  @TextProperty('Stage id (at asOf)')
  readonly stage!: string;

  @NullableTextProperty('Owner user id (at asOf); null when unowned')
  readonly owner!: string | null;

  @NullableTextProperty('The name field; null when it has none')
  readonly name!: string | null;

  @FieldValuesProperty('Field values by name (at asOf)')
  readonly fields!: FieldValues;

  @DateTimeProperty('Business time the record was opened')
  readonly openedAt!: string;

  @DateTimeProperty('Business time of the last change at or before asOf')
  readonly updatedAt!: string;

  @ApiProperty({ type: Boolean, description: 'False once the history has a stage move no blueprint transition explains (StageRecorded)' })
  readonly conforming!: boolean;
}

@ApiSchema({ name: 'RecordPage', description: 'One page of a records list' })
export class RecordPageResponse implements RecordPage {
  @ApiProperty({ type: () => [RecordListItemResponse] })
  readonly items!: readonly RecordListItemResponse[];

  @NullableTextProperty('Pass it as cursor for the next page; null on the last page')
  readonly nextCursor!: string | null;

  @DateTimeProperty('The business time asked for; null for now', { nullable: true })
  readonly asOf!: string | null;
}
