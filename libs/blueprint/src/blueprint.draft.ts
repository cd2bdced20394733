import { FIELD_TYPES, type FieldType } from './blueprint.model';
import type { BlueprintPath } from './blueprint-path';
import { readScoringDraft, type DraftScoring } from './scoring/check-scoring';
import { readConversionDraft, type DraftConversion } from './conversion/conversion.draft';

/**
 * A lenient reading of the raw YAML for the semantic checks: whatever parts are readable, even when the
 * shape has errors elsewhere, so one pass reports every problem (a wrong probability on a stage must not
 * hide an unknown field in a transition). Shape errors themselves are reported by the class-validator pass.
 */

export interface NamedAt {
  readonly name: string;
  readonly path: BlueprintPath;
}

export interface DraftField {
  readonly name: string;
  readonly type?: FieldType;
  readonly values: readonly NamedAt[];
  readonly hasValues: boolean;
  readonly hasTo: boolean;
  /** reference: the kind as written. */
  readonly to?: string;
  /** `groupable: true` as written (other values are the shape check's to report). */
  readonly declaresGroupable: boolean;
  readonly hasMin: boolean;
  readonly hasMax: boolean;
  /** The bounds when they are finite numbers. */
  readonly min?: number;
  readonly max?: number;
}

export interface DraftTask {
  readonly id: string;
  readonly path: BlueprintPath;
}

export interface DraftTimer {
  readonly id?: string;
  readonly path: BlueprintPath;
  readonly after?: string;
  readonly at?: string;
  /** The event of `then: { fire: <event> }`. */
  readonly fires?: string;
}

export interface DraftStage {
  readonly id: string;
  readonly order?: number;
  readonly outcome?: string;
  readonly explicitFinal?: boolean;
  readonly final: boolean;
  readonly tasks: readonly DraftTask[];
  readonly timers: readonly DraftTimer[];
  readonly stalledAfter?: string;
}

export interface DraftApprovalStep {
  readonly path: BlueprintPath;
  readonly hasRole: boolean;
  readonly hasUser: boolean;
  readonly when?: DraftExpression;
}

export interface DraftExpression {
  readonly source: string;
  readonly path: BlueprintPath;
}

export interface DraftTransition {
  readonly index: number;
  readonly event?: string;
  /** Stage names as written (`any-open` included), each with its own path. */
  readonly from: readonly NamedAt[];
  readonly to?: string;
  readonly requires: readonly NamedAt[];
  readonly supply: readonly NamedAt[];
  readonly expressions: readonly DraftExpression[];
  readonly requiresTasks: readonly NamedAt[];
  readonly approvalSteps: readonly DraftApprovalStep[];
}

export interface BlueprintDraft {
  readonly initialStage?: string;
  readonly fields: readonly DraftField[];
  readonly stages: readonly DraftStage[];
  readonly transitions: readonly DraftTransition[];
  readonly scoring?: DraftScoring;
  readonly conversion?: DraftConversion;
}

type PlainRecord = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is PlainRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const recordOf = (value: unknown): PlainRecord => (isRecord(value) ? value : {});
const listOf = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const finiteOf = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

const isFieldType = (value: unknown): value is FieldType => FIELD_TYPES.some((type) => type === value);

/** The strings of a list with their paths; non-strings are skipped (the shape check reports them). */
const namesAt = (value: unknown, path: BlueprintPath): NamedAt[] =>
  listOf(value).flatMap((item, index) => (typeof item === 'string' ? [{ name: item, path: [...path, index] }] : []));

const readField = (name: string, value: unknown): DraftField => {
  const field = recordOf(value);
  return {
    name,
    type: isFieldType(field.type) ? field.type : undefined,
    values: namesAt(field.values, ['fields', name, 'values']),
    hasValues: field.values !== undefined,
    hasTo: field.to !== undefined,
    to: stringOf(field.to),
    declaresGroupable: field.groupable === true,
    hasMin: field.min !== undefined,
    hasMax: field.max !== undefined,
    min: finiteOf(field.min),
    max: finiteOf(field.max),
  };
};

const readStage = (id: string, value: unknown): DraftStage => {
  const stage = recordOf(value);
  const outcome = stringOf(stage.outcome);
  const explicitFinal = typeof stage.final === 'boolean' ? stage.final : undefined;
  const tasksPath = ['stages', id, 'entry', 'tasks'];
  const tasks = listOf(recordOf(stage.entry).tasks).flatMap((task, index) => {
    const taskId = stringOf(recordOf(task).id);
    return taskId === undefined ? [] : [{ id: taskId, path: [...tasksPath, index, 'id'] }];
  });
  const timers = listOf(stage.timers).map((value, index): DraftTimer => {
    const timer = recordOf(value);
    return {
      id: stringOf(timer.id),
      path: ['stages', id, 'timers', index],
      after: stringOf(timer.after),
      at: stringOf(timer.at),
      fires: stringOf(recordOf(timer.then).fire),
    };
  });
  return {
    id,
    order: typeof stage.order === 'number' && Number.isFinite(stage.order) ? stage.order : undefined,
    outcome,
    explicitFinal,
    final: explicitFinal === true || outcome === 'won' || outcome === 'lost',
    tasks,
    timers,
    stalledAfter: stringOf(stage.stalledAfter),
  };
};

const readFrom = (value: unknown, path: BlueprintPath): NamedAt[] =>
  typeof value === 'string' ? [{ name: value, path }] : namesAt(value, path);

const readExpressions = (value: unknown, path: BlueprintPath): DraftExpression[] =>
  listOf(value).flatMap((entry, index) => {
    if (typeof entry === 'string') return [{ source: entry, path: [...path, index] }];
    const source = stringOf(recordOf(entry).expression);
    return source === undefined ? [] : [{ source, path: [...path, index, 'expression'] }];
  });

const readTransition = (value: unknown, index: number): DraftTransition => {
  const transition = recordOf(value);
  const path = ['transitions', index];
  return {
    index,
    event: stringOf(transition.event),
    from: readFrom(transition.from, [...path, 'from']),
    to: stringOf(transition.to),
    requires: namesAt(transition.requires, [...path, 'requires']),
    supply: namesAt(transition.supply, [...path, 'supply']),
    expressions: readExpressions(transition.when, [...path, 'when']),
    requiresTasks: namesAt(transition.requiresTasks, [...path, 'requiresTasks']),
    approvalSteps: listOf(recordOf(transition.approval).steps).map((value, index): DraftApprovalStep => {
      const step = recordOf(value);
      const stepPath = [...path, 'approval', 'steps', index];
      const when = stringOf(step.when);
      return {
        path: stepPath,
        hasRole: step.role !== undefined,
        hasUser: step.user !== undefined,
        ...(when === undefined ? {} : { when: { source: when, path: [...stepPath, 'when'] } }),
      };
    }),
  };
};

export const readBlueprintDraft = (document: PlainRecord): BlueprintDraft => ({
  initialStage: stringOf(document.initialStage),
  fields: Object.entries(recordOf(document.fields)).map(([name, value]) => readField(name, value)),
  stages: Object.entries(recordOf(document.stages)).map(([id, value]) => readStage(id, value)),
  transitions: listOf(document.transitions).map(readTransition),
  scoring: readScoringDraft(document.scoring),
  conversion: readConversionDraft(document.conversion),
});
