import { ApiProperty, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import type { Actor, ApprovalMode, BlueprintRef, FieldValue, FieldValues, TimerAction } from '@crm/blueprint';
import type { CommandOrigin, FieldChange } from '@crm/workflow';
import { BlueprintRefResponse, TimerActionResponse } from '../../blueprints/dto/blueprint.response';
import {
  DateTimeProperty,
  FieldChangeValueProperty,
  FieldValuesProperty,
  IntegerProperty,
  NullableTextProperty,
  PositionProperty,
  TextListProperty,
  TextProperty,
} from '../../http/dto/schema-properties';
import { QuotePricedDataResponse, QuoteRevisedDataResponse, QuoteSentDataResponse } from '../../quotes/dto/priced-quote.response';
import { RecordViewResponse, UnmetCriterionResponse } from './record.response';

@ApiSchema({ name: 'CommandOrigin', description: 'Where a command came from, as its sender said' })
export class CommandOriginResponse implements CommandOrigin {
  @TextProperty('The channel, e.g. cli', { example: 'cli' })
  readonly via!: string;

  @ApiProperty({ type: String, required: false, description: 'The operating-system user that ran it' })
  readonly osUser?: string;
}

@ApiSchema({ name: 'RecordEventMetadata', description: 'Who did it and why: the audit trail of every record event' })
export class RecordEventMetadataResponse {
  @TextProperty('User id of the actor')
  readonly actor!: string;

  @TextListProperty('The actor roles when the command was decided')
  readonly roles!: readonly string[];

  @TextProperty('The command that stored the event (idempotency:<user>:<key> for a request with an Idempotency-Key)')
  readonly commandId!: string;

  @TextProperty('The command this one is part of')
  readonly correlationId!: string;

  @TextProperty('The command or event that caused it')
  readonly causationId!: string;

  @ApiProperty({ type: () => BlueprintRefResponse, description: 'The blueprint version that decided it' })
  readonly blueprint!: BlueprintRef;

  @ApiProperty({ type: String, required: false, pattern: '^[0-9a-f]{64}$', description: 'Fingerprint of the command (absent on events stored before it was kept)' })
  readonly commandHash?: string;

  @ApiProperty({ type: () => CommandOriginResponse, required: false })
  readonly origin?: CommandOriginResponse;

  @ApiProperty({ type: Boolean, enum: [true], required: false, description: 'Set on history recorded by a history import' })
  readonly imported?: true;

  @ApiProperty({ type: String, required: false, description: 'Where imported history came from' })
  readonly importSource?: string;

  @ApiProperty({
    type: 'integer',
    required: false,
    minimum: 2,
    description: "Schema version of the event type's data, when above 1; older events are shown upcast to the current version (README, Event schema versions)",
  })
  readonly schemaVersion?: number;
}

@ApiSchema({ name: 'RecordOpenedData' })
export class RecordOpenedDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @TextProperty('Record kind')
  readonly kind!: string;

  @ApiProperty({ type: () => BlueprintRefResponse })
  readonly blueprint!: BlueprintRef;

  @TextProperty('The stage it was opened in')
  readonly stage!: string;

  @NullableTextProperty('Owner user id; null for a lead in the pool')
  readonly owner!: string | null;

  @FieldValuesProperty('Initial field values')
  readonly fields!: FieldValues;
}

@ApiSchema({ name: 'FieldChange' })
export class FieldChangeResponse implements FieldChange {
  @FieldChangeValueProperty('The value before; null when it had none')
  readonly from!: FieldValue;

  @FieldChangeValueProperty('The value after; null when the field was cleared')
  readonly to!: FieldValue;
}

@ApiSchema({ name: 'FieldsChangedData' })
export class FieldsChangedDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(FieldChangeResponse) },
    description: 'Only the fields whose value changed, by name',
  })
  readonly changes!: Readonly<Record<string, FieldChangeResponse>>;
}

@ApiSchema({ name: 'TransitionedData' })
export class TransitionedDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @TextProperty('The transition event (imported when imported history names none)')
  readonly event!: string;

  @TextProperty('Stage left')
  readonly from!: string;

  @TextProperty('Stage entered')
  readonly to!: string;

  @NullableTextProperty('Why, as the actor said; null when not said')
  readonly reason!: string | null;
}

@ApiSchema({ name: 'OwnerChangedData' })
export class OwnerChangedDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @NullableTextProperty('Previous owner; null when unowned')
  readonly from!: string | null;

  @NullableTextProperty('New owner; null when returned to the pool')
  readonly to!: string | null;

  @ApiProperty({ type: String, required: false, description: 'Why, when not a person’s choice (e.g. returned to the pool by a timer)' })
  readonly reason?: string;

  @ApiProperty({ type: String, required: false, description: 'The assignment rule that chose the new owner (README, Assignment rules)' })
  readonly rule?: string;

  @ApiProperty({
    type: String,
    nullable: true,
    required: false,
    description: 'When returned to the pool (to is null): whose pool it is in, the team of the owner it left; null: everyone’s',
  })
  readonly team?: string | null;
}

@ApiSchema({ name: 'LeadPooledData' })
export class LeadPooledDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @NullableTextProperty('The team whose pool the lead waits in; null: everyone’s')
  readonly team!: string | null;

  @NullableTextProperty('The assignment rule that put it there; null when no rule matched')
  readonly rule!: string | null;

  @TextProperty('Why no rep could take it (every rep absent, at capacity, …)')
  readonly reason!: string;
}

@ApiSchema({ name: 'TaskOpenedData' })
export class TaskOpenedDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  readonly taskId!: string;

  @TextProperty('The blueprint task template id')
  readonly template!: string;

  @TextProperty('What to do')
  readonly title!: string;

  @TextProperty('The stage whose entry opened it')
  readonly stage!: string;

  @NullableTextProperty('Who should do it; null when the record is unowned')
  readonly assignee!: string | null;

  @DateTimeProperty('When it is due; null when the template sets no due date', { nullable: true })
  readonly dueAt!: string | null;

  @ApiProperty({ type: Boolean, enum: [true], required: false, description: 'Present when the task stays open as its stage is left' })
  readonly keepOpen?: true;
}

@ApiSchema({ name: 'TaskCompletedData' })
export class TaskCompletedDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  readonly taskId!: string;

  @TextProperty('Who marked it done')
  readonly by!: string;

  @NullableTextProperty('What was done, as they said; null when not said')
  readonly note!: string | null;
}

@ApiSchema({ name: 'TaskCancelledData' })
export class TaskCancelledDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  readonly taskId!: string;

  @ApiProperty({ enum: ['stage_left', 'record_closed'], description: 'stage_left: its stage was left; record_closed: the record reached a final stage' })
  readonly reason!: 'stage_left' | 'record_closed';
}

@ApiSchema({ name: 'TaskReassignedData' })
export class TaskReassignedDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  readonly taskId!: string;

  @NullableTextProperty('Who had it; null when nobody')
  readonly from!: string | null;

  @NullableTextProperty('Who has it now; null when nobody')
  readonly to!: string | null;
}

@ApiSchema({ name: 'TimerScheduledData' })
export class TimerScheduledDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @ApiProperty({ type: String, format: 'uuid', description: 'This setting of the timer; it fires once' })
  readonly timerId!: string;

  @TextProperty('The blueprint timer id', { example: 'remind_uncontacted' })
  readonly timer!: string;

  @TextProperty('The stage whose entry set it')
  readonly stage!: string;

  @DateTimeProperty('When it is due (from the business calendar when the timer names one)')
  readonly dueAt!: string;

  @ApiProperty({ type: () => TimerActionResponse })
  readonly action!: TimerAction;
}

@ApiSchema({ name: 'TimerCancelledData' })
export class TimerCancelledDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  readonly timerId!: string;

  @ApiProperty({ enum: ['stage_left', 'rescheduled'], description: 'stage_left: its stage was left; rescheduled: set again (e.g. a new owner gets the clocks afresh)' })
  readonly reason!: 'stage_left' | 'rescheduled';
}

@ApiSchema({ name: 'TimerFiredData' })
export class TimerFiredDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  readonly timerId!: string;

  @TextProperty('The blueprint timer id')
  readonly timer!: string;

  @TextProperty('The stage that set it')
  readonly stage!: string;

  @ApiProperty({ type: () => TimerActionResponse })
  readonly action!: TimerAction;

  @ApiProperty({ enum: ['done', 'refused'], description: 'refused: a fire whose transition the guards refused (unmet says why; a task was opened)' })
  readonly outcome!: 'done' | 'refused';

  @ApiProperty({ type: () => [UnmetCriterionResponse], description: 'refused: what blocked the transition; otherwise empty' })
  readonly unmet!: readonly UnmetCriterionResponse[];

  @NullableTextProperty('The timer’s message (reminders, escalations, releases); null when it has none')
  readonly message!: string | null;

  @NullableTextProperty('Who owned the record when it fired; null when unowned')
  readonly owner!: string | null;
}

@ApiSchema({ name: 'RecordStalledData' })
export class RecordStalledDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @TextProperty('The stage it is stalled in')
  readonly stage!: string;

  @DateTimeProperty('Since when: the moment it entered the stage')
  readonly since!: string;
}

@ApiSchema({ name: 'ActivityRecordedData', description: 'An activity posted to the record (POST /records/:kind/:id/activities)' })
export class ActivityRecordedDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @ApiProperty({ type: String, format: 'uuid', description: 'Derived from the command id: a retried activity is the same activity' })
  readonly activityId!: string;

  @TextProperty('The activity type, one of the blueprint’s behaviour rules', { example: 'demo_requested' })
  readonly activity!: string;

  @DateTimeProperty('When it happened, as reported (the event’s own occurredAt is when it was recorded)')
  readonly occurredAt!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    description: 'The short values posted with it (campaign, page, …)',
  })
  readonly details!: Readonly<Record<string, string | number | boolean>>;
}

@ApiSchema({ name: 'LinesSource', description: 'The record lines were copied from, at the revision they were read' })
export class LinesSourceResponse {
  @TextProperty('Its kind', { example: 'quote' })
  readonly kind!: string;

  @TextProperty('Its id')
  readonly recordId!: string;

  @IntegerProperty('Its revision when the lines were read')
  readonly revision!: number;
}

@ApiSchema({ name: 'LinesCopiedData', description: 'Lines copied from another record when this one was opened (an order from its accepted quote, a renewal from its subscription)' })
export class LinesCopiedDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @ApiProperty({ type: () => LinesSourceResponse })
  readonly source!: LinesSourceResponse;

  @TextProperty('ISO 4217 code of the amounts', { example: 'USD' })
  readonly currency!: string;

  @IntegerProperty('Digits of the currency’s minor unit', { minimum: 0 })
  readonly minorDigits!: number;

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'The source’s lines as it kept them' })
  readonly lines!: readonly Record<string, unknown>[];

  @IntegerProperty('The lines’ total in minor units', { minimum: 0 })
  readonly totalMinor!: number;
}

@ApiSchema({ name: 'PaymentRecordedData', description: 'A payment received through the payments webhook' })
export class PaymentRecordedDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @TextProperty('The payment system’s id of the payment')
  readonly paymentId!: string;

  @IntegerProperty('In minor units', { minimum: 1 })
  readonly amountMinor!: number;

  @TextProperty('ISO 4217', { example: 'USD' })
  readonly currency!: string;

  @DateTimeProperty('When the money arrived')
  readonly receivedAt!: string;

  @IntegerProperty('Paid so far, this payment included, in minor units', { minimum: 0 })
  readonly paidMinor!: number;

  @IntegerProperty('Left to pay after it, in minor units', { minimum: 0 })
  readonly balanceMinor!: number;
}

@ApiSchema({ name: 'ScoreChange', description: 'Points one score rule gave (or took back) in one ScoreChanged' })
export class ScoreChangeResponse {
  @TextProperty('The rule: an attribute rule’s id or a behaviour rule’s activity', { example: 'demo_requested' })
  readonly rule!: string;

  @ApiProperty({ enum: ['attribute', 'behaviour'] })
  readonly kind!: 'attribute' | 'behaviour';

  @IntegerProperty('Points given (negative: taken)')
  readonly points!: number;
}

@ApiSchema({ name: 'CrossedThreshold', description: 'A score threshold crossed upward, and the transition the lead-scoring reactor fires for it' })
export class CrossedThresholdResponse {
  @TextProperty('The threshold id', { example: 'mql' })
  readonly threshold!: string;

  @IntegerProperty('Its points')
  readonly at!: number;

  @TextProperty('The transition event fired', { example: 'mark_mql' })
  readonly fire!: string;
}

@ApiSchema({ name: 'ScoreChangedData' })
export class ScoreChangedDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @ApiProperty({ enum: ['fields', 'activity', 'decay'], description: 'fields: attribute rules after a field change; activity: a behaviour rule; decay: the weekly decay' })
  readonly reason!: 'fields' | 'activity' | 'decay';

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The activity scored (reason activity); otherwise null' })
  readonly activityId!: string | null;

  @ApiProperty({ type: () => [ScoreChangeResponse], description: 'Every rule that gave or took points' })
  readonly changes!: readonly ScoreChangeResponse[];

  @IntegerProperty('The score before')
  readonly previous!: number;

  @IntegerProperty('The score after')
  readonly score!: number;

  @ApiProperty({ type: () => [CrossedThresholdResponse], description: 'Thresholds crossed upward, lowest first' })
  readonly crossed!: readonly CrossedThresholdResponse[];
}

@ApiSchema({ name: 'Actor', description: 'A user as a command carried them: id and roles when it was decided' })
export class ActorResponse implements Actor {
  @TextProperty('User id')
  readonly id!: string;

  @TextListProperty('Roles')
  readonly roles!: readonly string[];
}

@ApiSchema({ name: 'ApprovalRequestedStep', description: 'A step the record’s fields made necessary: who is asked' })
export class ApprovalRequestedStepResponse {
  @TextProperty('The step as the blueprint titles it', { example: 'Sales manager' })
  readonly title!: string;

  @ApiProperty({ type: String, required: false, description: 'The role that may decide it' })
  readonly role?: string;

  @ApiProperty({ type: String, required: false, description: 'The user who may decide it' })
  readonly user?: string;
}

@ApiSchema({ name: 'ApprovalRequestedData' })
export class ApprovalRequestedDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  readonly approvalId!: string;

  @TextProperty('The transition waiting for approval', { example: 'approve' })
  readonly event!: string;

  @ApiProperty({ type: () => ActorResponse, description: 'Who fired the transition; it fires as them when the chain completes' })
  readonly requestedBy!: Actor;

  @ApiProperty({ enum: ['sequential', 'all', 'any'] })
  readonly mode!: ApprovalMode;

  @ApiProperty({ type: () => [ApprovalRequestedStepResponse], description: 'The steps the record’s fields made necessary, in order' })
  readonly steps!: readonly ApprovalRequestedStepResponse[];

  @TextListProperty('Fields the steps’ conditions read; changing one invalidates the request')
  readonly watches!: readonly string[];
}

@ApiSchema({ name: 'PlannedRecord', description: 'A record a conversion opens (with the fields it gets) or links (found by its match)' })
export class PlannedRecordResponse {
  @TextProperty('The conversion step, as the blueprint names it', { example: 'account' })
  readonly as!: string;

  @TextProperty('Its record kind', { example: 'account' })
  readonly kind!: string;

  @TextProperty('Its id (derived from the conversion id when opened, so a resumed conversion opens the same one)')
  readonly recordId!: string;

  @ApiProperty({ type: Boolean, description: 'Found by its match: linked, not opened' })
  readonly found!: boolean;

  @TextProperty('Who owns it when opened')
  readonly owner!: string;

  @FieldValuesProperty('What it is opened with; empty when found')
  readonly fields!: FieldValues;
}

@ApiSchema({ name: 'ConversionRecord', description: 'A record a conversion opened or linked' })
export class ConversionRecordResponse {
  @TextProperty('The conversion step', { example: 'opportunity' })
  readonly as!: string;

  @TextProperty('Its record kind')
  readonly kind!: string;

  @TextProperty('Its id')
  readonly recordId!: string;

  @ApiProperty({ type: Boolean, required: false, description: 'Found by its match and linked, not opened (absent on a failed conversion’s list of what it opened)' })
  readonly found?: boolean;
}

@ApiSchema({ name: 'ConversionStartedData' })
export class ConversionStartedDataResponse {
  @TextProperty('Record id (the converted record)')
  readonly recordId!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  readonly conversionId!: string;

  @TextProperty('The converting transition', { example: 'convert' })
  readonly event!: string;

  @ApiProperty({ type: () => [PlannedRecordResponse], description: 'What it opens or links, in order' })
  readonly records!: readonly PlannedRecordResponse[];

  @FieldValuesProperty('Fields the converting transition sets: the links to what it opens')
  readonly link!: FieldValues;

  @ApiProperty({ type: () => ActorResponse, description: 'Who converts: every step acts as them' })
  readonly requestedBy!: Actor;
}

@ApiSchema({ name: 'RecordMigratedData', description: 'The record decides with another blueprint version from now on (README, Blueprint lifecycle)' })
export class RecordMigratedDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @ApiProperty({ type: () => BlueprintRefResponse, description: 'The version it was on' })
  readonly from!: BlueprintRef;

  @ApiProperty({ type: () => BlueprintRefResponse, description: 'The version it is on now' })
  readonly to!: BlueprintRef;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'The stage map asked (stage of from → stage of to)' })
  readonly stageMap!: Readonly<Record<string, string>>;

  @TextProperty('Its stage before')
  readonly fromStage!: string;

  @TextProperty('Its stage now')
  readonly toStage!: string;

  @TextProperty('Who migrated it')
  readonly actor!: string;

  @NullableTextProperty('Why')
  readonly reason!: string | null;

  @ApiProperty({ type: () => [UnmetCriterionResponse], description: 'The target stage’s criteria it broke, kept because the migration was forced; empty otherwise' })
  readonly unmet!: readonly UnmetCriterionResponse[];
}

@ApiSchema({ name: 'ConversionCompletedData' })
export class ConversionCompletedDataResponse {
  @TextProperty('Record id (the converted record)')
  readonly recordId!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  readonly conversionId!: string;

  @ApiProperty({ type: () => [ConversionRecordResponse], description: 'What it opened or linked' })
  readonly records!: readonly ConversionRecordResponse[];
}

@ApiSchema({ name: 'ConversionFailedData' })
export class ConversionFailedDataResponse {
  @TextProperty('Record id (the converted record)')
  readonly recordId!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  readonly conversionId!: string;

  @NullableTextProperty('The step refused; null for the converting transition itself')
  readonly step!: string | null;

  @TextProperty('Why it was refused')
  readonly reason!: string;

  @TextProperty('The refusal’s error code', { example: 'TRANSITION_REFUSED' })
  readonly code!: string;

  @ApiProperty({ type: () => [ConversionRecordResponse], description: 'Records opened before the refusal: they stay (an event store removes nothing)' })
  readonly opened!: readonly ConversionRecordResponse[];
}

@ApiSchema({ name: 'ApprovalGrantedData' })
export class ApprovalGrantedDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  readonly approvalId!: string;

  @IntegerProperty('The step granted, from 0', { minimum: 0 })
  readonly step!: number;

  @TextProperty('Who granted it')
  readonly by!: string;

  @NullableTextProperty('The approver’s comment; null when none')
  readonly comment!: string | null;
}

@ApiSchema({ name: 'ApprovalRejectedData' })
export class ApprovalRejectedDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  readonly approvalId!: string;

  @IntegerProperty('The step rejected, from 0', { minimum: 0 })
  readonly step!: number;

  @TextProperty('Who rejected it')
  readonly by!: string;

  @TextProperty('Why')
  readonly reason!: string;
}

@ApiSchema({ name: 'ApprovalInvalidatedData' })
export class ApprovalInvalidatedDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  readonly approvalId!: string;

  @ApiProperty({ enum: ['fields_changed', 'stage_left'], description: 'fields_changed: a field a step’s condition reads changed; stage_left: the record left the stage' })
  readonly reason!: 'fields_changed' | 'stage_left';

  @TextListProperty('fields_changed: the watched fields that changed; otherwise empty')
  readonly fields!: readonly string[];
}

@ApiSchema({ name: 'StageRecordedData', description: 'An imported stage move that no blueprint transition explains; it moves the stage as Transitioned does' })
export class StageRecordedDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @TextProperty('Stage left')
  readonly from!: string;

  @TextProperty('Stage entered')
  readonly to!: string;

  @ApiProperty({ type: () => [UnmetCriterionResponse], description: 'What no transition into the stage satisfied, judged on the fields at that moment' })
  readonly unmet!: readonly UnmetCriterionResponse[];
}

@ApiSchema({ name: 'LeadCapture', description: 'Where an intake lead came from: the key’s source, the sender’s id, campaign and UTM tags' })
export class LeadCaptureResponse {
  @TextProperty('The intake key’s source, e.g. website')
  readonly source!: string;

  @TextProperty('The sender’s id of the lead; with the source it makes the intake idempotent')
  readonly externalId!: string;

  @NullableTextProperty('The campaign, when sent')
  readonly campaign!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'utm_source, utm_medium, utm_campaign, utm_term, utm_content as sent' })
  readonly utm!: Readonly<Record<string, string>>;
}

@ApiSchema({ name: 'LeadCapturedData', description: 'The intake that opened the lead' })
export class LeadCapturedDataResponse extends LeadCaptureResponse {
  @TextProperty('Record id')
  readonly recordId!: string;
}

@ApiSchema({ name: 'LeadMergedData', description: 'Another lead came in as this one: an intake (capture set) or a manual merge (mergedLead set)' })
export class LeadMergedDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @TextProperty('The merge’s id')
  readonly mergeId!: string;

  @TextProperty('The match rule of the lead-matching rule file, or manual')
  readonly rule!: string;

  @ApiProperty({ type: Number, description: 'The rule’s similarity, 1 for exact keys' })
  readonly score!: number;

  @NullableTextProperty('The lead merged away (manual merges); null for an intake')
  readonly mergedLead!: string | null;

  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'The intake (a LeadCapture: source, externalId, campaign, utm); null for a manual merge' })
  readonly capture!: LeadCaptureResponse | null;

  @FieldValuesProperty('What came in (normalized)')
  readonly payload!: FieldValues;

  @FieldValuesProperty('The fields this lead lacked and took from the payload')
  readonly filled!: FieldValues;

  @TextProperty('Who merged: the intake key’s actor or the user')
  readonly by!: string;

  @NullableTextProperty('The user’s reason for a manual merge')
  readonly reason!: string | null;
}

@ApiSchema({ name: 'LeadMergedAwayData', description: 'This lead was merged into another: closed until a split' })
export class LeadMergedAwayDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @TextProperty('The lead it went into')
  readonly into!: string;

  @TextProperty('The merge’s id')
  readonly mergeId!: string;

  @TextProperty('Who merged')
  readonly by!: string;

  @NullableTextProperty('The user’s reason')
  readonly reason!: string | null;
}

@ApiSchema({ name: 'LeadSplitData', description: 'A manual merge undone on the survivor' })
export class LeadSplitDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @TextProperty('The merge undone')
  readonly mergeId!: string;

  @TextProperty('The lead that was merged away')
  readonly mergedLead!: string;

  @TextListProperty('The fields the merge filled that were taken back (those nobody changed since)')
  readonly cleared!: readonly string[];

  @TextProperty('Who split')
  readonly by!: string;
}

@ApiSchema({ name: 'LeadRestoredData', description: 'The lead merged away is a lead of its own again' })
export class LeadRestoredDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @TextProperty('The lead it had gone into')
  readonly from!: string;

  @TextProperty('The merge undone')
  readonly mergeId!: string;

  @TextProperty('Who split')
  readonly by!: string;
}

@ApiSchema({ name: 'DuplicateLeadAllowedData', description: 'Opened by hand although the match rules found it kept already' })
export class DuplicateLeadAllowedDataResponse {
  @TextProperty('Record id')
  readonly recordId!: string;

  @TextProperty('The user’s reason')
  readonly reason!: string;

  @TextListProperty('The match rules that found the lead kept already')
  readonly rules!: readonly string[];

  @TextProperty('Who opened it')
  readonly by!: string;
}

/** What every event a request stored carries, whatever its type. */
abstract class CommandEventBase {
  @ApiProperty({ type: String, format: 'uuid', description: 'Event id, derived from the command id (so a retry stores nothing new)' })
  readonly id!: string;

  @IntegerProperty('Position of the event in the record stream, from 0', { minimum: 0 })
  readonly revision!: number;

  @ApiProperty({ type: () => RecordEventMetadataResponse })
  readonly metadata!: RecordEventMetadataResponse;

  @DateTimeProperty('Business time')
  readonly occurredAt!: string;
}

/** A stored event as the history lists it: also its global position and when it was recorded. */
abstract class HistoryEntryBase extends CommandEventBase {
  @PositionProperty('Global position in the event store')
  readonly position!: string;

  @DateTimeProperty('When the store recorded it (differs from occurredAt for imported history)')
  readonly recordedAt!: string;
}

const eventType = (type: string): PropertyDecorator => ApiProperty({ type: String, enum: [type], description: 'The event type' });

@ApiSchema({ name: 'RecordOpenedEvent' })
export class RecordOpenedEventResponse extends CommandEventBase {
  @eventType('RecordOpened') readonly type!: 'RecordOpened';
  @ApiProperty({ type: () => RecordOpenedDataResponse }) readonly data!: RecordOpenedDataResponse;
}

@ApiSchema({ name: 'FieldsChangedEvent' })
export class FieldsChangedEventResponse extends CommandEventBase {
  @eventType('FieldsChanged') readonly type!: 'FieldsChanged';
  @ApiProperty({ type: () => FieldsChangedDataResponse }) readonly data!: FieldsChangedDataResponse;
}

@ApiSchema({ name: 'TransitionedEvent' })
export class TransitionedEventResponse extends CommandEventBase {
  @eventType('Transitioned') readonly type!: 'Transitioned';
  @ApiProperty({ type: () => TransitionedDataResponse }) readonly data!: TransitionedDataResponse;
}

@ApiSchema({ name: 'StageRecordedEvent' })
export class StageRecordedEventResponse extends CommandEventBase {
  @eventType('StageRecorded') readonly type!: 'StageRecorded';
  @ApiProperty({ type: () => StageRecordedDataResponse }) readonly data!: StageRecordedDataResponse;
}

@ApiSchema({ name: 'OwnerChangedEvent' })
export class OwnerChangedEventResponse extends CommandEventBase {
  @eventType('OwnerChanged') readonly type!: 'OwnerChanged';
  @ApiProperty({ type: () => OwnerChangedDataResponse }) readonly data!: OwnerChangedDataResponse;
}

@ApiSchema({ name: 'LeadPooledEvent' })
export class LeadPooledEventResponse extends CommandEventBase {
  @eventType('LeadPooled') readonly type!: 'LeadPooled';
  @ApiProperty({ type: () => LeadPooledDataResponse }) readonly data!: LeadPooledDataResponse;
}

@ApiSchema({ name: 'ConversionStartedEvent' })
export class ConversionStartedEventResponse extends CommandEventBase {
  @eventType('ConversionStarted') readonly type!: 'ConversionStarted';
  @ApiProperty({ type: () => ConversionStartedDataResponse }) readonly data!: ConversionStartedDataResponse;
}

@ApiSchema({ name: 'RecordMigratedEvent' })
export class RecordMigratedEventResponse extends CommandEventBase {
  @eventType('RecordMigrated') readonly type!: 'RecordMigrated';
  @ApiProperty({ type: () => RecordMigratedDataResponse }) readonly data!: RecordMigratedDataResponse;
}

@ApiSchema({ name: 'ConversionCompletedEvent' })
export class ConversionCompletedEventResponse extends CommandEventBase {
  @eventType('ConversionCompleted') readonly type!: 'ConversionCompleted';
  @ApiProperty({ type: () => ConversionCompletedDataResponse }) readonly data!: ConversionCompletedDataResponse;
}

@ApiSchema({ name: 'ConversionFailedEvent' })
export class ConversionFailedEventResponse extends CommandEventBase {
  @eventType('ConversionFailed') readonly type!: 'ConversionFailed';
  @ApiProperty({ type: () => ConversionFailedDataResponse }) readonly data!: ConversionFailedDataResponse;
}

@ApiSchema({ name: 'TaskOpenedEvent' })
export class TaskOpenedEventResponse extends CommandEventBase {
  @eventType('TaskOpened') readonly type!: 'TaskOpened';
  @ApiProperty({ type: () => TaskOpenedDataResponse }) readonly data!: TaskOpenedDataResponse;
}

@ApiSchema({ name: 'TaskCompletedEvent' })
export class TaskCompletedEventResponse extends CommandEventBase {
  @eventType('TaskCompleted') readonly type!: 'TaskCompleted';
  @ApiProperty({ type: () => TaskCompletedDataResponse }) readonly data!: TaskCompletedDataResponse;
}

@ApiSchema({ name: 'TaskCancelledEvent' })
export class TaskCancelledEventResponse extends CommandEventBase {
  @eventType('TaskCancelled') readonly type!: 'TaskCancelled';
  @ApiProperty({ type: () => TaskCancelledDataResponse }) readonly data!: TaskCancelledDataResponse;
}

@ApiSchema({ name: 'TaskReassignedEvent' })
export class TaskReassignedEventResponse extends CommandEventBase {
  @eventType('TaskReassigned') readonly type!: 'TaskReassigned';
  @ApiProperty({ type: () => TaskReassignedDataResponse }) readonly data!: TaskReassignedDataResponse;
}

@ApiSchema({ name: 'TimerScheduledEvent' })
export class TimerScheduledEventResponse extends CommandEventBase {
  @eventType('TimerScheduled') readonly type!: 'TimerScheduled';
  @ApiProperty({ type: () => TimerScheduledDataResponse }) readonly data!: TimerScheduledDataResponse;
}

@ApiSchema({ name: 'TimerCancelledEvent' })
export class TimerCancelledEventResponse extends CommandEventBase {
  @eventType('TimerCancelled') readonly type!: 'TimerCancelled';
  @ApiProperty({ type: () => TimerCancelledDataResponse }) readonly data!: TimerCancelledDataResponse;
}

@ApiSchema({ name: 'TimerFiredEvent' })
export class TimerFiredEventResponse extends CommandEventBase {
  @eventType('TimerFired') readonly type!: 'TimerFired';
  @ApiProperty({ type: () => TimerFiredDataResponse }) readonly data!: TimerFiredDataResponse;
}

@ApiSchema({ name: 'RecordStalledEvent' })
export class RecordStalledEventResponse extends CommandEventBase {
  @eventType('RecordStalled') readonly type!: 'RecordStalled';
  @ApiProperty({ type: () => RecordStalledDataResponse }) readonly data!: RecordStalledDataResponse;
}

@ApiSchema({ name: 'ApprovalRequestedEvent' })
export class ApprovalRequestedEventResponse extends CommandEventBase {
  @eventType('ApprovalRequested') readonly type!: 'ApprovalRequested';
  @ApiProperty({ type: () => ApprovalRequestedDataResponse }) readonly data!: ApprovalRequestedDataResponse;
}

@ApiSchema({ name: 'ApprovalGrantedEvent' })
export class ApprovalGrantedEventResponse extends CommandEventBase {
  @eventType('ApprovalGranted') readonly type!: 'ApprovalGranted';
  @ApiProperty({ type: () => ApprovalGrantedDataResponse }) readonly data!: ApprovalGrantedDataResponse;
}

@ApiSchema({ name: 'ApprovalRejectedEvent' })
export class ApprovalRejectedEventResponse extends CommandEventBase {
  @eventType('ApprovalRejected') readonly type!: 'ApprovalRejected';
  @ApiProperty({ type: () => ApprovalRejectedDataResponse }) readonly data!: ApprovalRejectedDataResponse;
}

@ApiSchema({ name: 'ApprovalInvalidatedEvent' })
export class ApprovalInvalidatedEventResponse extends CommandEventBase {
  @eventType('ApprovalInvalidated') readonly type!: 'ApprovalInvalidated';
  @ApiProperty({ type: () => ApprovalInvalidatedDataResponse }) readonly data!: ApprovalInvalidatedDataResponse;
}

@ApiSchema({ name: 'RecordOpenedHistoryEntry' })
export class RecordOpenedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('RecordOpened') readonly type!: 'RecordOpened';
  @ApiProperty({ type: () => RecordOpenedDataResponse }) readonly data!: RecordOpenedDataResponse;
}

@ApiSchema({ name: 'FieldsChangedHistoryEntry' })
export class FieldsChangedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('FieldsChanged') readonly type!: 'FieldsChanged';
  @ApiProperty({ type: () => FieldsChangedDataResponse }) readonly data!: FieldsChangedDataResponse;
}

@ApiSchema({ name: 'TransitionedHistoryEntry' })
export class TransitionedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('Transitioned') readonly type!: 'Transitioned';
  @ApiProperty({ type: () => TransitionedDataResponse }) readonly data!: TransitionedDataResponse;
}

@ApiSchema({ name: 'StageRecordedHistoryEntry' })
export class StageRecordedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('StageRecorded') readonly type!: 'StageRecorded';
  @ApiProperty({ type: () => StageRecordedDataResponse }) readonly data!: StageRecordedDataResponse;
}

@ApiSchema({ name: 'OwnerChangedHistoryEntry' })
export class OwnerChangedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('OwnerChanged') readonly type!: 'OwnerChanged';
  @ApiProperty({ type: () => OwnerChangedDataResponse }) readonly data!: OwnerChangedDataResponse;
}

@ApiSchema({ name: 'LeadPooledHistoryEntry' })
export class LeadPooledHistoryEntryResponse extends HistoryEntryBase {
  @eventType('LeadPooled') readonly type!: 'LeadPooled';
  @ApiProperty({ type: () => LeadPooledDataResponse }) readonly data!: LeadPooledDataResponse;
}

@ApiSchema({ name: 'ConversionStartedHistoryEntry' })
export class ConversionStartedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('ConversionStarted') readonly type!: 'ConversionStarted';
  @ApiProperty({ type: () => ConversionStartedDataResponse }) readonly data!: ConversionStartedDataResponse;
}

@ApiSchema({ name: 'RecordMigratedHistoryEntry' })
export class RecordMigratedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('RecordMigrated') readonly type!: 'RecordMigrated';
  @ApiProperty({ type: () => RecordMigratedDataResponse }) readonly data!: RecordMigratedDataResponse;
}

@ApiSchema({ name: 'ConversionCompletedHistoryEntry' })
export class ConversionCompletedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('ConversionCompleted') readonly type!: 'ConversionCompleted';
  @ApiProperty({ type: () => ConversionCompletedDataResponse }) readonly data!: ConversionCompletedDataResponse;
}

@ApiSchema({ name: 'ConversionFailedHistoryEntry' })
export class ConversionFailedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('ConversionFailed') readonly type!: 'ConversionFailed';
  @ApiProperty({ type: () => ConversionFailedDataResponse }) readonly data!: ConversionFailedDataResponse;
}

@ApiSchema({ name: 'TaskOpenedHistoryEntry' })
export class TaskOpenedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('TaskOpened') readonly type!: 'TaskOpened';
  @ApiProperty({ type: () => TaskOpenedDataResponse }) readonly data!: TaskOpenedDataResponse;
}

@ApiSchema({ name: 'TaskCompletedHistoryEntry' })
export class TaskCompletedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('TaskCompleted') readonly type!: 'TaskCompleted';
  @ApiProperty({ type: () => TaskCompletedDataResponse }) readonly data!: TaskCompletedDataResponse;
}

@ApiSchema({ name: 'TaskCancelledHistoryEntry' })
export class TaskCancelledHistoryEntryResponse extends HistoryEntryBase {
  @eventType('TaskCancelled') readonly type!: 'TaskCancelled';
  @ApiProperty({ type: () => TaskCancelledDataResponse }) readonly data!: TaskCancelledDataResponse;
}

@ApiSchema({ name: 'TaskReassignedHistoryEntry' })
export class TaskReassignedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('TaskReassigned') readonly type!: 'TaskReassigned';
  @ApiProperty({ type: () => TaskReassignedDataResponse }) readonly data!: TaskReassignedDataResponse;
}

@ApiSchema({ name: 'TimerScheduledHistoryEntry' })
export class TimerScheduledHistoryEntryResponse extends HistoryEntryBase {
  @eventType('TimerScheduled') readonly type!: 'TimerScheduled';
  @ApiProperty({ type: () => TimerScheduledDataResponse }) readonly data!: TimerScheduledDataResponse;
}

@ApiSchema({ name: 'TimerCancelledHistoryEntry' })
export class TimerCancelledHistoryEntryResponse extends HistoryEntryBase {
  @eventType('TimerCancelled') readonly type!: 'TimerCancelled';
  @ApiProperty({ type: () => TimerCancelledDataResponse }) readonly data!: TimerCancelledDataResponse;
}

@ApiSchema({ name: 'TimerFiredHistoryEntry' })
export class TimerFiredHistoryEntryResponse extends HistoryEntryBase {
  @eventType('TimerFired') readonly type!: 'TimerFired';
  @ApiProperty({ type: () => TimerFiredDataResponse }) readonly data!: TimerFiredDataResponse;
}

@ApiSchema({ name: 'RecordStalledHistoryEntry' })
export class RecordStalledHistoryEntryResponse extends HistoryEntryBase {
  @eventType('RecordStalled') readonly type!: 'RecordStalled';
  @ApiProperty({ type: () => RecordStalledDataResponse }) readonly data!: RecordStalledDataResponse;
}

@ApiSchema({ name: 'ApprovalRequestedHistoryEntry' })
export class ApprovalRequestedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('ApprovalRequested') readonly type!: 'ApprovalRequested';
  @ApiProperty({ type: () => ApprovalRequestedDataResponse }) readonly data!: ApprovalRequestedDataResponse;
}

@ApiSchema({ name: 'ApprovalGrantedHistoryEntry' })
export class ApprovalGrantedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('ApprovalGranted') readonly type!: 'ApprovalGranted';
  @ApiProperty({ type: () => ApprovalGrantedDataResponse }) readonly data!: ApprovalGrantedDataResponse;
}

@ApiSchema({ name: 'ApprovalRejectedHistoryEntry' })
export class ApprovalRejectedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('ApprovalRejected') readonly type!: 'ApprovalRejected';
  @ApiProperty({ type: () => ApprovalRejectedDataResponse }) readonly data!: ApprovalRejectedDataResponse;
}

@ApiSchema({ name: 'ApprovalInvalidatedHistoryEntry' })
export class ApprovalInvalidatedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('ApprovalInvalidated') readonly type!: 'ApprovalInvalidated';
  @ApiProperty({ type: () => ApprovalInvalidatedDataResponse }) readonly data!: ApprovalInvalidatedDataResponse;
}

@ApiSchema({ name: 'LinesCopiedEvent' })
export class LinesCopiedEventResponse extends CommandEventBase {
  @eventType('LinesCopied') readonly type!: 'LinesCopied';
  @ApiProperty({ type: () => LinesCopiedDataResponse }) readonly data!: LinesCopiedDataResponse;
}

@ApiSchema({ name: 'PaymentRecordedEvent' })
export class PaymentRecordedEventResponse extends CommandEventBase {
  @eventType('PaymentRecorded') readonly type!: 'PaymentRecorded';
  @ApiProperty({ type: () => PaymentRecordedDataResponse }) readonly data!: PaymentRecordedDataResponse;
}

@ApiSchema({ name: 'LinesCopiedHistoryEntry' })
export class LinesCopiedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('LinesCopied') readonly type!: 'LinesCopied';
  @ApiProperty({ type: () => LinesCopiedDataResponse }) readonly data!: LinesCopiedDataResponse;
}

@ApiSchema({ name: 'PaymentRecordedHistoryEntry' })
export class PaymentRecordedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('PaymentRecorded') readonly type!: 'PaymentRecorded';
  @ApiProperty({ type: () => PaymentRecordedDataResponse }) readonly data!: PaymentRecordedDataResponse;
}

@ApiSchema({ name: 'ActivityRecordedEvent' })
export class ActivityRecordedEventResponse extends CommandEventBase {
  @eventType('ActivityRecorded') readonly type!: 'ActivityRecorded';
  @ApiProperty({ type: () => ActivityRecordedDataResponse }) readonly data!: ActivityRecordedDataResponse;
}

@ApiSchema({ name: 'ScoreChangedEvent' })
export class ScoreChangedEventResponse extends CommandEventBase {
  @eventType('ScoreChanged') readonly type!: 'ScoreChanged';
  @ApiProperty({ type: () => ScoreChangedDataResponse }) readonly data!: ScoreChangedDataResponse;
}

@ApiSchema({ name: 'ActivityRecordedHistoryEntry' })
export class ActivityRecordedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('ActivityRecorded') readonly type!: 'ActivityRecorded';
  @ApiProperty({ type: () => ActivityRecordedDataResponse }) readonly data!: ActivityRecordedDataResponse;
}

@ApiSchema({ name: 'ScoreChangedHistoryEntry' })
export class ScoreChangedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('ScoreChanged') readonly type!: 'ScoreChanged';
  @ApiProperty({ type: () => ScoreChangedDataResponse }) readonly data!: ScoreChangedDataResponse;
}

@ApiSchema({ name: 'LeadCapturedEvent' })
export class LeadCapturedEventResponse extends CommandEventBase {
  @eventType('LeadCaptured') readonly type!: 'LeadCaptured';
  @ApiProperty({ type: () => LeadCapturedDataResponse }) readonly data!: LeadCapturedDataResponse;
}

@ApiSchema({ name: 'LeadMergedEvent' })
export class LeadMergedEventResponse extends CommandEventBase {
  @eventType('LeadMerged') readonly type!: 'LeadMerged';
  @ApiProperty({ type: () => LeadMergedDataResponse }) readonly data!: LeadMergedDataResponse;
}

@ApiSchema({ name: 'LeadMergedAwayEvent' })
export class LeadMergedAwayEventResponse extends CommandEventBase {
  @eventType('LeadMergedAway') readonly type!: 'LeadMergedAway';
  @ApiProperty({ type: () => LeadMergedAwayDataResponse }) readonly data!: LeadMergedAwayDataResponse;
}

@ApiSchema({ name: 'LeadSplitEvent' })
export class LeadSplitEventResponse extends CommandEventBase {
  @eventType('LeadSplit') readonly type!: 'LeadSplit';
  @ApiProperty({ type: () => LeadSplitDataResponse }) readonly data!: LeadSplitDataResponse;
}

@ApiSchema({ name: 'LeadRestoredEvent' })
export class LeadRestoredEventResponse extends CommandEventBase {
  @eventType('LeadRestored') readonly type!: 'LeadRestored';
  @ApiProperty({ type: () => LeadRestoredDataResponse }) readonly data!: LeadRestoredDataResponse;
}

@ApiSchema({ name: 'DuplicateLeadAllowedEvent' })
export class DuplicateLeadAllowedEventResponse extends CommandEventBase {
  @eventType('DuplicateLeadAllowed') readonly type!: 'DuplicateLeadAllowed';
  @ApiProperty({ type: () => DuplicateLeadAllowedDataResponse }) readonly data!: DuplicateLeadAllowedDataResponse;
}

@ApiSchema({ name: 'LeadCapturedHistoryEntry' })
export class LeadCapturedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('LeadCaptured') readonly type!: 'LeadCaptured';
  @ApiProperty({ type: () => LeadCapturedDataResponse }) readonly data!: LeadCapturedDataResponse;
}

@ApiSchema({ name: 'LeadMergedHistoryEntry' })
export class LeadMergedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('LeadMerged') readonly type!: 'LeadMerged';
  @ApiProperty({ type: () => LeadMergedDataResponse }) readonly data!: LeadMergedDataResponse;
}

@ApiSchema({ name: 'LeadMergedAwayHistoryEntry' })
export class LeadMergedAwayHistoryEntryResponse extends HistoryEntryBase {
  @eventType('LeadMergedAway') readonly type!: 'LeadMergedAway';
  @ApiProperty({ type: () => LeadMergedAwayDataResponse }) readonly data!: LeadMergedAwayDataResponse;
}

@ApiSchema({ name: 'LeadSplitHistoryEntry' })
export class LeadSplitHistoryEntryResponse extends HistoryEntryBase {
  @eventType('LeadSplit') readonly type!: 'LeadSplit';
  @ApiProperty({ type: () => LeadSplitDataResponse }) readonly data!: LeadSplitDataResponse;
}

@ApiSchema({ name: 'LeadRestoredHistoryEntry' })
export class LeadRestoredHistoryEntryResponse extends HistoryEntryBase {
  @eventType('LeadRestored') readonly type!: 'LeadRestored';
  @ApiProperty({ type: () => LeadRestoredDataResponse }) readonly data!: LeadRestoredDataResponse;
}

@ApiSchema({ name: 'DuplicateLeadAllowedHistoryEntry' })
export class DuplicateLeadAllowedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('DuplicateLeadAllowed') readonly type!: 'DuplicateLeadAllowed';
  @ApiProperty({ type: () => DuplicateLeadAllowedDataResponse }) readonly data!: DuplicateLeadAllowedDataResponse;
}

@ApiSchema({ name: 'QuotePricedEvent' })
export class QuotePricedEventResponse extends CommandEventBase {
  @eventType('QuotePriced') readonly type!: 'QuotePriced';
  @ApiProperty({ type: () => QuotePricedDataResponse }) readonly data!: QuotePricedDataResponse;
}

@ApiSchema({ name: 'QuotePricedHistoryEntry' })
export class QuotePricedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('QuotePriced') readonly type!: 'QuotePriced';
  @ApiProperty({ type: () => QuotePricedDataResponse }) readonly data!: QuotePricedDataResponse;
}

@ApiSchema({ name: 'QuoteRevisedEvent' })
export class QuoteRevisedEventResponse extends CommandEventBase {
  @eventType('QuoteRevised') readonly type!: 'QuoteRevised';
  @ApiProperty({ type: () => QuoteRevisedDataResponse }) readonly data!: QuoteRevisedDataResponse;
}

@ApiSchema({ name: 'QuoteRevisedHistoryEntry' })
export class QuoteRevisedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('QuoteRevised') readonly type!: 'QuoteRevised';
  @ApiProperty({ type: () => QuoteRevisedDataResponse }) readonly data!: QuoteRevisedDataResponse;
}

@ApiSchema({ name: 'QuoteSentEvent' })
export class QuoteSentEventResponse extends CommandEventBase {
  @eventType('QuoteSent') readonly type!: 'QuoteSent';
  @ApiProperty({ type: () => QuoteSentDataResponse }) readonly data!: QuoteSentDataResponse;
}

@ApiSchema({ name: 'QuoteSentHistoryEntry' })
export class QuoteSentHistoryEntryResponse extends HistoryEntryBase {
  @eventType('QuoteSent') readonly type!: 'QuoteSent';
  @ApiProperty({ type: () => QuoteSentDataResponse }) readonly data!: QuoteSentDataResponse;
}

const COMMAND_EVENTS = [
  RecordOpenedEventResponse,
  FieldsChangedEventResponse,
  TransitionedEventResponse,
  StageRecordedEventResponse,
  OwnerChangedEventResponse,
  TaskOpenedEventResponse,
  TaskCompletedEventResponse,
  TaskCancelledEventResponse,
  TaskReassignedEventResponse,
  TimerScheduledEventResponse,
  TimerCancelledEventResponse,
  TimerFiredEventResponse,
  RecordStalledEventResponse,
  ApprovalRequestedEventResponse,
  ApprovalGrantedEventResponse,
  ApprovalRejectedEventResponse,
  ApprovalInvalidatedEventResponse,
  LeadPooledEventResponse,
  ActivityRecordedEventResponse,
  ScoreChangedEventResponse,
  LeadCapturedEventResponse,
  LeadMergedEventResponse,
  LeadMergedAwayEventResponse,
  LeadSplitEventResponse,
  LeadRestoredEventResponse,
  DuplicateLeadAllowedEventResponse,
  ConversionStartedEventResponse,
  ConversionCompletedEventResponse,
  ConversionFailedEventResponse,
  RecordMigratedEventResponse,
  LinesCopiedEventResponse,
  PaymentRecordedEventResponse,
  QuotePricedEventResponse,
  QuoteRevisedEventResponse,
  QuoteSentEventResponse,
];
const HISTORY_ENTRIES = [
  RecordOpenedHistoryEntryResponse,
  FieldsChangedHistoryEntryResponse,
  TransitionedHistoryEntryResponse,
  StageRecordedHistoryEntryResponse,
  OwnerChangedHistoryEntryResponse,
  TaskOpenedHistoryEntryResponse,
  TaskCompletedHistoryEntryResponse,
  TaskCancelledHistoryEntryResponse,
  TaskReassignedHistoryEntryResponse,
  TimerScheduledHistoryEntryResponse,
  TimerCancelledHistoryEntryResponse,
  TimerFiredHistoryEntryResponse,
  RecordStalledHistoryEntryResponse,
  ApprovalRequestedHistoryEntryResponse,
  ApprovalGrantedHistoryEntryResponse,
  ApprovalRejectedHistoryEntryResponse,
  ApprovalInvalidatedHistoryEntryResponse,
  LeadPooledHistoryEntryResponse,
  ActivityRecordedHistoryEntryResponse,
  ScoreChangedHistoryEntryResponse,
  LeadCapturedHistoryEntryResponse,
  LeadMergedHistoryEntryResponse,
  LeadMergedAwayHistoryEntryResponse,
  LeadSplitHistoryEntryResponse,
  LeadRestoredHistoryEntryResponse,
  DuplicateLeadAllowedHistoryEntryResponse,
  ConversionStartedHistoryEntryResponse,
  ConversionCompletedHistoryEntryResponse,
  ConversionFailedHistoryEntryResponse,
  RecordMigratedHistoryEntryResponse,
  LinesCopiedHistoryEntryResponse,
  PaymentRecordedHistoryEntryResponse,
  QuotePricedHistoryEntryResponse,
  QuoteRevisedHistoryEntryResponse,
  QuoteSentHistoryEntryResponse,
];

/** A history entry of any event type, as a schema for an array's items (the record history, a figure's explanation). */
export const historyEntryItems = (): { oneOf: { $ref: string }[] } => ({ oneOf: HISTORY_ENTRIES.map((entry) => ({ $ref: getSchemaPath(entry) })) });

/** Schemas reached only through a `$ref` written by hand (a union, a map): the document must list them itself. */
export const RECORD_EVENT_MODELS = [FieldChangeResponse, LeadCaptureResponse, ...COMMAND_EVENTS, ...HISTORY_ENTRIES];

type CommandEventResponse = InstanceType<(typeof COMMAND_EVENTS)[number]>;
type HistoryEntryResponse = InstanceType<(typeof HISTORY_ENTRIES)[number]>;

@ApiSchema({ name: 'RecordWriteResult', description: 'What a write answers: the record as it now is, and the events the request stored' })
export class RecordWriteResultResponse {
  @ApiProperty({ type: () => RecordViewResponse })
  readonly record!: RecordViewResponse;

  @ApiProperty({
    type: 'array',
    items: { oneOf: COMMAND_EVENTS.map((event) => ({ $ref: getSchemaPath(event) })) },
    description: 'The events the request stored, in order; on a retried request, those the first one stored',
  })
  readonly events!: readonly CommandEventResponse[];
}

@ApiSchema({ name: 'RecordHistory', description: 'The record stream: every event with its metadata' })
export class RecordHistoryResponse {
  @TextProperty('Record kind')
  readonly kind!: string;

  @TextProperty('Record id')
  readonly id!: string;

  @ApiProperty({ type: 'array', items: { oneOf: HISTORY_ENTRIES.map((entry) => ({ $ref: getSchemaPath(entry) })) }, description: 'Oldest first' })
  readonly events!: readonly HistoryEntryResponse[];
}
