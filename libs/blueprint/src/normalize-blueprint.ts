import type {
  BlueprintDefinition,
  ExpressionCriterion,
  FieldDefinition,
  StageDefinition,
  TaskTemplate,
  TransitionDefinition,
} from './blueprint.model';
import { humanize } from './blueprint.names';
import type { BlueprintSpec, FieldSpec, StageSpec, TaskSpec, TransitionSpec, WhenSpec } from './blueprint.schema';
import { resolveSources, sourceNames } from './stage-sources';

export const DEFAULT_CURRENCY = 'USD';

const normalizeField = (name: string, spec: FieldSpec): FieldDefinition => ({
  name,
  type: spec.type,
  label: spec.label ?? humanize(name),
  ...(spec.description === undefined ? {} : { description: spec.description }),
  ...(spec.type === 'enum' && spec.values !== undefined ? { values: [...spec.values] } : {}),
  ...(spec.type === 'reference' && spec.to !== undefined ? { to: spec.to } : {}),
  ...(spec.groupable === undefined ? {} : { groupable: spec.groupable }),
  ...(spec.type === 'number' && spec.min !== undefined ? { min: spec.min } : {}),
  ...(spec.type === 'number' && spec.max !== undefined ? { max: spec.max } : {}),
});

const normalizeTask = (spec: TaskSpec): TaskTemplate => ({
  id: spec.id,
  title: spec.title,
  ...(spec.dueInDays === undefined ? {} : { dueInDays: spec.dueInDays }),
});

const normalizeStage = (id: string, spec: StageSpec): StageDefinition => {
  const outcome = spec.outcome ?? 'none';
  return {
    id,
    title: spec.title ?? humanize(id),
    order: spec.order,
    probability: spec.probability,
    forecastCategory: spec.forecastCategory,
    outcome,
    final: spec.final === true || outcome !== 'none',
    entryTasks: (spec.entry?.tasks ?? []).map(normalizeTask),
  };
};

const normalizeExpression = (spec: WhenSpec): ExpressionCriterion => {
  const expression = spec.expression.trim();
  return { expression, message: spec.message ?? `${expression} must hold`, ...(spec.keep === true ? { keep: true as const } : {}) };
};

const normalizeTransition = (spec: TransitionSpec, stages: readonly StageDefinition[]): TransitionDefinition => ({
  event: spec.event,
  title: spec.title ?? humanize(spec.event),
  from: resolveSources(sourceNames(spec.from), stages, spec.to),
  to: spec.to,
  criteria: {
    requires: [...(spec.requires ?? [])],
    expressions: (spec.when ?? []).map(normalizeExpression),
    ...(spec.roles === undefined ? {} : { roles: [...spec.roles] }),
    ownerOnly: spec.ownerOnly ?? false,
  },
  supply: [...(spec.supply ?? [])],
});

/**
 * A checked spec made precise: defaults filled in, `from` resolved to stage ids, stages sorted by order.
 * Only call it on a spec that passed both the shape and the semantic checks.
 */
export const normalizeBlueprint = (spec: BlueprintSpec): BlueprintDefinition => {
  const stages = [...spec.stages]
    .map(([id, stage]) => normalizeStage(id, stage))
    .sort((a, b) => a.order - b.order);
  return {
    id: spec.id,
    version: spec.version,
    kind: spec.kind ?? spec.id,
    title: spec.title ?? humanize(spec.id),
    ...(spec.description === undefined ? {} : { description: spec.description }),
    currency: spec.currency ?? DEFAULT_CURRENCY,
    initialStage: spec.initialStage,
    fields: [...(spec.fields ?? new Map<string, FieldSpec>())].map(([name, field]) => normalizeField(name, field)),
    stages,
    transitions: (spec.transitions ?? []).map((transition) => normalizeTransition(transition, stages)),
  };
};
