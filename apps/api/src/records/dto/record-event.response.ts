import { ApiProperty, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import type { BlueprintRef, FieldValue, FieldValues } from '@crm/blueprint';
import type { CommandOrigin, FieldChange } from '@crm/workflow';
import { BlueprintRefResponse } from '../../blueprints/dto/blueprint.response';
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

@ApiSchema({ name: 'TaskOpenedEvent' })
export class TaskOpenedEventResponse extends CommandEventBase {
  @eventType('TaskOpened') readonly type!: 'TaskOpened';
  @ApiProperty({ type: () => TaskOpenedDataResponse }) readonly data!: TaskOpenedDataResponse;
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

@ApiSchema({ name: 'TaskOpenedHistoryEntry' })
export class TaskOpenedHistoryEntryResponse extends HistoryEntryBase {
  @eventType('TaskOpened') readonly type!: 'TaskOpened';
  @ApiProperty({ type: () => TaskOpenedDataResponse }) readonly data!: TaskOpenedDataResponse;
}

const COMMAND_EVENTS = [
  RecordOpenedEventResponse,
  FieldsChangedEventResponse,
  TransitionedEventResponse,
  StageRecordedEventResponse,
  OwnerChangedEventResponse,
  TaskOpenedEventResponse,
];
const HISTORY_ENTRIES = [
  RecordOpenedHistoryEntryResponse,
  FieldsChangedHistoryEntryResponse,
  TransitionedHistoryEntryResponse,
  StageRecordedHistoryEntryResponse,
  OwnerChangedHistoryEntryResponse,
  TaskOpenedHistoryEntryResponse,
];

/** Schemas reached only through a `$ref` written by hand (a union, a map): the document must list them itself. */
export const RECORD_EVENT_MODELS = [FieldChangeResponse, ...COMMAND_EVENTS, ...HISTORY_ENTRIES];

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
