import type { Actor, BlueprintRef, CompiledBlueprint, FieldValues } from '@crm/blueprint';
import { explainRecord, type NextStep } from './explain-record';
import type { ExistingRecord, OpenTask } from './record.state';

/** A record as a user sees it (the API's `GET /records/:kind/:id`, the CLI's `record show`). */
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
  readonly openedAt: string;
  readonly updatedAt: string;
  readonly stageEnteredAt: string;
  readonly tasks: readonly OpenTask[];
  /** Every event the record could take next, for the asking user, with what blocks it. */
  readonly next: readonly NextStep[];
}

export const recordView = (state: ExistingRecord, blueprint: CompiledBlueprint, user: Actor): RecordView => {
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
