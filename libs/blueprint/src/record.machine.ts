import { and, createActor, setup, type ActorScope, type ExecutableActionsFrom, type SnapshotFrom } from 'xstate';
import type {
  Actor,
  ApprovalFact,
  BlueprintDefinition,
  FieldValues,
  StageDefinition,
  TaskFact,
  TaskTemplate,
  TimerDefinition,
  TransitionDefinition,
} from './blueprint.model';
import type { CriteriaFacts, GuardRef } from './guards/guard';
import type { GuardSet } from './guards/guard-set';

/**
 * When a timer of a stage being entered comes due, in milliseconds from the moment of the decision;
 * `Infinity` when it cannot be due (its date field is empty). The caller computes it (calendars, the
 * owner's team); the machine only declares which delays a stage has.
 */
export interface TimerPlanner {
  dueIn(timer: TimerDefinition, fields: FieldValues): number;
}

/** What the machine knows about a record: fields (before this event's supplied ones), owner, tasks, approvals. */
export interface RecordMachineContext {
  readonly fields: FieldValues;
  readonly owner: string | null;
  readonly tasks?: readonly TaskFact[];
  readonly approvals?: readonly ApprovalFact[];
  /** Absent: timers of entered stages are not scheduled (an explanation, not a decision). */
  readonly planner?: TimerPlanner;
}

/** A rep fires `type` (a blueprint event), possibly supplying field values with it. */
export interface RecordMachineEvent {
  readonly type: string;
  readonly actor: Actor;
  readonly supplied: FieldValues;
}

/** The action of a stage entry that opens a task; the caller turns it into a `TaskOpened` event. */
export const OPEN_TASK = 'openTask' as const;

/** The type of XState's own event for a stage's delay (`after`), as XState names it. */
export const afterEventType = (machineId: string, stage: string, timer: string): string => `xstate.after.${timer}.${machineId}.${stage}`;

const NO_ACTOR: Actor = { id: '', roles: [] };

const factsOf = (context: RecordMachineContext, event: Partial<RecordMachineEvent>): CriteriaFacts => ({
  fields: { ...context.fields, ...event.supplied },
  supplied: event.supplied ?? {},
  owner: context.owner,
  actor: event.actor ?? NO_ACTOR,
  tasks: context.tasks ?? [],
  approvals: context.approvals ?? [],
});

type DelayOf = (args: { context: RecordMachineContext; event: Partial<RecordMachineEvent> }) => number;

type GuardPredicate = (args: { context: RecordMachineContext; event: RecordMachineEvent }, params: unknown) => boolean;

/**
 * Builds the blueprint's machine: one state per stage, one guarded transition per blueprint transition
 * and source stage, guards and actions referred to by name so the graph stays plain data. Each named
 * guard is bound to its definition in the guard set (one file per guard, see `guards/`); `openTask` does
 * nothing when run, because XState never performs effects here: `transition()` returns the action
 * objects and the caller turns them into events.
 */
export const buildRecordMachine = (definition: BlueprintDefinition, guards: GuardSet) => {
  const predicates: Record<string, GuardPredicate> = Object.fromEntries(
    guards.names.map((name): [string, GuardPredicate] => [
      name,
      ({ context, event }, params) => guards.evaluate({ type: name, params }, factsOf(context, event)).length === 0,
    ]),
  );
  const timers = definition.stages.flatMap((stage) => stage.timers ?? []);
  const delays: Record<string, DelayOf> = Object.fromEntries(
    timers.map((timer): [string, DelayOf] => [
      timer.id,
      ({ context, event }) => context.planner?.dueIn(timer, { ...context.fields, ...event.supplied }) ?? Number.POSITIVE_INFINITY,
    ]),
  );
  const recordSetup = setup({
    types: {} as {
      context: RecordMachineContext;
      events: RecordMachineEvent;
      input: RecordMachineContext;
    },
    guards: predicates,
    delays,
    actions: {
      [OPEN_TASK]: (_args, _params: TaskTemplate) => undefined,
    },
  });

  const transitionConfig = (transition: TransitionDefinition) => {
    const refs: readonly GuardRef[] = guards.refsOf(transition);
    return refs.length === 0 ? { target: transition.to } : { target: transition.to, guard: and(refs) };
  };

  const stateConfig = (stage: StageDefinition) => {
    const outgoing = definition.transitions.filter((transition) => transition.from.includes(stage.id));
    return {
      ...(stage.final ? { type: 'final' as const } : {}),
      entry: stage.entryTasks.map((task) => ({ type: OPEN_TASK, params: task })),
      // Each timer is a named delay: entering the stage makes XState return a delayed `raise`, leaving
      // it a `cancel`; the caller stores them as TimerScheduled / TimerCancelled. The delayed event
      // itself is never sent to the machine: a due timer is a command, judged like any other.
      ...((stage.timers ?? []).length === 0 ? {} : { after: Object.fromEntries((stage.timers ?? []).map((timer) => [timer.id, {}])) }),
      on: Object.fromEntries(outgoing.map((transition) => [transition.event, transitionConfig(transition)])),
    };
  };

  return recordSetup.createMachine({
    id: definition.id,
    context: ({ input }) => input,
    initial: definition.initialStage,
    states: Object.fromEntries(definition.stages.map((stage) => [stage.id, stateConfig(stage)])),
  });
};

export type RecordMachine = ReturnType<typeof buildRecordMachine>;

export type RecordMachineSnapshot = SnapshotFrom<RecordMachine>;
export type RecordMachineAction = ExecutableActionsFrom<RecordMachine>;

/** One decision: the next snapshot and the actions XState returned, none of them run. */
export type RecordMachineStep = (
  snapshot: RecordMachineSnapshot,
  event: RecordMachineEvent,
) => readonly [next: RecordMachineSnapshot, actions: readonly RecordMachineAction[]];

/**
 * XState's `transition(machine, snapshot, event)`, with one actor scope for every call. `transition()`
 * is pure but builds an inert actor scope per call (`createActor`, which also runs the machine's initial
 * transition, plus an actor system): measured at about half the cost of a decision. The scope only
 * matters to what a machine does besides moving between states: spawning or stopping children, delayed
 * and sent events, emitting. This machine spawns nothing; its delays (stage timers) reach the scope only
 * through `defer`, which does nothing here: the delayed raise and its cancel come back as actions and the
 * caller persists them. So one scope is safe to share; its action executor collects the actions of the
 * call in progress instead of running them.
 */
export const pureStepOf = (machine: RecordMachine): RecordMachineStep => {
  const self = createActor(machine, { input: { fields: {}, owner: null } });
  let collecting: RecordMachineAction[] | null = null;
  const ignore = (): void => undefined;
  const scope: ActorScope<RecordMachineSnapshot, RecordMachineEvent> = {
    self,
    id: '',
    sessionId: '',
    logger: ignore,
    defer: ignore,
    emit: ignore,
    system: self.system,
    stopChild: ignore,
    actionExecutor: (action) => {
      if (collecting === null) throw new Error(`XState ran action "${action.type}" outside a decision of machine ${machine.id}`);
      // The executor is typed for any machine; this one's actions are its own (xstate's transition() casts alike).
      collecting.push(action as RecordMachineAction);
    },
  };
  return (snapshot, event) => {
    const actions: RecordMachineAction[] = [];
    collecting = actions;
    try {
      return [machine.transition(snapshot, event, scope), actions];
    } finally {
      collecting = null;
    }
  };
};
