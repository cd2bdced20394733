import type { Actor, BlueprintRef, CompiledBlueprint, FieldValues } from '@crm/blueprint';
import { serializePosition, type StoredEvent } from '@crm/event-store';
import { explainRecord, type CommandEvent, type NextStep, type OpenTask, type RecordState } from '@crm/workflow';

export interface RecordView {
  readonly kind: string;
  readonly id: string;
  readonly stage: string;
  readonly stageTitle: string;
  readonly final: boolean;
  readonly owner: string | null;
  readonly fields: FieldValues;
  readonly revision: number;
  readonly blueprint: BlueprintRef;
  readonly openedAt: string | null;
  readonly updatedAt: string | null;
  readonly stageEnteredAt: string | null;
  readonly tasks: readonly OpenTask[];
  /** Every event the record could take next, for the asking user, with what blocks it. */
  readonly next: readonly NextStep[];
}

export const recordView = (state: RecordState, blueprint: CompiledBlueprint, user: Actor): RecordView => {
  const stage = blueprint.stage(state.stage);
  return {
    kind: state.kind,
    id: state.recordId,
    stage: state.stage,
    stageTitle: stage?.title ?? state.stage,
    final: stage?.final ?? false,
    owner: state.owner,
    fields: state.fields,
    revision: state.revision,
    blueprint: blueprint.ref,
    openedAt: state.openedAt,
    updatedAt: state.updatedAt,
    stageEnteredAt: state.stageEnteredAt,
    tasks: state.tasks,
    next: explainRecord(state, blueprint, { id: user.id, roles: user.roles }),
  };
};

export interface HistoryEntry {
  readonly id: string;
  readonly type: string;
  readonly revision: number;
  readonly position: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly data: StoredEvent['data'];
  readonly metadata: StoredEvent['metadata'];
}

export const historyEntry = (event: StoredEvent): HistoryEntry => ({
  id: event.id,
  type: event.type,
  revision: event.revision,
  position: serializePosition(event.position),
  occurredAt: event.occurredAt,
  recordedAt: event.recordedAt,
  data: event.data,
  metadata: event.metadata,
});

/** What a write answers: the record as it now is, and the events the request stored. */
export interface RecordWriteResult {
  readonly record: RecordView;
  readonly events: readonly CommandEvent[];
}
