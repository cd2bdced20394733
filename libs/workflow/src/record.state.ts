import type { BlueprintRef, FieldValue, FieldValues } from '@crm/blueprint';
import type { StoredEvent } from '@crm/event-store';
import { isRecordEvent } from './record.events';

export interface OpenTask {
  readonly taskId: string;
  readonly template: string;
  readonly title: string;
  readonly dueAt: string | null;
}

/** A record as its stream says it is: the fold of its events. */
export interface RecordState {
  readonly exists: boolean;
  readonly recordId: string;
  readonly kind: string;
  readonly blueprint: BlueprintRef | null;
  readonly stage: string;
  readonly owner: string | null;
  readonly fields: FieldValues;
  readonly tasks: readonly OpenTask[];
  /** Revision of the last event folded in; -1 for a record with no events. */
  readonly revision: number;
  readonly stageEnteredAt: string | null;
  readonly openedAt: string | null;
  readonly updatedAt: string | null;
  /** Commands already applied, so a retry is recognised and answered with its first result. */
  readonly commandIds: ReadonlySet<string>;
}

export const initialRecordState = (kind: string, recordId: string): RecordState => ({
  exists: false,
  recordId,
  kind,
  blueprint: null,
  stage: '',
  owner: null,
  fields: {},
  tasks: [],
  revision: -1,
  stageEnteredAt: null,
  openedAt: null,
  updatedAt: null,
  commandIds: new Set(),
});

const commandIdOf = (event: StoredEvent): string | null => {
  const commandId = event.metadata['commandId'];
  return typeof commandId === 'string' ? commandId : null;
};

const withoutNulls = (fields: FieldValues): Record<string, FieldValue> =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));

/**
 * A record state being folded: the same shape, with its Set, fields and tasks owned by the fold and
 * changed in place. Copying them for every event made a fold O(events²): a 1,000-event record copied
 * its command ids 1,000 times (the bench's `load.cold`).
 */
type Draft = {
  -readonly [K in keyof RecordState]: RecordState[K];
} & {
  commandIds: Set<string>;
  fields: Record<string, FieldValue>;
  tasks: OpenTask[];
};

/** Copies what the fold changes in place, once, so `state` itself is never changed. */
const draftOf = (state: RecordState): Draft => ({
  ...state,
  commandIds: new Set(state.commandIds),
  fields: { ...state.fields },
  tasks: [...state.tasks],
});

const applyEvent = (draft: Draft, event: StoredEvent): void => {
  const commandId = commandIdOf(event);
  if (commandId !== null) draft.commandIds.add(commandId);
  draft.revision = event.revision;
  draft.updatedAt = event.occurredAt;
  if (!isRecordEvent(event)) return;

  switch (event.type) {
    case 'RecordOpened':
      draft.exists = true;
      draft.kind = event.data.kind;
      draft.recordId = event.data.recordId;
      draft.blueprint = event.data.blueprint;
      draft.stage = event.data.stage;
      draft.owner = event.data.owner;
      draft.fields = withoutNulls(event.data.fields);
      draft.stageEnteredAt = event.occurredAt;
      draft.openedAt = event.occurredAt;
      return;
    case 'FieldsChanged':
      for (const [name, change] of Object.entries(event.data.changes)) {
        if (change.to === null) delete draft.fields[name];
        else draft.fields[name] = change.to;
      }
      return;
    case 'Transitioned':
      draft.stage = event.data.to;
      draft.stageEnteredAt = event.occurredAt;
      return;
    case 'OwnerChanged':
      draft.owner = event.data.to;
      return;
    case 'TaskOpened':
      draft.tasks.push({ taskId: event.data.taskId, template: event.data.template, title: event.data.title, dueAt: event.data.dueAt });
      return;
  }
};

/**
 * Pure: the state after `events`, oldest first. `state` is left as it was; the result shares nothing
 * mutable with it. Events of other types only advance the revision (forward compatibility). Linear in
 * the events plus one copy of the state.
 */
export const evolveRecordWith = (state: RecordState, events: readonly StoredEvent[]): RecordState => {
  if (events.length === 0) return state;
  const draft = draftOf(state);
  for (const event of events) applyEvent(draft, event);
  return draft;
};

/** Pure: the state after one stored event (see `evolveRecordWith` for several). */
export const evolveRecord = (state: RecordState, event: StoredEvent): RecordState => evolveRecordWith(state, [event]);

export const foldRecord = (kind: string, recordId: string, events: readonly StoredEvent[]): RecordState =>
  evolveRecordWith(initialRecordState(kind, recordId), events);
