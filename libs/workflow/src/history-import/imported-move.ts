import type { Actor, CompiledBlueprint, FieldValues, UnmetCriterion } from '@crm/blueprint';

/**
 * Criteria about who acts (`role`, `owner`): history from another system names no actor of ours, so
 * they cannot be judged for it and are left out (README, "History import").
 */
export const ACTOR_CRITERIA: ReadonlySet<string> = new Set(['role', 'owner']);

/** The `event` of the unmet `stage` criterion when no transition of the blueprint leads to the stage at all. */
export const NO_TRANSITION = '(none)';

/** One imported stage move, with the facts at that moment. */
export interface ImportedMove {
  readonly from: string;
  readonly to: string;
  /** The record's fields with the visit's fields applied. */
  readonly fields: FieldValues;
  /** The fields set on entering the stage: what a `supply` criterion asks for. */
  readonly supplied: FieldValues;
  readonly owner: string | null;
  readonly actor: Actor;
}

export type MoveJudgement =
  | { readonly explained: true; readonly event: string }
  | { readonly explained: false; readonly unmet: readonly UnmetCriterion[] };

/** The transitions into the visit's stage, each with its unmet criteria, those about who acted left out. */
const transitionsInto = (blueprint: CompiledBlueprint, move: ImportedMove) => {
  const context = { stage: move.from, fields: move.fields, supplied: move.supplied, owner: move.owner, actor: move.actor };
  return blueprint.definition.transitions
    .filter((transition) => transition.to === move.to)
    .map((transition) => ({
      transition,
      unmet: blueprint.unmetCriteria(transition, context).filter((unmet) => !ACTOR_CRITERIA.has(unmet.criterion)),
    }));
};

/**
 * Whether a blueprint transition explains an imported move: one from the previous stage to the visit's
 * stage whose criteria (the guards XState uses, through `unmetCriteria`) the fields at that moment meet.
 * Otherwise, what no transition satisfied: the criteria of the transitions from the previous stage, or,
 * when none leads from there, of every transition into the stage (each with its `stage` criterion).
 */
export const judgeImportedMove = (blueprint: CompiledBlueprint, move: ImportedMove): MoveJudgement => {
  const judged = transitionsInto(blueprint, move);
  if (judged.length === 0) {
    const { id, version } = blueprint.ref;
    return { explained: false, unmet: [{ event: NO_TRANSITION, criterion: 'stage', message: `no transition of ${id} v${version} leads to ${move.to}` }] };
  }
  const met = judged.find((candidate) => candidate.unmet.length === 0);
  if (met !== undefined) return { explained: true, event: met.transition.event };
  const fromHere = judged.filter((candidate) => candidate.transition.from.includes(move.from));
  return { explained: false, unmet: (fromHere.length > 0 ? fromHere : judged).flatMap((candidate) => candidate.unmet) };
};
