import type { CriteriaContext, TaskTemplate, TransitionDefinition, UnmetCriterion } from './blueprint.model';
import { stageMessage, type CompiledBlueprint } from './compile-blueprint';
import { OPEN_TASK, type RecordMachineContext, type RecordMachineEvent } from './record.machine';

export type TransitionDecision =
  | {
      readonly kind: 'transitioned';
      readonly transition: TransitionDefinition;
      readonly from: string;
      readonly to: string;
      /** The entry tasks of the new stage, from the `openTask` actions XState returned. */
      readonly tasks: TaskTemplate[];
    }
  | { readonly kind: 'refused'; readonly unmet: UnmetCriterion[] }
  | { readonly kind: 'unknown_event' };

/** The machine's view of a `CriteriaContext`: context and event as `transition()` takes them. */
export const machineInputOf = (
  context: CriteriaContext,
  event: string,
): { context: RecordMachineContext; event: RecordMachineEvent } => ({
  context: { fields: context.fields, owner: context.owner },
  event: { type: event, actor: context.actor, supplied: context.supplied },
});

const refusedForStage = (event: string, stage: string, candidates: readonly TransitionDefinition[]): UnmetCriterion => {
  const from = [...new Set(candidates.flatMap((candidate) => candidate.from))];
  return { event, criterion: 'stage', message: stageMessage(event, stage, from) };
};

const unknownStage = (compiled: CompiledBlueprint, event: string, stage: string): UnmetCriterion => ({
  event,
  criterion: 'stage',
  message: `the record is in stage "${stage}", which blueprint ${compiled.ref.id} v${compiled.ref.version} does not have`,
});

/**
 * Decides one event with XState's pure `transition()` (as `compiled.step`, which reuses one actor scope
 * per compiled blueprint instead of building one per call); nothing runs, nothing is stored. When XState
 * stays put, the answer names every unmet criterion of every transition with that event that starts
 * from the current stage, or, when none does, one `stage` criterion saying where the event is possible.
 */
export const decideTransition = (compiled: CompiledBlueprint, context: CriteriaContext, event: string): TransitionDecision => {
  const candidates = compiled.definition.transitions.filter((candidate) => candidate.event === event);
  if (candidates.length === 0) return { kind: 'unknown_event' };
  if (compiled.stage(context.stage) === undefined) {
    return { kind: 'refused', unmet: [unknownStage(compiled, event, context.stage)] };
  }
  const input = machineInputOf(context, event);
  const snapshot = compiled.machine.resolveState({ value: context.stage, context: input.context });
  const [next, actions] = compiled.step(snapshot, input.event);
  if (typeof next.value === 'string' && next.value !== context.stage) {
    const to = next.value;
    const fired = candidates.find((candidate) => candidate.from.includes(context.stage) && candidate.to === to);
    if (fired === undefined) throw new Error(`XState moved ${context.stage} → ${to} on "${event}", which blueprint ${compiled.ref.id} does not define`);
    const tasks = actions.flatMap((action) => (action.type === OPEN_TASK ? [action.params] : []));
    return { kind: 'transitioned', transition: fired, from: context.stage, to, tasks };
  }
  const fromHere = candidates.filter((candidate) => candidate.from.includes(context.stage));
  if (fromHere.length === 0) return { kind: 'refused', unmet: [refusedForStage(event, context.stage, candidates)] };
  const unmet = fromHere.flatMap((candidate) => compiled.unmetCriteria(candidate, context));
  if (unmet.length === 0) {
    // The guards and unmetCriteria share one catalog; disagreeing would be a bug in this library.
    throw new Error(`XState refused "${event}" from ${context.stage} although every criterion is met`);
  }
  return { kind: 'refused', unmet };
};
