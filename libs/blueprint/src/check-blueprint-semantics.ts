import {
  ANY_OPEN,
  FIELD_NAME,
  FIELD_NAME_RULE,
  IDENTIFIER,
  IDENTIFIER_RULE,
  closestName,
  didYouMean,
  CEL_RESERVED_NAMES,
  celReservation,
  isCelReservedWord,
} from './blueprint.names';
import { problemAt, type BlueprintPath, type PathProblem } from './blueprint-path';
import type { BlueprintDraft, DraftField, DraftStage, DraftTransition, NamedAt } from './blueprint.draft';
import { GROUPABLE_BY_TYPE, GROUPABLE_WHEN_DECLARED, NEVER_GROUPABLE } from './blueprint.model';
import { celExpressionProblem, declareCelVariables, type CelDeclarations } from './cel-expression';
import { resolveSources } from './stage-sources';
import { parseAnchor, parseDuration } from './timers/timer-expressions';
import { checkScoring } from './scoring/check-scoring';
import { checkConversion } from './conversion/conversion.checks';

export interface SemanticReport {
  readonly problems: readonly PathProblem[];
  /** Worth a look, never fatal: e.g. a non-final stage with no way out. */
  readonly warnings: readonly PathProblem[];
}

const isValidFieldName = (name: string): boolean => FIELD_NAME.test(name) && !isCelReservedWord(name);

const duplicatesIn = (names: readonly NamedAt[], what: string): PathProblem[] => {
  const seen = new Set<string>();
  return names.flatMap(({ name, path }) => {
    if (!seen.has(name)) {
      seen.add(name);
      return [];
    }
    return [problemAt(path, `${what} "${name}" is listed twice`)];
  });
};

const reservedNameProblems = (name: string, path: BlueprintPath): PathProblem[] => {
  const reservation = celReservation(name);
  if (reservation === undefined) return [];
  return [
    problemAt(
      path,
      `field name "${name}" is reserved in CEL expressions (${reservation}); choose another name. Reserved: ${CEL_RESERVED_NAMES.join(', ')}`,
    ),
  ];
};

const groupableProblems = (field: DraftField, path: BlueprintPath): PathProblem[] => {
  const type = field.type;
  if (!field.declaresGroupable || type === undefined) return [];
  if (NEVER_GROUPABLE.includes(type)) {
    return [
      problemAt(
        [...path, 'groupable'],
        `${type} fields are never groupable: a report grouped by free text, email addresses or phone numbers would show the values of records the reader may not open`,
      ),
    ];
  }
  if (GROUPABLE_BY_TYPE.includes(type) || GROUPABLE_WHEN_DECLARED.includes(type)) return [];
  return [
    problemAt(
      [...path, 'groupable'],
      `${type} fields cannot be groupable; only string and boolean fields may declare groupable: true (enum and reference fields are groupable by their type)`,
    ),
  ];
};

const boundProblems = (field: DraftField, path: BlueprintPath): PathProblem[] => {
  const type = field.type;
  if (type === undefined) return [];
  if (type !== 'number') {
    const declared = [...(field.hasMin ? ['min'] : []), ...(field.hasMax ? ['max'] : [])];
    return declared.map((bound) => problemAt([...path, bound], `${bound} only applies to number fields, not to ${type}`));
  }
  return field.min !== undefined && field.max !== undefined && field.min > field.max
    ? [problemAt([...path, 'max'], `max ${field.max} is below min ${field.min}; no value could be stored`)]
    : [];
};

const checkFields = (draft: BlueprintDraft): PathProblem[] =>
  draft.fields.flatMap((field) => {
    const path: BlueprintPath = ['fields', field.name];
    return [
      ...(FIELD_NAME.test(field.name) ? [] : [problemAt(path, `field name "${field.name}" must be ${FIELD_NAME_RULE}`)]),
      ...reservedNameProblems(field.name, path),
      ...(field.hasValues && field.type !== undefined && field.type !== 'enum'
        ? [problemAt([...path, 'values'], `values only apply to enum fields, not to ${field.type}`)]
        : []),
      ...(field.hasTo && field.type !== undefined && field.type !== 'reference'
        ? [problemAt([...path, 'to'], `to only applies to reference fields, not to ${field.type}`)]
        : []),
      ...groupableProblems(field, path),
      ...boundProblems(field, path),
      ...duplicatesIn(field.values, 'value'),
    ];
  });

const checkStage = (stage: DraftStage, draft: BlueprintDraft): PathProblem[] => {
  const path: BlueprintPath = ['stages', stage.id];
  const sameOrder =
    stage.order === undefined ? undefined : draft.stages.find((other) => other !== stage && other.order === stage.order);
  const earlierWithSameOrder =
    sameOrder !== undefined && draft.stages.indexOf(sameOrder) < draft.stages.indexOf(stage) ? sameOrder : undefined;
  return [
    ...(IDENTIFIER.test(stage.id) ? [] : [problemAt(path, `stage id "${stage.id}" must be ${IDENTIFIER_RULE}`)]),
    ...(stage.explicitFinal === false && (stage.outcome === 'won' || stage.outcome === 'lost')
      ? [problemAt([...path, 'final'], `a ${stage.outcome} stage is always final; remove final: false`)]
      : []),
    ...(earlierWithSameOrder === undefined
      ? []
      : [problemAt([...path, 'order'], `order ${stage.order} is also used by stage "${earlierWithSameOrder.id}"`)]),
  ];
};

const checkTaskIds = (draft: BlueprintDraft): PathProblem[] => {
  const firstStageOf = new Map<string, string>();
  return draft.stages.flatMap((stage) =>
    stage.tasks.flatMap((task) => {
      const first = firstStageOf.get(task.id);
      if (first === undefined) {
        firstStageOf.set(task.id, stage.id);
        return [];
      }
      return [problemAt(task.path, `task id "${task.id}" is also used in stage "${first}"; task ids are unique per blueprint`)];
    }),
  );
};

const checkInitialStage = (draft: BlueprintDraft): PathProblem[] => {
  if (draft.initialStage === undefined) return [];
  const stage = draft.stages.find((candidate) => candidate.id === draft.initialStage);
  const stageIds = draft.stages.map((candidate) => candidate.id);
  if (stage === undefined) {
    return [problemAt(['initialStage'], `unknown stage "${draft.initialStage}"${didYouMean(draft.initialStage, stageIds)}`)];
  }
  return stage.final ? [problemAt(['initialStage'], `the initial stage "${stage.id}" is final, so no record could ever move`)] : [];
};

const checkTransitionStages = (transition: DraftTransition, draft: BlueprintDraft): PathProblem[] => {
  const stageIds = draft.stages.map((stage) => stage.id);
  const stageById = new Map(draft.stages.map((stage) => [stage.id, stage]));
  const path: BlueprintPath = ['transitions', transition.index];
  const fromProblems = transition.from.flatMap(({ name, path: at }) => {
    if (name === ANY_OPEN) return [];
    const stage = stageById.get(name);
    if (stage === undefined) return [problemAt(at, `unknown stage "${name}"${didYouMean(name, stageIds)}`)];
    if (stage.final) return [problemAt(at, `stage "${name}" is final; no transition may leave it`)];
    if (name === transition.to) return [problemAt(at, `the transition starts and ends in stage "${name}"; it would change nothing`)];
    return [];
  });
  const to = transition.to;
  const toProblems =
    to === undefined || stageById.has(to) ? [] : [problemAt([...path, 'to'], `unknown stage "${to}"${didYouMean(to, stageIds)}`)];
  return [...fromProblems, ...toProblems];
};

const checkFieldReferences = (transition: DraftTransition, draft: BlueprintDraft): PathProblem[] => {
  const fieldNames = draft.fields.map((field) => field.name);
  const known = new Set(fieldNames);
  const unknown = (names: readonly NamedAt[]): PathProblem[] =>
    names.flatMap(({ name, path }) =>
      known.has(name) ? [] : [problemAt(path, `unknown field "${name}"${didYouMean(name, fieldNames)}`)],
    );
  return [
    ...unknown(transition.requires),
    ...duplicatesIn(transition.requires, 'field'),
    ...unknown(transition.supply),
    ...duplicatesIn(transition.supply, 'field'),
  ];
};

/** Fields whose type is not known yet are `dyn`, so an unknown type is not also reported as unknown field. */
const declareFields = (draft: BlueprintDraft): CelDeclarations =>
  declareCelVariables(draft.fields.filter((field) => isValidFieldName(field.name)).map(({ name, type }) => ({ name, type })));

/** A name cel-js refuses that is not in our reserved list (a newer cel-js may add built-ins). */
const refusedFieldProblems = (declarations: CelDeclarations): PathProblem[] =>
  declarations.refused.map(({ name, reason }) =>
    problemAt(['fields', name], `field name "${name}" cannot be used in CEL expressions (${reason}); choose another name`),
  );

const checkExpressions = (draft: BlueprintDraft, { environment }: CelDeclarations): PathProblem[] => {
  const expressions = draft.transitions.flatMap((transition) => transition.expressions);
  if (expressions.length === 0) return [];
  const fieldNames = draft.fields.map((field) => field.name);
  return expressions.flatMap(({ source, path }) => {
    const problem = celExpressionProblem(environment, source, fieldNames);
    return problem === undefined ? [] : [problemAt(path, problem)];
  });
};

interface ResolvedTransition {
  readonly transition: DraftTransition;
  readonly sources: readonly string[];
}

const resolveTransitions = (draft: BlueprintDraft): ResolvedTransition[] =>
  draft.transitions.map((transition) => ({
    transition,
    sources: resolveSources(
      transition.from.map(({ name }) => name),
      draft.stages,
      transition.to,
    ),
  }));

/** Two transitions with one event from one stage would leave XState to pick by declaration order. */
const checkAmbiguity = (resolved: readonly ResolvedTransition[]): PathProblem[] =>
  resolved.flatMap((later, laterIndex) =>
    resolved.slice(0, laterIndex).flatMap((earlier) => {
      const event = later.transition.event;
      if (event === undefined || event !== earlier.transition.event) return [];
      const overlap = later.sources.filter((stage) => earlier.sources.includes(stage));
      if (overlap.length === 0) return [];
      const stages = overlap.map((stage) => `"${stage}"`).join(', ');
      return [
        problemAt(
          ['transitions', later.transition.index, 'from'],
          `ambiguous: transitions[${earlier.transition.index}] and transitions[${later.transition.index}] both handle event "${event}" from stage ${stages}`,
        ),
      ];
    }),
  );

const lowestOrderStage = (stages: readonly DraftStage[]): DraftStage | undefined =>
  [...stages].sort((a, b) => (a.order ?? Number.POSITIVE_INFINITY) - (b.order ?? Number.POSITIVE_INFINITY))[0];

const reachableFrom = (start: string, resolved: readonly ResolvedTransition[]): Set<string> => {
  const reached = new Set([start]);
  const queue = [start];
  for (let stage = queue.shift(); stage !== undefined; stage = queue.shift()) {
    for (const { transition, sources } of resolved) {
      const to = transition.to;
      if (to !== undefined && sources.includes(stage) && !reached.has(to)) {
        reached.add(to);
        queue.push(to);
      }
    }
  }
  return reached;
};

const checkReachability = (draft: BlueprintDraft, resolved: readonly ResolvedTransition[]): PathProblem[] => {
  const declared = draft.stages.find((stage) => stage.id === draft.initialStage);
  // Without a valid initial stage, the first stage by order stands in, so reachability is still checked.
  const start = declared ?? lowestOrderStage(draft.stages);
  if (start === undefined) return [];
  // A misspelt target leaves the stages behind it unreachable; its own message ("unknown stage …, did you
  // mean …") says what to fix, so reachability is judged as if it named the stage it most likely meant.
  const stageIds = draft.stages.map((stage) => stage.id);
  const meant = resolved.map((entry) => {
    const to = entry.transition.to;
    const suggestion = to === undefined || stageIds.includes(to) ? undefined : closestName(to, stageIds);
    return suggestion === undefined ? entry : { ...entry, transition: { ...entry.transition, to: suggestion } };
  });
  const reached = reachableFrom(start.id, meant);
  const origin =
    declared === undefined
      ? `"${start.id}" (the lowest order, taken as initial stage because initialStage is missing or unknown)`
      : `"${start.id}"`;
  return draft.stages
    .filter((stage) => !reached.has(stage.id))
    .map((stage) => problemAt(['stages', stage.id], `stage "${stage.id}" is unreachable: no transitions lead to it from the initial stage ${origin}`));
};

const deadEnds = (draft: BlueprintDraft, resolved: readonly ResolvedTransition[]): PathProblem[] =>
  draft.stages
    .filter((stage) => !stage.final && !resolved.some(({ sources }) => sources.includes(stage.id)))
    .map((stage) =>
      problemAt(['stages', stage.id], `stage "${stage.id}" is not final but no transition leaves it (a dead end)`),
    );

const durationProblem = (text: string, path: BlueprintPath): PathProblem[] =>
  parseDuration(text) === null ? [problemAt(path, `"${text}" is not a positive ISO-8601 duration (PT30M, PT4H, P2D, P1DT4H)`)] : [];

/** Timers: an id unique in the blueprint, `after` or `at` (not both), durations that parse, a date field, an event that can fire. */
const checkTimers = (draft: BlueprintDraft, resolved: readonly ResolvedTransition[]): PathProblem[] => {
  const fieldsByName = new Map(draft.fields.map((field) => [field.name, field]));
  const fieldNames = draft.fields.map((field) => field.name);
  const firstPathOf = new Map<string, BlueprintPath>();
  return draft.stages.flatMap((stage) => [
    ...(stage.stalledAfter === undefined ? [] : durationProblem(stage.stalledAfter, ['stages', stage.id, 'stalledAfter'])),
    ...stage.timers.flatMap((timer) => {
      const problems: PathProblem[] = [];
      if (timer.id !== undefined) {
        const first = firstPathOf.get(timer.id);
        if (first === undefined) firstPathOf.set(timer.id, timer.path);
        else problems.push(problemAt([...timer.path, 'id'], `timer id "${timer.id}" is used twice; timer ids are unique per blueprint`));
      }
      if (timer.after === undefined && timer.at === undefined) problems.push(problemAt(timer.path, 'a timer needs after: <duration> or at: <date field>'));
      if (timer.after !== undefined && timer.at !== undefined) problems.push(problemAt([...timer.path, 'at'], 'a timer has after or at, not both'));
      if (timer.after !== undefined) problems.push(...durationProblem(timer.after, [...timer.path, 'after']));
      if (timer.at !== undefined) {
        const anchor = parseAnchor(timer.at);
        const field = anchor === null ? undefined : fieldsByName.get(anchor.field);
        if (anchor === null) problems.push(problemAt([...timer.path, 'at'], `"${timer.at}" is not <date field>, <date field> - <duration> or <date field> + <duration>`));
        else if (field === undefined) problems.push(problemAt([...timer.path, 'at'], `unknown field "${anchor.field}"${didYouMean(anchor.field, fieldNames)}`));
        else if (field.type !== undefined && field.type !== 'date') problems.push(problemAt([...timer.path, 'at'], `field "${anchor.field}" is a ${field.type}, not a date`));
      }
      if (timer.fires !== undefined) {
        const fires = timer.fires;
        const fromHere = resolved.some(({ transition, sources }) => transition.event === fires && sources.includes(stage.id));
        if (!fromHere) problems.push(problemAt([...timer.path, 'then', 'fire'], `no transition "${fires}" leaves stage "${stage.id}"`));
      }
      return problems;
    }),
  ]);
};

/** `requiresTasks` names tasks some stage opens; an approval step names a role or a user, and its CEL parses. */
const checkTransitionExtras = (draft: BlueprintDraft, { environment }: CelDeclarations): PathProblem[] => {
  const taskIds = [...new Set(draft.stages.flatMap((stage) => stage.tasks.map((task) => task.id)))];
  const fieldNames = draft.fields.map((field) => field.name);
  return draft.transitions.flatMap((transition) => [
    ...transition.requiresTasks.flatMap(({ name, path }) =>
      taskIds.includes(name) ? [] : [problemAt(path, `no stage opens a task "${name}"${didYouMean(name, taskIds)}`)],
    ),
    ...transition.approvalSteps.flatMap((step) => {
      const problems: PathProblem[] = [];
      if (step.hasRole === step.hasUser) problems.push(problemAt(step.path, 'an approval step names a role or a user (one of them)'));
      if (step.when !== undefined) {
        const problem = celExpressionProblem(environment, step.when.source, fieldNames);
        if (problem !== undefined) problems.push(problemAt(step.when.path, problem));
      }
      return problems;
    }),
  ]);
};

/**
 * Everything the shape cannot say: references between stages, fields and transitions, CEL, ambiguous
 * and unreachable parts of the graph.
 */
export const checkBlueprintSemantics = (draft: BlueprintDraft): SemanticReport => {
  const resolved = resolveTransitions(draft);
  const declarations = declareFields(draft);
  const problems = [
    ...checkFields(draft),
    ...refusedFieldProblems(declarations),
    ...checkInitialStage(draft),
    ...draft.stages.flatMap((stage) => checkStage(stage, draft)),
    ...checkTaskIds(draft),
    ...draft.transitions.flatMap((transition) => [
      ...checkTransitionStages(transition, draft),
      ...checkFieldReferences(transition, draft),
    ]),
    ...checkExpressions(draft, declarations),
    ...checkTimers(draft, resolved),
    ...checkTransitionExtras(draft, declarations),
    ...checkScoring(draft.scoring, {
      fields: draft.fields,
      events: [...new Set(draft.transitions.flatMap((transition) => (transition.event === undefined ? [] : [transition.event])))],
      environment: declarations.environment,
    }),
    ...checkConversion(draft),
    ...checkAmbiguity(resolved),
    ...checkReachability(draft, resolved),
  ];
  return { problems, warnings: deadEnds(draft, resolved) };
};
