import { invalidBlueprint, type BlueprintProblem } from './blueprint.exception';
import type {
  BlueprintDefinition,
  BlueprintRef,
  CriteriaContext,
  FieldValues,
  StageDefinition,
  TimerDefinition,
  TransitionDefinition,
  UnmetCriterion,
} from './blueprint.model';
import { blueprintRef } from './blueprint-content-hash';
import { celExpressionProblem, declareCelVariables, compileCelExpression, type CompiledExpression } from './cel-expression';
import { BUILT_IN_GUARDS } from './guards/built-in.guards';
import { listOf, type GuardDefinition, type GuardRef } from './guards/guard';
import { bindGuards, type GuardSet } from './guards/guard-set';
import { afterEventType, buildRecordMachine, pureStepOf, type RecordMachine, type RecordMachineStep } from './record.machine';

export type ExplainContext = Omit<CriteriaContext, 'supplied'> & { readonly supplied?: FieldValues };

export interface NextTransition {
  readonly event: string;
  readonly title: string;
  readonly to: string;
  readonly allowed: boolean;
  readonly unmet: UnmetCriterion[];
}

export interface CompiledBlueprint {
  readonly definition: BlueprintDefinition;
  readonly ref: BlueprintRef;
  /** Decide with `step(machine.resolveState({ value: stage, context }), event)`, or xstate's `transition()`. */
  readonly machine: RecordMachine;
  /** XState's pure `transition()` on `machine`, with one actor scope for every call (see `pureStepOf`). */
  readonly step: RecordMachineStep;
  stage(id: string): StageDefinition | undefined;
  /** The transitions that start from `stage`, in blueprint order. */
  transitionsFrom(stage: string): readonly TransitionDefinition[];
  /** Every unmet criterion of one transition for this context; [] means allowed. Pure. */
  unmetCriteria(transition: TransitionDefinition, context: CriteriaContext): UnmetCriterion[];
  /** Every transition possible from context.stage with allowed/unmet — feeds explain() and GET record. */
  explain(context: ExplainContext): NextTransition[];
  /**
   * The exit criteria that must keep holding in `stage` (README, Blueprint reference: "exit criteria are
   * invariants"): the required fields and the `keep: true` expressions of every transition into an open
   * stage at or before it in order. Returns those that `before` met and `after` breaks; [] when none.
   */
  brokenInvariants(stage: string, before: FieldValues, after: FieldValues): UnmetCriterion[];
  /** Those same exit criteria of `stage` that `fields` do not meet (once each): what a record moved into it would break. */
  unmetInvariants(stage: string, fields: FieldValues): UnmetCriterion[];
  /** The stage timer behind one of XState's `after` event types (see `afterEventType`), if any. */
  timerOfAfterEvent(eventType: string): { readonly stage: string; readonly timer: TimerDefinition } | undefined;
  /** A parsed CEL expression of this blueprint (criteria, approval conditions, scoring's attribute conditions). */
  expressionFor(source: string): CompiledExpression;
}

const stageTitle = (definition: BlueprintDefinition, stage: string): string => definition.stages.find((candidate) => candidate.id === stage)?.title ?? stage;

/**
 * For people, by the blueprint's titles: "Start needs analysis is possible only from Qualification; this
 * opportunity is in Needs analysis". `transition` is the transition's title.
 */
export const stageMessage = (definition: BlueprintDefinition, transition: string, stage: string, from: readonly string[]): string =>
  `${transition} is possible only from ${from.length === 0 ? 'no stage' : listOf(from.map((id) => stageTitle(definition, id)))}; this ${definition.title.toLowerCase()} is in ${stageTitle(definition, stage)}`;

/** Definitions may come from the store rather than from `parseBlueprint`, so their CEL is checked again. */
const compileExpressions = (definition: BlueprintDefinition): Map<string, CompiledExpression> => {
  const { environment, refused } = declareCelVariables(definition.fields);
  const fieldNames = definition.fields.map((field) => field.name);
  const declared = new Set(fieldNames);
  const file = `${definition.id} v${definition.version}`;
  const problems: BlueprintProblem[] = refused.map(({ name, reason }) => ({
    file,
    path: `fields[${fieldNames.indexOf(name)}].name`,
    message: `field name "${name}" cannot be used in CEL expressions (${reason}); choose another name`,
  }));
  const compiled = new Map<string, CompiledExpression>();
  const compile = (expression: string, path: string): void => {
    if (compiled.has(expression)) return;
    const problem = celExpressionProblem(environment, expression, fieldNames);
    if (problem === undefined) compiled.set(expression, compileCelExpression(environment, expression, declared));
    else problems.push({ file, path, message: problem });
  };
  definition.transitions.forEach((transition, index) => {
    transition.criteria.expressions.forEach(({ expression }, position) => compile(expression, `transitions[${index}].criteria.expressions[${position}].expression`));
    (transition.approval?.steps ?? []).forEach((step, position) => {
      if (step.when !== undefined) compile(step.when, `transitions[${index}].approval.steps[${position}].when`);
    });
  });
  (definition.scoring?.attributes ?? []).forEach((rule, index) => {
    if (rule.when !== undefined) compile(rule.when, `scoring.attributes[${index}].when`);
  });
  if (problems.length > 0) throw invalidBlueprint(problems);
  return compiled;
};

const unmetCriteriaWith =
  (definition: BlueprintDefinition, guards: GuardSet) =>
  (transition: TransitionDefinition, context: CriteriaContext): UnmetCriterion[] => {
    const stage = transition.from.includes(context.stage)
      ? []
      : [{ event: transition.event, criterion: 'stage' as const, message: stageMessage(definition, transition.title, context.stage, transition.from) }];
    // Merging again is harmless when the caller already applied `supplied`, and matches the guards' view.
    const fields = { ...context.fields, ...context.supplied };
    const facts = { fields, supplied: context.supplied, owner: context.owner, actor: context.actor, tasks: context.tasks ?? [], approvals: context.approvals ?? [] };
    const failures = guards.refsOf(transition).flatMap((ref) => guards.evaluate(ref, facts));
    return [...stage, ...failures.map((failure) => ({ event: transition.event, ...failure }))];
  };

interface Invariant {
  readonly event: string;
  readonly ref: GuardRef;
}

/** What entering the open stages up to `stage` (by order) required, as guard references. */
const invariantsOf = (definition: BlueprintDefinition, stage: StageDefinition, stageById: ReadonlyMap<string, StageDefinition>): Invariant[] => {
  if (stage.final) return [];
  return definition.transitions.flatMap((transition) => {
    const target = stageById.get(transition.to);
    if (target === undefined || target.final || target.order > stage.order) return [];
    const requires = transition.criteria.requires.map((field) => ({ event: transition.event, ref: { type: 'requiredFields', params: { fields: [field] } } }));
    const kept = transition.criteria.expressions
      .filter((criterion) => criterion.keep === true)
      .map(({ expression, message }) => ({ event: transition.event, ref: { type: 'expression', params: { expression, message } } }));
    return [...requires, ...kept];
  });
};

/** One field or expression is one invariant, whichever transition imposed it first. */
const invariantKey = (unmet: UnmetCriterion): string => `${unmet.criterion}\u0000${unmet.field ?? ''}\u0000${unmet.expression ?? ''}`;

/**
 * Turns a definition into its XState machine plus the pure criteria functions the machine's guards use.
 * Each CEL expression is parsed once here.
 */
export interface CompileOptions {
  /** The guards transitions may use; default: the built-in ones. */
  readonly guards?: readonly GuardDefinition<unknown>[];
}

export const compileBlueprint = (definition: BlueprintDefinition, options: CompileOptions = {}): CompiledBlueprint => {
  const expressions = compileExpressions(definition);
  const expressionFor = (source: string): CompiledExpression => {
    const expression = expressions.get(source);
    if (expression === undefined) throw new Error(`expression "${source}" was not compiled with blueprint ${definition.id}`);
    return expression;
  };
  const labelOf = new Map(definition.fields.map((field) => [field.name, field.label]));
  const taskTitles = new Map(definition.stages.flatMap((stage) => stage.entryTasks.map((task) => [task.id, task.title] as const)));
  const guards = bindGuards(options.guards ?? BUILT_IN_GUARDS, {
    label: (field) => labelOf.get(field) ?? field,
    expressionFor,
    taskTitle: (template) => taskTitles.get(template) ?? template,
  });
  const timersByAfterEvent = new Map(
    definition.stages.flatMap((stage) => (stage.timers ?? []).map((timer) => [afterEventType(definition.id, stage.id, timer.id), { stage: stage.id, timer }] as const)),
  );
  const stageById = new Map(definition.stages.map((stage) => [stage.id, stage]));
  const transitionsByStage = new Map(
    definition.stages.map((stage) => [stage.id, definition.transitions.filter((transition) => transition.from.includes(stage.id))]),
  );
  const unmetCriteria = unmetCriteriaWith(definition, guards);
  const invariantsByStage = new Map(definition.stages.map((stage) => [stage.id, invariantsOf(definition, stage, stageById)]));
  const unmetInvariants = (stage: string, fields: FieldValues): UnmetCriterion[] => {
    const facts = { fields, supplied: {}, owner: null, actor: { id: '', roles: [] }, tasks: [], approvals: [] };
    return (invariantsByStage.get(stage) ?? []).flatMap(({ event, ref }) => guards.evaluate(ref, facts).map((failure) => ({ event, ...failure })));
  };
  const machine = buildRecordMachine(definition, guards);
  return {
    definition,
    ref: blueprintRef(definition),
    machine,
    step: pureStepOf(machine),
    stage: (id) => stageById.get(id),
    transitionsFrom: (stage) => transitionsByStage.get(stage) ?? [],
    unmetCriteria,
    timerOfAfterEvent: (eventType) => timersByAfterEvent.get(eventType),
    expressionFor,
    brokenInvariants: (stage, before, after) => {
      const held = new Set(unmetInvariants(stage, before).map(invariantKey));
      const seen = new Set<string>();
      return unmetInvariants(stage, after).filter((unmet) => {
        const key = invariantKey(unmet);
        if (held.has(key) || seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    },
    unmetInvariants: (stage, fields) => {
      const seen = new Set<string>();
      return unmetInvariants(stage, fields).filter((unmet) => {
        const key = invariantKey(unmet);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    },
    explain: (context) => {
      const full: CriteriaContext = { ...context, supplied: context.supplied ?? {} };
      return (transitionsByStage.get(context.stage) ?? []).map((transition) => {
        const unmet = unmetCriteria(transition, full);
        return { event: transition.event, title: transition.title, to: transition.to, allowed: unmet.length === 0, unmet };
      });
    },
  };
};
