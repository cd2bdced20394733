import { initialTransition } from 'xstate';
import type { CriteriaContext, TaskTemplate, TimerDefinition, TransitionDefinition, UnmetCriterion } from './blueprint.model';
import { stageMessage, type CompiledBlueprint } from './compile-blueprint';
import { OPEN_TASK, type RecordMachineAction, type RecordMachineContext, type RecordMachineEvent, type TimerPlanner } from './record.machine';

/** A timer of a stage, as a decision sets or cancels it. */
export interface StageTimer {
  readonly stage: string;
  readonly timer: TimerDefinition;
}

export interface ScheduledTimer extends StageTimer {
  /** Milliseconds from the decision until the timer is due; never Infinity (unschedulable timers are left out). */
  readonly dueInMs: number;
}

/** What entering (and leaving) stages does, from the actions XState returned. */
export interface StageEffects {
  /** The entry tasks of the entered stage, from the `openTask` actions. */
  readonly tasks: TaskTemplate[];
  /** The timers of the entered stage that can come due, from XState's delayed raises. */
  readonly timersSet: ScheduledTimer[];
  /** The timers of the left stage, from XState's cancels. */
  readonly timersCancelled: StageTimer[];
}

export type TransitionDecision =
  | ({
      readonly kind: 'transitioned';
      readonly transition: TransitionDefinition;
      readonly from: string;
      readonly to: string;
    } & StageEffects)
  | { readonly kind: 'refused'; readonly unmet: UnmetCriterion[] }
  | { readonly kind: 'unknown_event' };

/** What a decision knows besides the criteria: how to date the timers of a stage it enters. */
export interface DecisionContext extends CriteriaContext {
  readonly planner?: TimerPlanner;
}

/** The machine's view of a `CriteriaContext`: context and event as `transition()` takes them. */
export const machineInputOf = (context: DecisionContext, event: string): { context: RecordMachineContext; event: RecordMachineEvent } => ({
  context: {
    fields: context.fields,
    owner: context.owner,
    tasks: context.tasks ?? [],
    approvals: context.approvals ?? [],
    ...(context.planner === undefined ? {} : { planner: context.planner }),
  },
  event: { type: event, actor: context.actor, supplied: context.supplied },
});

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Sorts XState's actions into tasks to open and timers to set or cancel. */
export const stageEffectsOf = (compiled: CompiledBlueprint, actions: readonly RecordMachineAction[]): StageEffects => {
  const effects: { tasks: TaskTemplate[]; timersSet: ScheduledTimer[]; timersCancelled: StageTimer[] } = { tasks: [], timersSet: [], timersCancelled: [] };
  for (const action of actions) {
    if (action.type === OPEN_TASK) {
      effects.tasks.push(action.params);
      continue;
    }
    // XState's types list the built-in actions a machine may return; `cancel` (from leaving a stage with
    // a delay) is returned too but not in that list, so the type is read as a plain string here.
    const type: string = action.type;
    const params: unknown = action.params;
    if (!isObject(params)) continue;
    if (type === 'xstate.raise' && isObject(params['event']) && typeof params['event']['type'] === 'string') {
      const timer = compiled.timerOfAfterEvent(params['event']['type']);
      const delay = params['delay'];
      if (timer !== undefined && typeof delay === 'number' && Number.isFinite(delay)) effects.timersSet.push({ ...timer, dueInMs: Math.max(0, delay) });
    } else if (type === 'xstate.cancel' && typeof params['sendId'] === 'string') {
      const timer = compiled.timerOfAfterEvent(params['sendId']);
      if (timer !== undefined) effects.timersCancelled.push(timer);
    }
  }
  return effects;
};

/**
 * What opening a record does in the initial stage, with XState's pure `initialTransition()`: its entry
 * tasks and timers.
 */
export const enterInitialStage = (compiled: CompiledBlueprint, context: Omit<DecisionContext, 'stage' | 'supplied'>): StageEffects => {
  const input = machineInputOf({ ...context, stage: compiled.definition.initialStage, supplied: {} }, 'xstate.init');
  const [, actions] = initialTransition(compiled.machine, input.context);
  // initialTransition() is typed for any event of the machine; its actions are this machine's.
  return stageEffectsOf(compiled, actions as readonly RecordMachineAction[]);
};

const refusedForStage = (compiled: CompiledBlueprint, event: string, stage: string, candidates: readonly TransitionDefinition[]): UnmetCriterion => {
  const from = [...new Set(candidates.flatMap((candidate) => candidate.from))];
  return { event, criterion: 'stage', message: stageMessage(compiled.definition, candidates[0]?.title ?? event, stage, from) };
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
export const decideTransition = (compiled: CompiledBlueprint, context: DecisionContext, event: string): TransitionDecision => {
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
    return { kind: 'transitioned', transition: fired, from: context.stage, to, ...stageEffectsOf(compiled, actions) };
  }
  const fromHere = candidates.filter((candidate) => candidate.from.includes(context.stage));
  if (fromHere.length === 0) return { kind: 'refused', unmet: [refusedForStage(compiled, event, context.stage, candidates)] };
  const unmet = fromHere.flatMap((candidate) => compiled.unmetCriteria(candidate, context));
  if (unmet.length === 0) {
    // The guards and unmetCriteria share one guard set; disagreeing would be a bug in this library.
    throw new Error(`XState refused "${event}" from ${context.stage} although every criterion is met`);
  }
  return { kind: 'refused', unmet };
};
