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

/**
 * One stage as visits were entered into it: name, order and whether it is final. A stage keeps one such
 * triple in every blueprint version unless a version reorders it, so there are about as many as stages.
 */
interface StageVariant {
  readonly stage: string;
  readonly order: number;
  readonly final: number;
}

/**
 * A visit as the visit stream packs it into one integer, `variant * VISIT_FLAGS + flags`: one small
 * number per visit is what makes a whole history cheap to read (README, Benchmarks: as-of funnel).
 */
const WON = 1;
const LOST = 2;
const ADVANCED = 4;
const CONFORMING = 8;
/** Exited by `asOf`. */
const EXITED = 16;
/** The record's first visit, entered when it was opened: where the next record's run of visits starts. */
const FIRST_VISIT = 32;
const VISIT_FLAGS = 64;
const flagsOf = (packed: number): number => packed % VISIT_FLAGS;

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

/** Every stage variant of the kind's published versions, numbered by their place here. */
const stageVariantsOf = (db: Database, kind: string): StageVariant[] =>
  db.prepare('SELECT DISTINCT stage, stage_order AS "order", final FROM funnel_stages WHERE kind = ? ORDER BY stage, stage_order, final').all(kind) as StageVariant[];

/**
 * SQL that gives a visit (`v`) the number of its stage variant. The projection takes every visit's facts
 * from the published versions, so -1 (facts no version has) means the tables disagree with each other.
 */
const variantNumberSql = (variants: readonly StageVariant[]): { sql: string; parameters: Record<string, string | number> } => {
  const parameters: Record<string, string | number> = {};
  const byStage = new Map<string, number[]>();
  variants.forEach((variant, index) => byStage.set(variant.stage, [...(byStage.get(variant.stage) ?? []), index]));
  const branches = [...byStage.entries()].map(([stage, numbers], place) => {
    parameters[`stage${place}`] = stage;
    if (numbers.length === 1) return `WHEN @stage${place} THEN ${numbers[0]}`;
    const facts = numbers.map((number) => {
      parameters[`order${number}`] = (variants[number] as StageVariant).order;
      parameters[`final${number}`] = (variants[number] as StageVariant).final;
      return `WHEN v.stage_order = @order${number} AND v.final = @final${number} THEN ${number}`;
    });
    return `WHEN @stage${place} THEN CASE ${facts.join(' ')} ELSE -1 END`;
  });
  return { sql: branches.length === 0 ? '-1' : `CASE v.stage ${branches.join(' ')} ELSE -1 END`, parameters };
};

/** The value of one attribute of the record `r` as of `@at` (intervals never overlap; the latest start wins if they did). */
const attributeAtSql = (attribute: string): string =>
  `(SELECT a.value FROM funnel_attributes a
    WHERE a.kind = r.kind AND a.record_id = r.record_id AND a.attribute = ${attribute} AND a.valid_from <= @at AND (a.valid_to IS NULL OR a.valid_to > @at)
    ORDER BY a.valid_from DESC LIMIT 1)`;

/** The window's records in window order. */
const RECORDS_OF_WINDOW = `FROM funnel_records r
  WHERE r.kind = @kind AND r.opened_at >= @from AND r.opened_at < @to AND r.opened_at <= @at
  ORDER BY r.opened_at, r.record_no`;

/** The window's visits entered by `@at`, in window order and each record's in order: one range of the cohort index. */
const VISITS_OF_WINDOW = `FROM funnel_visits v
  WHERE v.kind = @kind AND v.opened_at >= @from AND v.opened_at < @to AND v.opened_at <= @at AND v.entered_at <= @at`;
const WINDOW_ORDER = 'ORDER BY v.opened_at, v.record_no, v.visit_no';

interface WindowParameters {
  readonly kind: string;
  readonly from: string;
  readonly to: string;
  readonly at: string;
}

/** What the counts are taken from: one number per visit, the ended visits' durations, per record its group key and lost reason. */
interface WindowStreams {
  readonly variants: readonly StageVariant[];
  /** Packed visits (see `VISIT_FLAGS`) in window order. */
  readonly visits: readonly number[];
  /** Time in stage (ms) of the visits exited by `at`, in the same order. */
  readonly durations: readonly number[];
  /** Per record in window order: the key its group is named after (null: no value); absent without a grouping. */
  readonly groupKeys: readonly (string | null)[] | null;
  /** Per record in window order: the raw value of its lost-reason field as of `at` (null: none). */
  readonly reasons: readonly (string | null)[];
}

/** The record's group key: its opening date for cohorts, else the raw value of the grouping attribute. */
const groupKeySql = (by: string): string => (by === 'cohort' ? 'substr(r.opened_at, 1, 10)' : attributeAtSql('@groupAttribute'));

const readWindow = (db: Database, window: WindowParameters, by: string | null, groupAttribute: string | null, lostReasonField: string | null): WindowStreams => {
  const variants = stageVariantsOf(db, window.kind);
  const variantNumber = variantNumberSql(variants);
  const packed =
    `(${variantNumber.sql}) * ${VISIT_FLAGS} + (v.outcome = 'won') * ${WON} + (v.outcome = 'lost') * ${LOST} + coalesce(v.advanced = 1, 0) * ${ADVANCED}` +
    ` + (v.conforming = 1) * ${CONFORMING} + coalesce(v.exited_at <= @at, 0) * ${EXITED} + (v.visit_no = 1) * ${FIRST_VISIT}`;
  const visits = db.prepare(`SELECT ${packed} ${VISITS_OF_WINDOW} ${WINDOW_ORDER}`).pluck().all({ ...window, ...variantNumber.parameters }) as number[];
  const durations = db.prepare(`SELECT v.duration_ms ${VISITS_OF_WINDOW} AND v.exited_at <= @at ${WINDOW_ORDER}`).pluck().all(window) as number[];
  const groupKeys =
    by === null ? null : (db.prepare(`SELECT ${groupKeySql(by)} ${RECORDS_OF_WINDOW}`).pluck().all({ ...window, ...(groupAttribute === null ? {} : { groupAttribute }) }) as (string | null)[]);
  // The field a lost record's reason is read from: the one asked for, else the one its pinned version names.
  const reasons = db
    .prepare(
      `SELECT ${attributeAtSql("@fieldAttributePrefix || coalesce(@lostReasonField, b.lost_reason_field)")}
       FROM funnel_records r LEFT JOIN funnel_blueprints b ON b.blueprint_id = r.blueprint_id AND b.blueprint_version = r.blueprint_version
       WHERE r.kind = @kind AND r.opened_at >= @from AND r.opened_at < @to AND r.opened_at <= @at
       ORDER BY r.opened_at, r.record_no`,
    )
    .pluck()
    .all({ ...window, lostReasonField, fieldAttributePrefix: fieldAttribute('') }) as (string | null)[];
  return { variants, visits, durations, groupKeys, reasons };
};

/** Group names and value labels, each worked out once per distinct key. */
const labelsOf = (db: Database, by: string | null, cohort: PeriodKind): { group: (key: string | null) => string; value: (value: string | null) => string } => {
  const teams = by === 'team' ? teamsByOwner(db) : new Map<string, string>();
  const values = new Map<string, string>();
  const value = (raw: string | null): string => {
    if (raw === null) return NO_VALUE;
    const known = values.get(raw);
    if (known !== undefined) return known;
    const label = labelOf(raw);
    values.set(raw, label);
    return label;
  };
  const groups = new Map<string | null, string>();
  const group = (key: string | null): string => {
    const known = groups.get(key);
    if (known !== undefined) return known;
    const label = by === 'cohort' ? periodOfInstant(key as string, cohort) : by === 'team' ? teamOf(teams, key === null ? null : (JSON.parse(key) as string)) : value(key);
    groups.set(key, label);
    return label;
  };
  return { group, value };
};

/** Tallies of one group by stage name (the index of the name in the window's stage names). */
type GroupTallies = (StageTally | undefined)[];

interface WindowCounts {
  readonly groups: ReadonlyMap<string, GroupTallies>;
  /** Records reported on. */
  readonly records: number;
  readonly nonConforming: number;
  /** Records reported on whose last visit by `at` is a loss: their place in the window and their group. */
  readonly lostRecords: readonly { readonly record: number; readonly group: string }[];
}

/**
 * Adds one record's visits `[first, end)` of the stream to its group's tallies, counting the record once
 * per stage however often it visited it; `ended` is where its ended visits' durations start.
 */
const tallyRecord = (tallies: GroupTallies, streams: WindowStreams, nameOfVariant: readonly number[], record: number, first: number, end: number, won: boolean, ended: number): void => {
  const { visits, variants, durations } = streams;
  let duration = ended;
  for (let visit = first; visit < end; visit += 1) {
    const packed = visits[visit] as number;
    const flags = flagsOf(packed);
    const variantNumber = (packed - flags) / VISIT_FLAGS;
    const name = nameOfVariant[variantNumber] as number;
    let tally = tallies[name];
    if (tally === undefined) {
      // A stage reordered by a later version keeps, in each group, the facts it was first seen with.
      const variant = variants[variantNumber] as StageVariant;
      tally = { stage: variant.stage, order: variant.order, final: variant.final === 1, entered: 0, advanced: 0, lost: 0, won: 0, durations: [], counted: -1, countedAdvanced: false, countedLost: false };
      tallies[name] = tally;
    }
    if (tally.counted !== record) {
      tally.counted = record;
      tally.countedAdvanced = false;
      tally.countedLost = false;
      tally.entered += 1;
      if (won) tally.won += 1;
    }
    if ((flags & EXITED) === 0) continue;
    if ((flags & ADVANCED) !== 0 && !tally.countedAdvanced) {
      tally.countedAdvanced = true;
      tally.advanced += 1;
    }
    // The next visit was entered when this one was left, so it is known by `at` too.
    if (visit + 1 < end && (flagsOf(visits[visit + 1] as number) & LOST) !== 0 && !tally.countedLost) {
      tally.countedLost = true;
      tally.lost += 1;
    }
    tally.durations.push((durations[duration] as number) / DAY_MS);
    duration += 1;
  }
};

/** One walk over the visit stream, record after record in window order. */
const countWindow = (streams: WindowStreams, groupOf: (record: number) => string, conformance: Conformance): WindowCounts => {
  const { visits, variants, durations, reasons } = streams;
  const stageNames = [...new Set(variants.map((variant) => variant.stage))];
  const nameOfVariant = variants.map((variant) => stageNames.indexOf(variant.stage));
  const groups = new Map<string, GroupTallies>();
  const lostRecords: { record: number; group: string }[] = [];
  let records = 0;
  let nonConforming = 0;
  let record = -1;
  let ended = 0;
  for (let first = 0; first < visits.length; ) {
    record += 1;
    if ((flagsOf(visits[first] as number) & FIRST_VISIT) === 0) throw new Error(`the funnel visits of record ${record} of the window do not start with its first visit`);
    let end = first + 1;
    while (end < visits.length && (flagsOf(visits[end] as number) & FIRST_VISIT) === 0) end += 1;
    // Visits are those entered by `at`: a record is non-conforming from its first StageRecorded on.
    let conforming = true;
    let won = false;
    let exits = 0;
    for (let visit = first; visit < end; visit += 1) {
      if ((visits[visit] as number) < 0) throw new Error(`a funnel visit of record ${record} of the window has stage facts no published version has`);
      const flags = flagsOf(visits[visit] as number);
      if ((flags & CONFORMING) === 0) conforming = false;
      if ((flags & WON) !== 0) won = true;
      if ((flags & EXITED) !== 0) exits += 1;
    }
    if (!conforming) nonConforming += 1;
    if (conforming || conformance === 'all') {
      records += 1;
      const group = groupOf(record);
      const tallies = groups.get(group) ?? [];
      groups.set(group, tallies);
      tallyRecord(tallies, streams, nameOfVariant, record, first, end, won, ended);
      if ((flagsOf(visits[end - 1] as number) & LOST) !== 0) lostRecords.push({ record, group });
    }
    ended += exits;
    first = end;
  }
  if (record + 1 !== reasons.length || (streams.groupKeys !== null && record + 1 !== streams.groupKeys.length) || ended !== durations.length) {
    throw new Error(`funnel streams disagree: ${record + 1} records and ${ended} ended visits in the visits, ${reasons.length} records and ${durations.length} durations read`);
  }
  return { groups, records, nonConforming, lostRecords };
};

/** Lost records counted per group and reason, most frequent first in each group. */
const lostReasonRows = (lostRecords: WindowCounts['lostRecords'], reasonOf: (record: number) => string): LostReasonRow[] => {
  const counts = new Map<string, { group: string; reason: string; count: number }>();
  for (const { record, group } of lostRecords) {
    const reason = reasonOf(record);
    const key = `${group}\u0000${reason}`;
    const row = counts.get(key);
    if (row === undefined) counts.set(key, { group, reason, count: 1 });
    else row.count += 1;
  }
  return [...counts.values()].sort((a, b) => compareText(a.group, b.group) || b.count - a.count || compareText(a.reason, b.reason));
};

/**
 * The funnel of the records opened in [from, to), as known at `asOf`: per stage how many records
 * entered, advanced, were lost from it and were won eventually; conversion and win rates; time in stage
 * (mean, median, p90 in days, over visits that ended); and lost reasons. Grouped by cohort, owner, team
 * or a groupable field, with owner and field values as of `asOf`; anything else is INVALID_QUERY naming
 * the parameter and the allowed dimensions.
 */
export const queryFunnel = (db: Database, query: FunnelQuery = {}): FunnelReport => {
  requireTables(db, 'funnel', ['funnel_records', 'funnel_visits', 'funnel_attributes', 'funnel_blueprints', 'funnel_stages']);
  const kind = query.kind ?? 'opportunity';
  const from = query.from === undefined ? null : parseInstant(query.from);
  const to = query.to === undefined ? null : parseInstant(query.to);
  if (from !== null && to !== null && from >= to) throw invalidQuery(`the window is empty: from ${from} is not before to ${to}`);
  const asOf = query.asOf === undefined ? null : parseAsOf(query.asOf);
  const conformance = conformanceOf(query.conformance);
  const groupableFields = groupableFieldsOfKind(db, kind);
  requireDimension('by', query.by, [...BUILT_IN_DIMENSIONS, ...groupableFields], `the built-in dimensions and the fields the ${kind} blueprint declares groupable`);
  requireDimension('lostReasonField', query.lostReasonField, groupableFields, `the fields the ${kind} blueprint declares groupable`);
  const window = { kind, from: from ?? '', to: to ?? endOfTime, at: asOf ?? endOfTime };
  const by = query.by ?? null;
  const groupAttribute = by === null || by === 'cohort' ? null : by === 'owner' || by === 'team' ? OWNER_ATTRIBUTE : fieldAttribute(by);
  // One snapshot for all the streams: they are matched up by position.
  const streams = db.transaction(() => readWindow(db, window, by, groupAttribute, query.lostReasonField ?? null))();
  const { groupKeys, reasons } = streams;
  const labels = labelsOf(db, by, query.cohort ?? 'month');
  const counted = countWindow(streams, groupKeys === null ? () => ALL : (record) => labels.group(groupKeys[record] as string | null), conformance);
  const { groups, records, nonConforming } = counted;
  const rows = [...groups.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .flatMap(([group, tallies]) => tallyRows(group, tallies.filter((tally) => tally !== undefined)));
  return {
    kind,
    from,
    to,
    asOf,
    by,
    conformance,
    records,
    nonConforming,
    rows,
    lostReasons: lostReasonRows(counted.lostRecords, (record) => labels.value(reasons[record] as string | null)),
  };
};
