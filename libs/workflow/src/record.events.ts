import type { BlueprintRef, FieldValue, FieldValues } from '@crm/blueprint';
import type { StoredEvent } from '@crm/event-store';

/**
 * The facts a record's stream is made of. Plain data types, never classes: they are stored as JSON and
 * folded by `evolveRecord`.
 */

export interface RecordOpened {
  readonly type: 'RecordOpened';
  readonly data: {
    readonly recordId: string;
    readonly kind: string;
    readonly blueprint: BlueprintRef;
    readonly stage: string;
    readonly owner: string | null;
    readonly fields: FieldValues;
  };
}

export interface FieldChange {
  readonly from: FieldValue;
  readonly to: FieldValue;
}

export interface FieldsChanged {
  readonly type: 'FieldsChanged';
  readonly data: {
    readonly recordId: string;
    readonly changes: Readonly<Record<string, FieldChange>>;
  };
}

export interface Transitioned {
  readonly type: 'Transitioned';
  readonly data: {
    readonly recordId: string;
    readonly event: string;
    readonly from: string;
    readonly to: string;
    readonly reason: string | null;
  };
}

export interface OwnerChanged {
  readonly type: 'OwnerChanged';
  readonly data: {
    readonly recordId: string;
    readonly from: string | null;
    readonly to: string | null;
  };
}

export interface TaskOpened {
  readonly type: 'TaskOpened';
  readonly data: {
    readonly recordId: string;
    readonly taskId: string;
    /** The blueprint's task template id, e.g. `send_proposal`. */
    readonly template: string;
    readonly title: string;
    readonly stage: string;
    readonly assignee: string | null;
    /** ISO-8601; null when the template sets no due date. */
    readonly dueAt: string | null;
  };
}

export type RecordEvent = RecordOpened | FieldsChanged | Transitioned | OwnerChanged | TaskOpened;
export type RecordEventType = RecordEvent['type'];

export const RECORD_EVENT_TYPES: readonly RecordEventType[] = [
  'RecordOpened',
  'FieldsChanged',
  'Transitioned',
  'OwnerChanged',
  'TaskOpened',
];

/** Who did it and why, on every event (DESIGN.md: the audit trail is the metadata). */
export interface RecordEventMetadata {
  readonly actor: string;
  readonly roles: readonly string[];
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly blueprint: BlueprintRef;
  /** Set on history recorded by ImportRecordHistory. */
  readonly imported?: true;
  readonly importSource?: string;
}

export type StoredRecordEvent = StoredEvent & RecordEvent;

export const isRecordEvent = (event: StoredEvent): event is StoredRecordEvent =>
  (RECORD_EVENT_TYPES as readonly string[]).includes(event.type);
