export { BlueprintCatalog, BLUEPRINT_STREAM_PREFIX, BLUEPRINT_VERSION_PUBLISHED } from './blueprint-catalog';
export { explainRecord } from './explain-record';
export type { NextStep } from './explain-record';
export { recordView } from './record-view';
export type { RecordView } from './record-view';
export { KeyedMutex } from './keyed-mutex';
export { RecordCache } from './record-cache';
export { RecordCommandHandler } from './record-command.handler';
export type { CommandEvent, RecordCommandHandlerOptions, RecordCommandResult } from './record-command.handler';
export type {
  CommandEnvelope,
  FireTransition,
  ImportedStageVisit,
  ImportRecordHistory,
  OpenRecord,
  Reassign,
  RecordCommand,
  UpdateFields,
} from './record.commands';
export { decideRecord, fieldChanges } from './record.decider';
export type { DecidedEvent } from './record.decider';
export { isRecordEvent, RECORD_EVENT_TYPES } from './record.events';
export type {
  FieldChange,
  FieldsChanged,
  OwnerChanged,
  RecordEvent,
  RecordEventMetadata,
  RecordEventType,
  RecordOpened,
  StoredRecordEvent,
  TaskOpened,
  Transitioned,
} from './record.events';
export { deriveId, eventIdFor, isUuid, newCommandId, recordIdFor } from './record-ids';
export { RecordRepository } from './record.repository';
export { evolveRecord, evolveRecordWith, foldRecord, initialRecordState } from './record.state';
export type { OpenTask, RecordState } from './record.state';
export { recordStreamName, recordStreamPrefix } from './record-stream';
export { commandProblems, validateCommand } from './validate-command';
export { WorkflowException, WorkflowExceptionCode } from './workflow.exception';
