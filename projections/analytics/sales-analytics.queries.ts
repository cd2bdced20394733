import type { Database } from 'better-sqlite3';
import type { Clock } from '@crm/clock';
import { nextPeriod, parseAsOf, periodKindOf, periodOfInstant, periodStart, type PeriodKind } from '../shared/business-time';
import { conformanceOf, type Conformance } from '../shared/conformance';
import type { DealRow } from '../shared/deal-timeline';
import { fromCents } from '../shared/money';
import { invalidQuery } from '../shared/read-model.exception';
import { requireTables } from '../shared/require-tables';
import { isVisibleTo, type RecordVisibility } from '../records/records.queries';
import { quotaKey, quotasByKey } from '../teams/quotas.table';
import { regionsByOwner, teamOf, teamsByOwner } from '../teams/teams.table';
import { dealHistoriesFromRows, historyAsOf, lastState, type DealHistory } from './deal-history';
import { EXPLAINABLE_METRICS, figureMembers, type ExplainableMetric, type FigureMember, type FigurePart } from './figure-members';
import {
  averageDealSize,
  DEAL_OUTCOMES,
  forecastAccuracyByCategory,
  outcomeOf,
  pipelineCoverage,
  pipelineVelocity,
  reconcile,
  salesCycle,
  slippage,
  stageAging,
  timeInStage,
  winRate,
  type CategoryAccuracy,
  type DealOutcome,
  type SalesCycle,
  type StageAging,
  type StageReconciliation,
  type StageTime,
  type Window,
  type WinRate,
} from './sales-metrics';

/**
 * The dimensions sales analytics group and filter by (README, "Sales analytics"): the owner and team at
 * the moment asked and the owner's region (teams table, from the owners import), the `product`, `source` and `account`
 * fields as of then, the blueprint version the deal pinned, its outcome, whether it was imported, and its
 * cohort (the period it was opened in).
 */
export const ANALYTICS_DIMENSIONS = ['owner', 'team', 'region', 'product', 'source', 'account', 'blueprintVersion', 'outcome', 'origin', 'cohort'] as const;
export type AnalyticsDimension = (typeof ANALYTICS_DIMENSIONS)[number];

/** The value a deal without one counts under. */
export const NO_VALUE = '(none)';

export interface SalesAnalyticsQuery {
  /** Record kind; default `opportunity`. */
  readonly kind?: string;
  /** Business time (`YYYY-MM-DD` = end of that day); default: now on the clock. */
  readonly asOf?: string;
  /** `2017-Q1` or `2017-03`; default: the quarter containing `asOf`. */
  readonly period?: string;
  /** One row per value of this dimension, besides the total. */
  readonly by?: string;
  /** Only the deals with these dimension values (`(none)` for no value). */
  readonly filter?: Readonly<Partial<Record<string, string>>>;
  /** Sales cycle measured from first entering this stage; default: from opening. */
  readonly cycleFrom?: string;
  /** Time in stage over the deals with this outcome only; default: every deal. */
  readonly stageOutcome?: string;
  /** Cohort size for `cohort`; default: the period's kind. */
  readonly cohort?: PeriodKind;
  readonly conformance?: Conformance;
}

export interface SalesMetricsRow {
  readonly group: string;
  /** Deals in the group known at `asOf`. */
  readonly deals: number;
  readonly winRate: WinRate;
  readonly salesCycle: SalesCycle;
  readonly timeInStage: readonly StageTime[];
  readonly averageDealSize: { readonly won: number; readonly wonAmount: number; readonly average: number | null };
  readonly velocity: {
    readonly openDeals: number;
    readonly winRate: number | null;
    readonly averageDealSize: number | null;
    readonly cycleDays: number | null;
    /** Money per day. */
    readonly perDay: number | null;
  };
  readonly coverage: {
    readonly openWeighted: number;
    readonly openDeals: number;
    readonly closedWon: number;
    readonly quota: number | null;
    readonly remainingQuota: number | null;
    readonly coverage: number | null;
  };
  readonly aging: readonly StageAging[];
  readonly slippage: { readonly deals: number; readonly amount: number; readonly slips: readonly { recordId: string; at: string; fromDate: string; toDate: string }[] };
  readonly forecastAccuracy: readonly (Omit<CategoryAccuracy, 'forecastCents' | 'wonCents'> & { readonly forecast: number; readonly won: number })[];
  readonly reconciliation: readonly StageReconciliation[];
}

export interface SalesAnalyticsReport {
  readonly kind: string;
  readonly asOf: string;
  readonly period: string;
  readonly window: Window;
  readonly by: AnalyticsDimension | null;
  readonly filter: Readonly<Partial<Record<AnalyticsDimension, string>>>;
  readonly cycleFrom: string | null;
  readonly stageOutcome: DealOutcome | null;
  readonly conformance: Conformance;
  /** Deals (after the filter) whose history does not conform at `asOf`; counted with `all`, left out with `conforming`. */
  readonly nonConforming: number;
  readonly total: SalesMetricsRow;
  readonly rows: readonly SalesMetricsRow[];
}

/** What a query resolved to: the deals as known at `asOf`, each with its dimension values. */
interface AnalyticsScope {
  readonly kind: string;
  readonly asOf: string;
  readonly period: string;
  readonly window: Window;
  readonly by: AnalyticsDimension | null;
  readonly filter: Readonly<Partial<Record<AnalyticsDimension, string>>>;
  readonly cycleFrom: string | null;
  readonly stageOutcome: DealOutcome | null;
  readonly conformance: Conformance;
  readonly nonConforming: number;
  readonly deals: readonly { readonly history: DealHistory; readonly values: Readonly<Record<AnalyticsDimension, string>> }[];
}

const dimensionOf = (value: string, parameter: string): AnalyticsDimension => {
  const found = ANALYTICS_DIMENSIONS.find((dimension) => dimension === value);
  if (found === undefined) throw invalidQuery(`${parameter} must be one of ${ANALYTICS_DIMENSIONS.join(', ')}, not "${value}"`, { parameter, value, allowed: ANALYTICS_DIMENSIONS });
  return found;
};

const outcomeChoice = (value: string | undefined): DealOutcome | null => {
  if (value === undefined) return null;
  const found = DEAL_OUTCOMES.find((outcome) => outcome === value);
  if (found === undefined) throw invalidQuery(`stageOutcome must be one of ${DEAL_OUTCOMES.join(', ')}, not "${value}"`, { parameter: 'stageOutcome', value, allowed: DEAL_OUTCOMES });
  return found;
};

const text = (value: unknown): string => (value === null || value === undefined ? NO_VALUE : typeof value === 'string' ? value : JSON.stringify(value));

/** Every record's fields valid at `asOf`, of one kind: `record_id` → fields. */
const fieldsAsOf = (db: Database, kind: string, asOf: string): Map<string, Record<string, unknown>> => {
  const rows = db
    .prepare('SELECT record_id, fields FROM record_versions WHERE kind = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)')
    .all(kind, asOf, asOf) as { record_id: string; fields: string }[];
  return new Map(rows.map((row) => [row.record_id, JSON.parse(row.fields) as Record<string, unknown>]));
};

/** The records a history import opened. */
const importedRecords = (db: Database, kind: string): Set<string> =>
  new Set((db.prepare('SELECT record_id FROM records WHERE kind = ? AND imported = 1').all(kind) as { record_id: string }[]).map((row) => row.record_id));

/** Every deal of `kind` as known at `asOf`, from the pipeline's validity intervals. */
export const dealHistoriesAsOf = (db: Database, kind: string, asOf: string): DealHistory[] => {
  requireTables(db, 'pipeline', ['pipeline_deals']);
  requireTables(db, 'records', ['records', 'record_versions']);
  const rows = db.prepare('SELECT * FROM pipeline_deals WHERE kind = ? AND valid_from <= ?').all(kind, asOf) as DealRow[];
  return dealHistoriesFromRows(rows, importedRecords(db, kind))
    .map((history) => historyAsOf(history, asOf))
    .filter((history): history is DealHistory => history !== null);
};

const resolveScope = (db: Database, clock: Clock, query: SalesAnalyticsQuery): AnalyticsScope => {
  const kind = query.kind ?? 'opportunity';
  const asOf = query.asOf === undefined ? clock.now().toISOString() : parseAsOf(query.asOf);
  const period = query.period ?? periodOfInstant(asOf, 'quarter');
  const periodKind = periodKindOf(period);
  const window = { from: periodStart(period), to: periodStart(nextPeriod(period)) };
  const by = query.by === undefined ? null : dimensionOf(query.by, 'by');
  const filter: Partial<Record<AnalyticsDimension, string>> = {};
  for (const [name, value] of Object.entries(query.filter ?? {})) if (value !== undefined) filter[dimensionOf(name, 'filter')] = value;
  const stageOutcome = outcomeChoice(query.stageOutcome);
  const conformance = conformanceOf(query.conformance);
  const cohortKind = query.cohort ?? periodKind;

  const histories = dealHistoriesAsOf(db, kind, asOf);
  const fields = fieldsAsOf(db, kind, asOf);
  const teams = teamsByOwner(db);
  const regions = regionsByOwner(db);
  const valuesOf = (history: DealHistory): Record<AnalyticsDimension, string> => {
    const owner = lastState(history).owner;
    const own = fields.get(history.recordId) ?? {};
    const account = own['account'];
    return {
      owner: text(owner),
      team: teamOf(teams, owner),
      region: text(owner === null ? null : regions.get(owner)),
      product: text(own['product']),
      source: text(own['source']),
      account: text(account),
      blueprintVersion: String(history.blueprintVersion),
      outcome: outcomeOf(history),
      origin: history.imported ? 'imported' : 'live',
      cohort: periodOfInstant(history.openedAt, cohortKind),
    };
  };
  const matching = histories
    .map((history) => ({ history, values: valuesOf(history) }))
    .filter((deal) => Object.entries(filter).every(([name, value]) => deal.values[name as AnalyticsDimension] === value));
  const nonConforming = matching.filter((deal) => !lastState(deal.history).conforming).length;
  const deals = conformance === 'conforming' ? matching.filter((deal) => lastState(deal.history).conforming) : matching;
  return { kind, asOf, period, window, by, filter, cycleFrom: query.cycleFrom ?? null, stageOutcome, conformance, nonConforming, deals };
};

/** The quota a row is measured against, as it stood at `asOf`: the owner's or team's for the period; the total's is that of the owner or team filtered on, else the sum of owner quotas. */
const quotaFor = (db: Database, scope: AnalyticsScope, group: string | null): number | null => {
  const quotas = quotasByKey(db, scope.asOf);
  if (group !== null) {
    if (scope.by === 'owner') return quotas.get(quotaKey('owner', group, scope.period)) ?? null;
    if (scope.by === 'team') return quotas.get(quotaKey('team', group, scope.period)) ?? null;
    return null;
  }
  if (scope.filter.owner !== undefined) return quotas.get(quotaKey('owner', scope.filter.owner, scope.period)) ?? null;
  if (scope.filter.team !== undefined) return quotas.get(quotaKey('team', scope.filter.team, scope.period)) ?? null;
  if (Object.keys(scope.filter).length > 0) return null;
  const owners = [...quotas].filter(([key]) => key.startsWith('owner\u0000') && key.endsWith(`\u0000${scope.period}`));
  return owners.length === 0 ? null : owners.reduce((sum, [, cents]) => sum + cents, 0);
};

const money = (cents: number | null): number | null => (cents === null ? null : fromCents(cents));

const metricsRow = (group: string, histories: readonly DealHistory[], scope: AnalyticsScope, quotaCents: number | null): SalesMetricsRow => {
  const size = averageDealSize(histories, scope.window);
  const velocity = pipelineVelocity(histories, scope.window);
  const coverage = pipelineCoverage(histories, scope.window, quotaCents);
  const slipped = slippage(histories, scope.window);
  return {
    group,
    deals: histories.length,
    winRate: winRate(histories, scope.window),
    salesCycle: salesCycle(histories, scope.window, scope.cycleFrom),
    timeInStage: timeInStage(histories, scope.window, scope.stageOutcome),
    averageDealSize: { won: size.won, wonAmount: fromCents(size.wonCents), average: money(size.averageCents) },
    velocity: {
      openDeals: velocity.openDeals,
      winRate: velocity.winRate,
      averageDealSize: money(velocity.averageDealSizeCents),
      cycleDays: velocity.cycleDays,
      perDay: money(velocity.centsPerDay),
    },
    coverage: {
      openWeighted: fromCents(coverage.openWeightedCents),
      openDeals: coverage.openDeals,
      closedWon: fromCents(coverage.closedWonCents),
      quota: money(coverage.quotaCents),
      remainingQuota: money(coverage.remainingQuotaCents),
      coverage: coverage.coverage,
    },
    aging: stageAging(histories, scope.asOf),
    slippage: { deals: slipped.deals, amount: fromCents(slipped.amountCents), slips: slipped.slips },
    forecastAccuracy: forecastAccuracyByCategory(histories, scope.window).map(({ forecastCents, wonCents, ...rest }) => ({
      ...rest,
      forecast: fromCents(forecastCents),
      won: fromCents(wonCents),
    })),
    reconciliation: reconcile(histories, scope.window),
  };
};

/**
 * Sales analytics as of a business time: win rate, sales cycle, time in stage by outcome, average deal
 * size, velocity, coverage, stage aging, slippage, forecast accuracy per category and the stage
 * reconciliation of one period, in total and per value of a dimension. Figures cover every deal (as the
 * pipeline's do); the records behind a figure are listed by `explainSalesFigure`, as the reader may see them.
 */
export const querySalesAnalytics = (db: Database, clock: Clock, query: SalesAnalyticsQuery = {}): SalesAnalyticsReport => {
  const scope = resolveScope(db, clock, query);
  const all = scope.deals.map((deal) => deal.history);
  const groups = new Map<string, DealHistory[]>();
  if (scope.by !== null) {
    for (const deal of scope.deals) {
      const value = deal.values[scope.by];
      groups.set(value, [...(groups.get(value) ?? []), deal.history]);
    }
  }
  const rows = [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([group, histories]) => metricsRow(group, histories, scope, quotaFor(db, scope, group)));
  const { deals: _deals, ...described } = scope;
  return { ...described, total: metricsRow('total', all, scope, quotaFor(db, scope, null)), rows };
};

export interface ExplainQuery extends SalesAnalyticsQuery, Omit<FigurePart, 'cycleFrom' | 'stageOutcome'> {
  readonly metric: string;
  /** The row of a grouped report (`by`); absent: the total. */
  readonly group?: string;
  /** Only these records are listed; the others are counted (`hidden`). Absent: every record. */
  readonly visibleTo?: RecordVisibility;
}

export interface ExplainedRecord extends FigureMember {
  readonly kind: string;
  readonly owner: string | null;
  readonly stage: string;
}

export interface FigureExplanation {
  readonly kind: string;
  readonly asOf: string;
  readonly period: string;
  readonly window: Window;
  readonly metric: ExplainableMetric;
  readonly group: string | null;
  readonly part: FigurePart;
  /** Every deal behind the figure, read or not. */
  readonly count: number;
  /** The ones the reader may read, with what each counts as; the events that moved them are added by the caller from the store. */
  readonly records: readonly ExplainedRecord[];
  /** Behind the figure but not the reader's to read: counted only. */
  readonly hidden: number;
}

/** Current owners of the deals: the read rule judges a record on its owner now, also for a past figure (as the records list does). */
const currentOwners = (db: Database, kind: string): Map<string, string | null> =>
  new Map((db.prepare('SELECT record_id, owner FROM records WHERE kind = ?').all(kind) as { record_id: string; owner: string | null }[]).map((row) => [row.record_id, row.owner]));

/** The deals behind one figure of `querySalesAnalytics` (same query), those the reader may read listed, the rest counted. */
export const explainSalesFigure = (db: Database, clock: Clock, query: ExplainQuery): FigureExplanation => {
  const metric = EXPLAINABLE_METRICS.find((candidate) => candidate === query.metric);
  if (metric === undefined) throw invalidQuery(`metric must be one of ${EXPLAINABLE_METRICS.join(', ')}, not "${query.metric}"`, { parameter: 'metric', value: query.metric, allowed: EXPLAINABLE_METRICS });
  const scope = resolveScope(db, clock, query);
  const group = query.group ?? null;
  if (group !== null && scope.by === null) throw invalidQuery('group needs by: the dimension the group is a value of', { parameter: 'group', value: group });
  const deals = scope.deals.filter((deal) => group === null || (scope.by !== null && deal.values[scope.by] === group));
  const histories = deals.map((deal) => deal.history);
  const part: FigurePart = {
    ...(query.stage === undefined ? {} : { stage: query.stage }),
    ...(query.bucket === undefined ? {} : { bucket: query.bucket }),
    ...(query.category === undefined ? {} : { category: query.category }),
    ...(query.column === undefined ? {} : { column: query.column }),
    cycleFrom: scope.cycleFrom,
    stageOutcome: scope.stageOutcome,
  };
  const members = figureMembers(metric, histories, scope.window, scope.asOf, part);
  const byId = new Map(histories.map((history) => [history.recordId, history]));
  const owners = currentOwners(db, scope.kind);
  const visible = members.filter(
    (entry) => query.visibleTo === undefined || (owners.has(entry.recordId) && isVisibleTo(query.visibleTo, { kind: scope.kind, owner: owners.get(entry.recordId) ?? null })),
  );
  const records = visible.map((entry): ExplainedRecord => {
    const state = lastState(byId.get(entry.recordId) as DealHistory);
    return { ...entry, kind: scope.kind, owner: state.owner, stage: state.stage };
  });
  return { kind: scope.kind, asOf: scope.asOf, period: scope.period, window: scope.window, metric, group, part, count: members.length, records, hidden: members.length - visible.length };
};
