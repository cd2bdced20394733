import type { Database } from 'better-sqlite3';
import { parseAsOf, parseInstant, periodOfInstant, type PeriodKind } from '../shared/business-time';
import { conformanceOf, type Conformance } from '../shared/conformance';
import { invalidQuery } from '../shared/read-model.exception';
import { requireTables } from '../shared/require-tables';
import { mean } from '../shared/statistics';
import { teamOf, teamsByOwner } from '../teams/teams.table';
import { fieldAttribute, OWNER_ATTRIBUTE } from './funnel.projection';

export interface FunnelQuery {
  /** Record kind; default `opportunity`. */
  readonly kind?: string;
  /** The cohort window: records opened at or after `from` and before `to` (dates are UTC midnights). */
  readonly from?: string;
  readonly to?: string;
  /** Business time (`YYYY-MM-DD` = end of that day); default: everything stored. */
  readonly asOf?: string;
  /** `cohort` (entry period), `owner`, `team`, or a field the blueprint declares groupable; default: one group `all`. */
  readonly by?: string;
  /** Cohort size when `by` is `cohort`; default `month`. */
  readonly cohort?: PeriodKind;
  /** A groupable field that says why a record was lost; default: the one the pinned blueprint asks for. */
  readonly lostReasonField?: string;
  /** `conforming`: leave out records whose history (at `asOf`) has a StageRecorded; default `all`. */
  readonly conformance?: Conformance;
}

export interface FunnelStageRow {
  readonly group: string;
  readonly stage: string;
  readonly stageOrder: number;
  /** Records that entered the stage (at least once). */
  readonly entered: number;
  /** Records that left it for a later stage that is not a loss. */
  readonly advanced: number;
  /** Records that left it into a lost stage. */
  readonly lost: number;
  /** Records that entered it and reached a won stage. */
  readonly won: number;
  /** advanced / entered; null for final stages, which nothing leaves. */
  readonly conversionRate: number | null;
  /** won / entered. */
  readonly winRate: number | null;
  /** Visits that ended (by `asOf`): what time in stage is measured on. */
  readonly completedVisits: number;
  readonly meanDays: number | null;
  readonly medianDays: number | null;
  readonly p90Days: number | null;
}

export interface LostReasonRow {
  readonly group: string;
  readonly reason: string;
  readonly count: number;
}

export interface FunnelReport {
  readonly kind: string;
  readonly from: string | null;
  readonly to: string | null;
  /** null: as of everything stored. */
  readonly asOf: string | null;
  readonly by: string | null;
  readonly conformance: Conformance;
  /** Records reported on: those opened in the window, without the non-conforming ones with `conforming`. */
  readonly records: number;
  /** Records opened in the window whose history (at `asOf`) does not conform; counted with `all`, left out with `conforming`. */
  readonly nonConforming: number;
  readonly rows: readonly FunnelStageRow[];
  readonly lostReasons: readonly LostReasonRow[];
}

export const NO_VALUE = '(none)';
/** What a funnel may be grouped by besides the groupable fields of the kind's blueprint. */
export const BUILT_IN_DIMENSIONS: readonly string[] = ['cohort', 'owner', 'team'];
const ALL = 'all';
const endOfTime = '9999-12-31T23:59:59.999Z';

const DAY_MS = 86_400_000;

/** A record of the window: `[record_no, record_id, opened_at, blueprint_id, blueprint_version]`. */
type PopulationRow = [number, string, string, string, number];
const RECORD_NO = 0;
const RECORD_ID = 1;
const OPENED_AT = 2;

/**
 * A visit entered by `asOf`, as the cohort index holds it:
 * `[record_no, stage, stage_order, outcome, final, advanced, conforming, exited by asOf (0/1), duration_ms]`.
 */
type VisitRow = [number, string, number, string, number, number | null, number, number, number | null];
const V_RECORD_NO = 0;
const V_STAGE = 1;
const V_ORDER = 2;
const V_OUTCOME = 3;
const V_FINAL = 4;
const V_ADVANCED = 5;
const V_CONFORMING = 6;
const V_EXITED = 7;
const V_DURATION = 8;

const labelOf = (value: string | undefined): string => {
  if (value === undefined) return NO_VALUE;
  const parsed = JSON.parse(value) as unknown;
  return typeof parsed === 'string' ? parsed : JSON.stringify(parsed);
};

/**
 * One stage's counts in one group. Records are counted once per stage however often they visited it:
 * `counted` is the last record (by its place in the window) counted here, `countedAdvanced`/`countedLost`
 * whether that record already counted as advanced / lost.
 */
interface StageTally {
  readonly stage: string;
  readonly order: number;
  readonly final: boolean;
  entered: number;
  advanced: number;
  lost: number;
  won: number;
  /** In window order, each record's visits in order: the order the mean adds them up in. */
  readonly durations: number[];
  counted: number;
  countedAdvanced: boolean;
  countedLost: boolean;
}

/** The middle value and the nearest-rank p90 of one ascending sort (as `median` and `percentile` give them). */
const medianAndP90 = (values: readonly number[]): { median: number | null; p90: number | null } => {
  if (values.length === 0) return { median: null, p90: null };
  const ordered = Float64Array.from(values).sort();
  const middle = Math.floor(ordered.length / 2);
  return {
    median: ordered.length % 2 === 1 ? ordered[middle] : (ordered[middle - 1] + ordered[middle]) / 2,
    p90: ordered[Math.max(0, Math.ceil(0.9 * ordered.length) - 1)],
  };
};

const tallyRows = (group: string, tallies: Iterable<StageTally>): FunnelStageRow[] =>
  [...tallies]
    .sort((a, b) => a.order - b.order || (a.stage < b.stage ? -1 : 1))
    .map((tally) => {
      const { median, p90 } = medianAndP90(tally.durations);
      return {
        group,
        stage: tally.stage,
        stageOrder: tally.order,
        entered: tally.entered,
        advanced: tally.advanced,
        lost: tally.lost,
        won: tally.won,
        conversionRate: tally.final || tally.entered === 0 ? null : tally.advanced / tally.entered,
        winRate: tally.entered === 0 ? null : tally.won / tally.entered,
        completedVisits: tally.durations.length,
        meanDays: mean(tally.durations),
        medianDays: median,
        p90Days: p90,
      };
    });

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every field some published version declares groupable: the latest version's in its order first. */
export const groupableFieldsOfVersions = (newestFirst: readonly (readonly string[])[]): string[] => [...new Set(newestFirst.flat())];

/** Per published version (`<id>\u0000<version>`), the field that says why its records were lost, if reports may show it. */
const lostReasonFieldsOf = (db: Database): Map<string, string | null> =>
  new Map(
    (db.prepare('SELECT blueprint_id, blueprint_version, lost_reason_field FROM funnel_blueprints').raw(true).all() as [string, number, string | null][]).map(
      ([id, version, field]) => [`${id}\u0000${version}`, field],
    ),
  );

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

/**
 * The funnel of the records opened in [from, to), as known at `asOf`: per stage how many records
 * entered, advanced, were lost from it and were won eventually; conversion and win rates; time in stage
 * (mean, median, p90 in days, over visits that ended); and lost reasons. Grouped by cohort, owner, team
 * or a groupable field, with owner and field values as of `asOf`; anything else is INVALID_QUERY naming
 * the parameter and the allowed dimensions.
 */
export const queryFunnel = (db: Database, query: FunnelQuery = {}): FunnelReport => {
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

  const lostReasonFieldOf = lostReasonFieldsOf(db);
  // Both read in the order records were opened (ties: the order they were stored in), each from an index
  // that covers it: the visits of a whole history are one range scan, never a lookup per record.
  const windowPopulation = db
    .prepare(
      `SELECT record_no, record_id, opened_at, blueprint_id, blueprint_version FROM funnel_records
       WHERE kind = @kind AND opened_at >= @from AND opened_at < @to AND opened_at <= @at
       ORDER BY opened_at, record_no`,
    )
    .raw(true)
    .all(window) as PopulationRow[];
  const visitRows = db
    .prepare(
      `SELECT record_no, stage, stage_order, outcome, final, advanced, conforming, coalesce(exited_at <= @at, 0), duration_ms FROM funnel_visits
       WHERE kind = @kind AND opened_at >= @from AND opened_at < @to AND opened_at <= @at AND entered_at <= @at
       ORDER BY opened_at, record_no, visit_no`,
    )
    .raw(true)
    .all(window) as VisitRow[];
  // Each record's visits are the run [firstVisit[i], firstVisit[i + 1]) of visitRows.
  const firstVisit = new Int32Array(windowPopulation.length + 1);
  let cursor = 0;
  for (let index = 0; index < windowPopulation.length; index += 1) {
    firstVisit[index] = cursor;
    const recordNo = (windowPopulation[index] as PopulationRow)[RECORD_NO];
    while (cursor < visitRows.length && (visitRows[cursor] as VisitRow)[V_RECORD_NO] === recordNo) cursor += 1;
  }
  firstVisit[windowPopulation.length] = cursor;
  // Visits are those entered by `at`: a record is non-conforming from its first StageRecorded on.
  const conforms = (index: number): boolean => {
    for (let visit = firstVisit[index] as number; visit < (firstVisit[index + 1] as number); visit += 1) {
      if ((visitRows[visit] as VisitRow)[V_CONFORMING] !== 1) return false;
    }
    return true;
  };
  const population: number[] = [];
  let nonConforming = 0;
  for (let index = 0; index < windowPopulation.length; index += 1) {
    const conforming = conforms(index);
    if (!conforming) nonConforming += 1;
    if (conforming || conformance === 'all') population.push(index);
  }
  const lostReasonFieldOfRecord = (index: number): string | null => {
    const row = windowPopulation[index] as PopulationRow;
    return lostReasonFieldOf.get(`${row[3]}\u0000${row[4]}`) ?? null;
  };

  const by = query.by ?? null;
  const groupAttribute = by === null || by === 'cohort' ? null : by === 'owner' || by === 'team' ? OWNER_ATTRIBUTE : fieldAttribute(by);
  const lostReasonFields = new Set(population.map((index) => query.lostReasonField ?? lostReasonFieldOfRecord(index)).filter((field) => field !== null));
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
      .raw(true)
      .all({ ...window, wanted: JSON.stringify(wanted) }) as [string, string, string][];
    for (const [recordId, attribute, value] of rows) attributes.set(`${recordId}\u0000${attribute}`, value);
  }
  const attributeOf = (recordId: string, attribute: string): string | undefined => attributes.get(`${recordId}\u0000${attribute}`);
  const teams = by === 'team' ? teamsByOwner(db) : new Map<string, string>();
  const labels = new Map<string, string>();
  const cachedLabelOf = (value: string | undefined): string => {
    if (value === undefined) return NO_VALUE;
    const known = labels.get(value);
    if (known !== undefined) return known;
    const label = labelOf(value);
    labels.set(value, label);
    return label;
  };
  const groupOf = (record: PopulationRow): string => {
    if (by === null) return ALL;
    if (by === 'cohort') return periodOfInstant(record[OPENED_AT], query.cohort ?? 'month');
    const value = attributeOf(record[RECORD_ID], groupAttribute as string);
    if (by === 'team') return teamOf(teams, value === undefined ? null : (JSON.parse(value) as string));
    return cachedLabelOf(value);
  };

  const groups = new Map<string, Map<string, StageTally>>();
  const lostReasons = new Map<string, LostReasonRow>();
  for (const [place, index] of population.entries()) {
    const record = windowPopulation[index] as PopulationRow;
    const group = groupOf(record);
    const tallies = groups.get(group) ?? new Map<string, StageTally>();
    groups.set(group, tallies);
    const first = firstVisit[index] as number;
    const end = firstVisit[index + 1] as number;
    let won = false;
    for (let visit = first; visit < end; visit += 1) if ((visitRows[visit] as VisitRow)[V_OUTCOME] === 'won') won = true;
    for (let visit = first; visit < end; visit += 1) {
      const row = visitRows[visit] as VisitRow;
      const stage = row[V_STAGE];
      let tally = tallies.get(stage);
      if (tally === undefined) {
        tally = { stage, order: row[V_ORDER], final: row[V_FINAL] === 1, entered: 0, advanced: 0, lost: 0, won: 0, durations: [], counted: -1, countedAdvanced: false, countedLost: false };
        tallies.set(stage, tally);
      }
      if (tally.counted !== place) {
        tally.counted = place;
        tally.countedAdvanced = false;
        tally.countedLost = false;
        tally.entered += 1;
        if (won) tally.won += 1;
      }
      if (row[V_EXITED] !== 1) continue;
      if (row[V_ADVANCED] === 1 && !tally.countedAdvanced) {
        tally.countedAdvanced = true;
        tally.advanced += 1;
      }
      // The next visit was entered when this one was left, so it is known by `at` too.
      const next = visit + 1 < end ? (visitRows[visit + 1] as VisitRow) : undefined;
      if (next !== undefined && next[V_OUTCOME] === 'lost' && !tally.countedLost) {
        tally.countedLost = true;
        tally.lost += 1;
      }
      tally.durations.push((row[V_DURATION] as number) / DAY_MS);
    }
    const last = end > first ? (visitRows[end - 1] as VisitRow) : undefined;
    if (last !== undefined && last[V_OUTCOME] === 'lost') {
      const field = query.lostReasonField ?? lostReasonFieldOfRecord(index);
      const reason = field === null ? NO_VALUE : cachedLabelOf(attributeOf(record[RECORD_ID], fieldAttribute(field)));
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
