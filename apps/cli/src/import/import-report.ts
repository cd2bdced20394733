import type { CompiledBlueprint, UnmetCriterion } from '@crm/blueprint';
import { NO_TRANSITION } from '@crm/workflow';
import type { ImportWarningKind, RowWarning } from './map-row';

/** How many row numbers a count shows: enough to find the pattern, few enough to read. */
export const SAMPLE_ROWS = 5;

/** One blueprint rule the imported histories break: the unmet criteria grouped by event, criterion and field or expression. */
export interface RuleBreach {
  readonly event: string;
  readonly criterion: string;
  readonly field?: string;
  readonly expression?: string;
  /** The rule in words. */
  readonly rule: string;
  /** Records (rows) whose history breaks it at least once. */
  readonly records: number;
  /** The first rows that break it, at most SAMPLE_ROWS. */
  readonly sampleRows: readonly number[];
}

export interface ConformanceReport {
  /** Rows whose history was judged: every row that is not rejected, those already imported included. */
  readonly records: number;
  /** Of these, the rows with a stage move no transition explains (stored as StageRecorded). */
  readonly nonConforming: number;
  readonly rules: readonly RuleBreach[];
}

/** Equal warnings of many rows, counted. */
export interface WarningCount {
  readonly kind: ImportWarningKind;
  readonly column: string;
  readonly message: string;
  readonly rows: number;
  readonly sampleRows: readonly number[];
}

/** What one judged row contributes: its row number, the unmet criteria of its StageRecorded events, its warnings. */
export interface JudgedRow {
  readonly row: number;
  readonly unmet: readonly UnmetCriterion[];
  readonly warnings: readonly RowWarning[];
}

interface Tally<T> {
  readonly first: T;
  readonly rows: number[];
}

/** Counts rows per key, each row once per key, in the order keys are first seen. */
const tally = <T>(rows: readonly JudgedRow[], itemsOf: (row: JudgedRow) => readonly T[], keyOf: (item: T) => string): Tally<T>[] => {
  const tallies = new Map<string, Tally<T>>();
  for (const row of rows) {
    for (const item of itemsOf(row)) {
      const key = keyOf(item);
      const current = tallies.get(key) ?? { first: item, rows: [] };
      if (current.rows.at(-1) !== row.row) current.rows.push(row.row);
      tallies.set(key, current);
    }
  }
  return [...tallies.values()];
};

const ruleKey = (unmet: UnmetCriterion): string =>
  [unmet.event, unmet.criterion, unmet.field ?? '', unmet.expression ?? '', unmet.event === NO_TRANSITION ? unmet.message : ''].join('\u0000');

/** A stage criterion's message names the stage a record was in; the rule names where the event is possible. */
const ruleOf = (blueprint: CompiledBlueprint, unmet: UnmetCriterion): string => {
  if (unmet.criterion !== 'stage' || unmet.event === NO_TRANSITION) return unmet.message;
  const from = [...new Set(blueprint.definition.transitions.filter((transition) => transition.event === unmet.event).flatMap((transition) => transition.from))];
  return `${unmet.event} is possible only from ${from.join(', ')}`;
};

export const conformanceOf = (blueprint: CompiledBlueprint, rows: readonly JudgedRow[]): ConformanceReport => ({
  records: rows.length,
  nonConforming: rows.filter((row) => row.unmet.length > 0).length,
  rules: tally(rows, (row) => row.unmet, ruleKey).map(({ first, rows: breaking }) => ({
    event: first.event,
    criterion: first.criterion,
    ...(first.field === undefined ? {} : { field: first.field }),
    ...(first.expression === undefined ? {} : { expression: first.expression }),
    rule: ruleOf(blueprint, first),
    records: breaking.length,
    sampleRows: breaking.slice(0, SAMPLE_ROWS),
  })),
});

const warningOrder: readonly ImportWarningKind[] = ['unknown_owner', 'blank_reference', 'dropped_column'];

export const warningCountsOf = (rows: readonly JudgedRow[]): WarningCount[] =>
  tally(rows, (row) => row.warnings, (warning) => `${warning.kind}\u0000${warning.column}\u0000${warning.message}`)
    .map(({ first, rows: warned }) => ({ ...first, rows: warned.length, sampleRows: warned.slice(0, SAMPLE_ROWS) }))
    .sort((a, b) => warningOrder.indexOf(a.kind) - warningOrder.indexOf(b.kind));
