import type { BlueprintRef, FieldValues } from '@crm/blueprint';
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

const withoutNulls = (fields: FieldValues): FieldValues =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));

/** Pure: the state after one stored event. Events of other types are ignored (forward compatibility). */
export const evolveRecord = (state: RecordState, event: StoredEvent): RecordState => {
  const commandId = commandIdOf(event);
  const commandIds = commandId && !state.commandIds.has(commandId) ? new Set([...state.commandIds, commandId]) : state.commandIds;
  const base = { ...state, revision: event.revision, updatedAt: event.occurredAt, commandIds };
  if (!isRecordEvent(event)) return base;

  switch (event.type) {
    case 'RecordOpened':
      return {
        ...base,
        exists: true,
        kind: event.data.kind,
        recordId: event.data.recordId,
        blueprint: event.data.blueprint,
        stage: event.data.stage,
        owner: event.data.owner,
        fields: withoutNulls(event.data.fields),
        stageEnteredAt: event.occurredAt,
        openedAt: event.occurredAt,
      };
    case 'FieldsChanged': {
      const next: Record<string, FieldValues[string]> = { ...state.fields };
      for (const [name, change] of Object.entries(event.data.changes)) {
        if (change.to === null) delete next[name];
        else next[name] = change.to;
      }
      return { ...base, fields: next };
    }
    case 'Transitioned':
      return { ...base, stage: event.data.to, stageEnteredAt: event.occurredAt };
    case 'OwnerChanged':
      return { ...base, owner: event.data.to };
    case 'TaskOpened':
      return {
        ...base,
        tasks: [
          ...state.tasks,
          { taskId: event.data.taskId, template: event.data.template, title: event.data.title, dueAt: event.data.dueAt },
        ],
      };
  }
};

export const foldRecord = (kind: string, recordId: string, events: readonly StoredEvent[]): RecordState =>
  events.reduce(evolveRecord, initialRecordState(kind, recordId));
