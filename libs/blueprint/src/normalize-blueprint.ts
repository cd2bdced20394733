import type {
  ApprovalDefinition,
  BlueprintDefinition,
  TimerAction,
  TimerDefinition,
  ExpressionCriterion,
  FieldDefinition,
  StageDefinition,
  TaskTemplate,
  TransitionDefinition,
} from './blueprint.model';
import { humanize } from './blueprint.names';
import type { ConversionDefinition } from './conversion/conversion.model';
import type { ApprovalSpec, BlueprintSpec, ConversionSpec, FieldSpec, StageSpec, TaskSpec, TimerSpec, TransitionSpec, WhenSpec } from './blueprint.schema';
import { parseAnchor } from './timers/timer-expressions';
import { resolveSources, sourceNames } from './stage-sources';
import { normalizeScoring } from './scoring/normalize-scoring';

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
  ...(spec.keepOpen === true ? { keepOpen: true as const } : {}),
});

const timerActionOf = (then: unknown): TimerAction => {
  if (typeof then === 'object' && then !== null && 'fire' in then && typeof then.fire === 'string') return { kind: 'fire', event: then.fire };
  if (then === 'remind' || then === 'escalate' || then === 'stalled' || then === 'release') return { kind: then };
  throw new Error(`timer action ${JSON.stringify(then)} passed the shape check without being one`);
};

const normalizeTimer = (spec: TimerSpec): TimerDefinition => {
  const anchor = spec.at === undefined ? null : parseAnchor(spec.at);
  return {
    id: spec.id,
    ...(spec.after === undefined ? {} : { after: spec.after }),
    ...(anchor === null ? {} : { at: anchor }),
    ...(spec.calendar === undefined ? {} : { calendar: spec.calendar }),
    then: timerActionOf(spec.then),
    ...(spec.message === undefined ? {} : { message: spec.message }),
  };
};

/** A stage's timers, `stalledAfter` included as the `stalled_<stage>` timer; none when it has none. */
const normalizeTimers = (id: string, spec: StageSpec): { timers?: TimerDefinition[] } => {
  const timers = [
    ...(spec.timers ?? []).map(normalizeTimer),
    ...(spec.stalledAfter === undefined ? [] : [{ id: `stalled_${id}`, after: spec.stalledAfter, then: { kind: 'stalled' as const } }]),
  ];
  return timers.length === 0 ? {} : { timers };
};

const normalizeApproval = (spec: ApprovalSpec): ApprovalDefinition => ({
  mode: spec.mode ?? 'sequential',
  steps: spec.steps.map((step) => ({
    title: step.title ?? (step.role === undefined ? `user ${step.user ?? ''}` : humanize(step.role)),
    ...(step.role === undefined ? {} : { role: step.role }),
    ...(step.user === undefined ? {} : { user: step.user }),
    ...(step.when === undefined ? {} : { when: step.when.trim() }),
  })),
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
    ...normalizeTimers(id, spec),
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
    ...(spec.requiresTasks === undefined || spec.requiresTasks.length === 0 ? {} : { requiresTasks: [...spec.requiresTasks] }),
  },
  supply: [...(spec.supply ?? [])],
  ...(spec.approval === undefined ? {} : { approval: normalizeApproval(spec.approval) }),
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
    ...(spec.scoring === undefined ? {} : { scoring: normalizeScoring(spec.scoring) }),
    ...(spec.conversion === undefined ? {} : { conversion: normalizeConversion(spec.conversion) }),
  };
};

const normalizeConversion = (spec: ConversionSpec): ConversionDefinition => ({
  on: spec.on,
  creates: spec.creates.map((step) => ({
    as: step.as,
    kind: step.kind,
    ...(step.match === undefined ? {} : { match: { field: step.match.field, by: step.match.by } }),
    fields: { ...step.fields },
  })),
  link: { ...(spec.link ?? {}) },
});
