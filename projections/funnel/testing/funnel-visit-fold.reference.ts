import type { Database } from 'better-sqlite3';
import { daysBetween, parseAsOf, parseInstant, periodOfInstant } from '../../shared/business-time';
import { conformanceOf } from '../../shared/conformance';
import { invalidQuery } from '../../shared/read-model.exception';
import { requireTables } from '../../shared/require-tables';
import { mean, median, percentile } from '../../shared/statistics';
import { teamOf, teamsByOwner } from '../../teams/teams.table';
import { fieldAttribute, OWNER_ATTRIBUTE } from '../funnel.projection';
import { BUILT_IN_DIMENSIONS, NO_VALUE, type FunnelQuery, type FunnelReport, type FunnelStageRow, type LostReasonRow } from '../funnel.queries';

/*
 * The funnel query as it was before per-record counting over the cohort index (projection version 4):
 * every visit of the window read as an object, per-stage sets of record ids, each duration parsed from its
 * ISO texts. Kept only as the reference the faster query must equal byte for byte
 * (funnel-query-equivalence.int.spec.ts).
 */

const ALL = 'all';
const endOfTime = '9999-12-31T23:59:59.999Z';

interface PopulationRow {
  readonly record_id: string;
  readonly opened_at: string;
  readonly lost_reason_field: string | null;
}

interface VisitRow {
  readonly record_id: string;
  readonly visit_no: number;
  readonly stage: string;
  readonly stage_order: number;
  readonly outcome: string;
  readonly final: number;
  readonly entered_at: string;
  readonly exited_at: string | null;
  readonly advanced: number | null;
  readonly conforming: number;
}

interface Visit {
  readonly stage: string;
  readonly order: number;
  readonly final: boolean;
  readonly outcome: string;
  readonly enteredAt: string;
  /** null while the visit is open at `asOf`. */
  readonly exitedAt: string | null;
  readonly advanced: boolean;
  readonly exitOutcome: string | null;
}

const labelOf = (value: string | undefined): string => {
  if (value === undefined) return NO_VALUE;
  const parsed = JSON.parse(value) as unknown;
  return typeof parsed === 'string' ? parsed : JSON.stringify(parsed);
};

/** Visits as known at `asOf`: an exit after it has not happened yet. */
const visitsAsOf = (rows: readonly VisitRow[], asOf: string): Visit[] =>
  rows.map((row, index) => {
    const exited = row.exited_at !== null && row.exited_at <= asOf;
    const next = rows[index + 1];
    return {
      stage: row.stage,
      order: row.stage_order,
      final: row.final === 1,
      outcome: row.outcome,
      enteredAt: row.entered_at,
      exitedAt: exited ? row.exited_at : null,
      advanced: exited && row.advanced === 1,
      exitOutcome: exited && next !== undefined ? next.outcome : null,
    };
  });

interface StageTally {
  stage: string;
  order: number;
  final: boolean;
  entered: Set<string>;
  advanced: Set<string>;
  lost: Set<string>;
  won: Set<string>;
  durations: number[];
}

const tallyRows = (group: string, tallies: Iterable<StageTally>): FunnelStageRow[] =>
  [...tallies]
    .sort((a, b) => a.order - b.order || (a.stage < b.stage ? -1 : 1))
    .map((tally) => ({
      group,
      stage: tally.stage,
      stageOrder: tally.order,
      entered: tally.entered.size,
      advanced: tally.advanced.size,
      lost: tally.lost.size,
      won: tally.won.size,
      conversionRate: tally.final || tally.entered.size === 0 ? null : tally.advanced.size / tally.entered.size,
      winRate: tally.entered.size === 0 ? null : tally.won.size / tally.entered.size,
      completedVisits: tally.durations.length,
      meanDays: mean(tally.durations),
      medianDays: median(tally.durations),
      p90Days: percentile(tally.durations, 90),
    }));

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const groupableFieldsOfVersions = (newestFirst: readonly (readonly string[])[]): string[] => [...new Set(newestFirst.flat())];

const groupableFieldsOfKind = (db: Database, kind: string): string[] => {
  const rows = db
    .prepare('SELECT groupable_fields FROM funnel_blueprints WHERE kind = ? ORDER BY blueprint_version DESC, blueprint_id')
    .all(kind) as { groupable_fields: string }[];
  return groupableFieldsOfVersions(rows.map((row) => JSON.parse(row.groupable_fields) as string[]));
};

/** A grouping by anything else would show values of records the reader may not open (notes, emails). */
const requireDimension = (parameter: 'by' | 'lostReasonField', value: string | undefined, allowed: readonly string[], what: string): void => {
  if (value === undefined || allowed.includes(value)) return;
  throw invalidQuery(`${parameter} must be one of ${allowed.join(', ')} (${what}), not "${value}"`, { parameter, value, allowed });
};

export const queryFunnelByVisitFold = (db: Database, query: FunnelQuery = {}): FunnelReport => {
  requireTables(db, 'funnel', ['funnel_records', 'funnel_visits', 'funnel_attributes', 'funnel_blueprints']);
  const kind = query.kind ?? 'opportunity';
  const from = query.from === undefined ? null : parseInstant(query.from);
  const to = query.to === undefined ? null : parseInstant(query.to);
  if (from !== null && to !== null && from >= to) throw invalidQuery(`the window is empty: from ${from} is not before to ${to}`);
  const asOf = query.asOf === undefined ? null : parseAsOf(query.asOf);
  const conformance = conformanceOf(query.conformance);
  const groupableFields = groupableFieldsOfKind(db, kind);
  requireDimension('by', query.by, [...BUILT_IN_DIMENSIONS, ...groupableFields], `the built-in dimensions and the fields the ${kind} blueprint declares groupable`);
  requireDimension('lostReasonField', query.lostReasonField, groupableFields, `the fields the ${kind} blueprint declares groupable`);
  const at = asOf ?? endOfTime;
  const window = { kind, from: from ?? '', to: to ?? endOfTime, at };

  const windowPopulation = db
    .prepare(
      `SELECT r.record_id, r.opened_at, b.lost_reason_field FROM funnel_records r
       LEFT JOIN funnel_blueprints b ON b.blueprint_id = r.blueprint_id AND b.blueprint_version = r.blueprint_version
       WHERE r.kind = @kind AND r.opened_at >= @from AND r.opened_at < @to AND r.opened_at <= @at`,
    )
    .all(window) as PopulationRow[];
  // Driven by the records of the window (CROSS JOIN fixes the join order): left to itself, SQLite walks
  // every visit of the kind in key order to spare the sort, which costs a whole history for a window.
  const visitRows = db
    .prepare(
      `SELECT v.record_id, v.visit_no, v.stage, v.stage_order, v.outcome, v.final, v.entered_at, v.exited_at, v.advanced, v.conforming FROM funnel_records r
       CROSS JOIN funnel_visits v ON v.kind = r.kind AND v.record_id = r.record_id
       WHERE r.kind = @kind AND r.opened_at >= @from AND r.opened_at < @to AND r.opened_at <= @at AND v.entered_at <= @at
       ORDER BY v.record_id, v.visit_no`,
    )
    .all(window) as VisitRow[];
  const visitsByRecord = new Map<string, VisitRow[]>();
  for (const row of visitRows) {
    const list = visitsByRecord.get(row.record_id);
    if (list) list.push(row);
    else visitsByRecord.set(row.record_id, [row]);
  }
  // Visits are those entered by `at`: a record is non-conforming from its first StageRecorded on.
  const conforms = (record: PopulationRow): boolean => (visitsByRecord.get(record.record_id) ?? []).every((visit) => visit.conforming === 1);
  const nonConforming = windowPopulation.filter((record) => !conforms(record)).length;
  const population = conformance === 'conforming' ? windowPopulation.filter(conforms) : windowPopulation;

  const by = query.by ?? null;
  const groupAttribute = by === null || by === 'cohort' ? null : by === 'owner' || by === 'team' ? OWNER_ATTRIBUTE : fieldAttribute(by);
  const lostReasonFields = new Set(population.map((record) => query.lostReasonField ?? record.lost_reason_field).filter((field) => field !== null));
  const wanted = [...new Set([...(groupAttribute ? [groupAttribute] : []), ...[...lostReasonFields].map((field) => fieldAttribute(field as string))])];
  const attributes = new Map<string, string>();
  if (wanted.length > 0) {
    // With a cohort start, look up the values of the window's records only; from the beginning of
    // history, one scan of the attribute index is cheaper than a lookup per record.
    const rows = db
      .prepare(
        from === null
          ? `SELECT record_id, attribute, value FROM funnel_attributes
             WHERE kind = @kind AND attribute IN (SELECT value FROM json_each(@wanted)) AND valid_from <= @at AND (valid_to IS NULL OR valid_to > @at)`
          : `SELECT a.record_id, a.attribute, a.value FROM funnel_records r
             CROSS JOIN funnel_attributes a ON a.kind = r.kind AND a.record_id = r.record_id
             WHERE r.kind = @kind AND r.opened_at >= @from AND r.opened_at < @to AND r.opened_at <= @at
               AND a.attribute IN (SELECT value FROM json_each(@wanted)) AND a.valid_from <= @at AND (a.valid_to IS NULL OR a.valid_to > @at)`,
      )
      .all({ ...window, wanted: JSON.stringify(wanted) }) as { record_id: string; attribute: string; value: string }[];
    for (const row of rows) attributes.set(`${row.record_id}\u0000${row.attribute}`, row.value);
  }
  const attributeOf = (recordId: string, attribute: string): string | undefined => attributes.get(`${recordId}\u0000${attribute}`);
  const teams = by === 'team' ? teamsByOwner(db) : new Map<string, string>();
  const groupOf = (record: PopulationRow): string => {
    if (by === null) return ALL;
    if (by === 'cohort') return periodOfInstant(record.opened_at, query.cohort ?? 'month');
    const value = attributeOf(record.record_id, groupAttribute as string);
    if (by === 'team') return teamOf(teams, value === undefined ? null : (JSON.parse(value) as string));
    return labelOf(value);
  };

  const groups = new Map<string, Map<string, StageTally>>();
  const lostReasons = new Map<string, LostReasonRow>();
  for (const record of population) {
    const group = groupOf(record);
    const tallies = groups.get(group) ?? new Map<string, StageTally>();
    groups.set(group, tallies);
    const visits = visitsAsOf(visitsByRecord.get(record.record_id) ?? [], at);
    const won = visits.some((visit) => visit.outcome === 'won');
    for (const visit of visits) {
      const tally = tallies.get(visit.stage) ?? {
        stage: visit.stage,
        order: visit.order,
        final: visit.final,
        entered: new Set<string>(),
        advanced: new Set<string>(),
        lost: new Set<string>(),
        won: new Set<string>(),
        durations: [],
      };
      tallies.set(visit.stage, tally);
      tally.entered.add(record.record_id);
      if (visit.advanced) tally.advanced.add(record.record_id);
      if (visit.exitOutcome === 'lost') tally.lost.add(record.record_id);
      if (won) tally.won.add(record.record_id);
      if (visit.exitedAt !== null) tally.durations.push(daysBetween(visit.enteredAt, visit.exitedAt));
    }
    const last = visits[visits.length - 1];
    if (last !== undefined && last.outcome === 'lost') {
      const field = query.lostReasonField ?? record.lost_reason_field;
      const reason = field === null ? NO_VALUE : labelOf(attributeOf(record.record_id, fieldAttribute(field)));
      const key = `${group}\u0000${reason}`;
      const current = lostReasons.get(key) ?? { group, reason, count: 0 };
      lostReasons.set(key, { ...current, count: current.count + 1 });
    }
  }

  const rows = [...groups.entries()].sort(([a], [b]) => compareText(a, b)).flatMap(([group, tallies]) => tallyRows(group, tallies.values()));
  return {
    kind,
    from,
    to,
    asOf,
    by,
    conformance,
    records: population.length,
    nonConforming,
    rows,
    lostReasons: [...lostReasons.values()].sort((a, b) => compareText(a.group, b.group) || b.count - a.count || compareText(a.reason, b.reason)),
  };
};
