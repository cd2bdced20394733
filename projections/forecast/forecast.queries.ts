import type { Database } from 'better-sqlite3';
import type { Clock } from '@crm/clock';
import { dateOf, parseAsOf, periodKindOf, periodOfDate, type PeriodKind } from '../shared/business-time';
import { conformanceOf, type Conformance } from '../shared/conformance';
import { dealsAsOf, type DealRow } from '../shared/deal-timeline';
import { fromCents, weightedCents } from '../shared/money';
import { invalidQuery } from '../shared/read-model.exception';
import { requireTables } from '../shared/require-tables';
import { quotaKey, quotasByKey } from '../teams/quotas.table';
import { teamOf, teamsByOwner } from '../teams/teams.table';

export type ForecastGrouping = 'owner' | 'team' | 'total';

export interface ForecastQuery {
  /** Record kind; default `opportunity`. */
  readonly kind?: string;
  /** Business time (`YYYY-MM-DD` = end of that day); default: now on the clock. */
  readonly asOf?: string;
  /** Default `quarter`. */
  readonly periodKind?: PeriodKind;
  /** First and last period to report (`2017-Q1`, `2017-03`), both included; default: every period with deals. */
  readonly from?: string;
  readonly to?: string;
  /** Default `owner`. */
  readonly groupBy?: ForecastGrouping;
  /** `conforming`: leave out deals whose history (at `asOf`) has a StageRecorded; default `all`. */
  readonly conformance?: Conformance;
}

/** Money per forecast category, in cents while summing. */
export interface ForecastFigures {
  readonly closedWonCents: number;
  readonly closedWonCount: number;
  readonly closedLostCount: number;
  readonly commitCents: number;
  readonly bestCaseCents: number;
  readonly pipelineCents: number;
  /** Σ amount × probability over open deals of every category. */
  readonly weightedCents: number;
  readonly openCount: number;
}

export interface ForecastRow {
  readonly period: string;
  /** Owner, team or `total`, after `groupBy`; null for unowned deals grouped by owner. */
  readonly group: string | null;
  readonly closedWon: number;
  readonly closedWonCount: number;
  readonly closedLostCount: number;
  readonly commit: number;
  readonly bestCase: number;
  readonly pipeline: number;
  readonly weightedPipeline: number;
  readonly openCount: number;
  readonly quota: number | null;
  /** closedWon / quota; null without a quota (or a zero one). */
  readonly attainment: number | null;
}

export interface ForecastReport {
  readonly kind: string;
  readonly asOf: string;
  readonly periodKind: PeriodKind;
  readonly groupBy: ForecastGrouping;
  readonly rows: readonly ForecastRow[];
  /** Open deals without a close date: they belong to no period. */
  readonly undated: { readonly count: number; readonly amount: number };
  readonly conformance: Conformance;
  /** Deals of the reported periods (and undated ones) whose history does not conform; counted with `all`, left out with `conforming`. */
  readonly nonConforming: number;
}

export const emptyFigures = (): ForecastFigures => ({
  closedWonCents: 0,
  closedWonCount: 0,
  closedLostCount: 0,
  commitCents: 0,
  bestCaseCents: 0,
  pipelineCents: 0,
  weightedCents: 0,
  openCount: 0,
});

/**
 * The date that puts a deal in a period: the `closeDate` field (the expected close date while open, the
 * actual one once closed); a closed deal without it counts on the day it entered its final stage. An open
 * deal without a close date is in no period.
 */
export const forecastDateOf = (deal: Pick<DealRow, 'close_date' | 'closed_at' | 'final'>): string | null =>
  deal.close_date ?? (deal.final === 1 && deal.closed_at !== null ? dateOf(deal.closed_at) : null);

/** Adds one deal, by its stage's outcome (closed) or forecast category (open). */
export const addDeal = (figures: ForecastFigures, deal: DealRow): ForecastFigures => {
  const cents = deal.amount_cents ?? 0;
  if (deal.final === 1) {
    if (deal.outcome === 'won') return { ...figures, closedWonCents: figures.closedWonCents + cents, closedWonCount: figures.closedWonCount + 1 };
    if (deal.outcome === 'lost') return { ...figures, closedLostCount: figures.closedLostCount + 1 };
    return figures;
  }
  const open = { ...figures, openCount: figures.openCount + 1, weightedCents: figures.weightedCents + weightedCents(cents, deal.probability) };
  switch (deal.forecast_category) {
    case 'commit':
      return { ...open, commitCents: open.commitCents + cents };
    case 'best_case':
      return { ...open, bestCaseCents: open.bestCaseCents + cents };
    case 'pipeline':
      return { ...open, pipelineCents: open.pipelineCents + cents };
    default:
      return open;
  }
};

export interface FigureGroup {
  readonly period: string;
  readonly group: string | null;
  readonly figures: ForecastFigures;
}

/**
 * Deals valid at `asOf`, summed per period and group; with `conforming`, without the deals whose history
 * does not conform. `nonConformingByPeriod` counts those per period (null: open and undated) either way.
 */
export const forecastFigures = (
  db: Database,
  kind: string,
  asOf: string,
  periodKind: PeriodKind,
  groupOf: (owner: string | null) => string | null,
  conformance: Conformance = 'all',
): { groups: FigureGroup[]; undated: { count: number; cents: number }; nonConformingByPeriod: Map<string | null, number> } => {
  const groups = new Map<string, FigureGroup>();
  const undated = { count: 0, cents: 0 };
  const nonConformingByPeriod = new Map<string | null, number>();
  for (const deal of dealsAsOf(db, 'forecast_deals', kind, asOf)) {
    const date = forecastDateOf(deal);
    if (date === null && deal.final === 1) continue;
    const period = date === null ? null : periodOfDate(date, periodKind);
    if (deal.conforming === 0) {
      nonConformingByPeriod.set(period, (nonConformingByPeriod.get(period) ?? 0) + 1);
      if (conformance === 'conforming') continue;
    }
    if (period === null) {
      undated.count += 1;
      undated.cents += deal.amount_cents ?? 0;
      continue;
    }
    const group = groupOf(deal.owner);
    const key = `${period}\u0000${group ?? ''}`;
    const current = groups.get(key) ?? { period, group, figures: emptyFigures() };
    groups.set(key, { ...current, figures: addDeal(current.figures, deal) });
  }
  return { groups: [...groups.values()], undated, nonConformingByPeriod };
};

export const groupingOf = (db: Database, groupBy: ForecastGrouping): ((owner: string | null) => string | null) => {
  if (groupBy === 'total') return () => 'total';
  if (groupBy === 'owner') return (owner) => owner;
  const teams = teamsByOwner(db);
  return (owner) => teamOf(teams, owner);
};

const checkRange = (from: string | undefined, to: string | undefined, periodKind: PeriodKind): void => {
  for (const period of [from, to]) {
    if (period !== undefined && periodKindOf(period) !== periodKind) throw invalidQuery(`period ${period} is not a ${periodKind}`);
  }
};

const compareRows = (a: ForecastRow, b: ForecastRow): number =>
  a.period < b.period ? -1 : a.period > b.period ? 1 : (a.group ?? '') < (b.group ?? '') ? -1 : (a.group ?? '') > (b.group ?? '') ? 1 : 0;

/**
 * The forecast per period and owner (or team, or total) as of a business time: closed won, commit, best
 * case and pipeline by the stages' forecast categories, weighted pipeline, and quota attainment where a
 * quota is set. Categories are not cumulative: commit is the open deals in commit stages only.
 */
export const queryForecast = (db: Database, clock: Clock, query: ForecastQuery = {}): ForecastReport => {
  requireTables(db, 'forecast', ['forecast_deals']);
  const kind = query.kind ?? 'opportunity';
  const asOf = query.asOf === undefined ? clock.now().toISOString() : parseAsOf(query.asOf);
  const periodKind = query.periodKind ?? 'quarter';
  const groupBy = query.groupBy ?? 'owner';
  const conformance = conformanceOf(query.conformance);
  checkRange(query.from, query.to, periodKind);
  const inRange = (period: string): boolean => (query.from === undefined || period >= query.from) && (query.to === undefined || period <= query.to);

  const { groups, undated, nonConformingByPeriod } = forecastFigures(db, kind, asOf, periodKind, groupingOf(db, groupBy), conformance);
  const nonConforming = [...nonConformingByPeriod].reduce((sum, [period, count]) => (period === null || inRange(period) ? sum + count : sum), 0);
  const quotas = quotasByKey(db, asOf);
  const quotaScope = groupBy === 'team' ? 'team' : 'owner';
  const quotaOf = (period: string, group: string | null): number | null =>
    groupBy === 'total' || group === null ? null : (quotas.get(quotaKey(quotaScope, group, period)) ?? null);

  const byKey = new Map(groups.filter((group) => inRange(group.period)).map((group) => [`${group.period}\u0000${group.group ?? ''}`, group]));
  // A quota with no deal yet still gets its row: zero attainment is an answer too.
  for (const key of quotas.keys()) {
    const [scope, name, period] = key.split('\u0000');
    if (groupBy !== 'total' && scope === quotaScope && periodKindOf(period) === periodKind && inRange(period) && !byKey.has(`${period}\u0000${name}`)) {
      byKey.set(`${period}\u0000${name}`, { period, group: name, figures: emptyFigures() });
    }
  }

  const rows = [...byKey.values()]
    .map(({ period, group, figures }): ForecastRow => {
      const quotaCents = quotaOf(period, group);
      return {
        period,
        group,
        closedWon: fromCents(figures.closedWonCents),
        closedWonCount: figures.closedWonCount,
        closedLostCount: figures.closedLostCount,
        commit: fromCents(figures.commitCents),
        bestCase: fromCents(figures.bestCaseCents),
        pipeline: fromCents(figures.pipelineCents),
        weightedPipeline: fromCents(figures.weightedCents),
        openCount: figures.openCount,
        quota: quotaCents === null ? null : fromCents(quotaCents),
        attainment: quotaCents === null || quotaCents === 0 ? null : figures.closedWonCents / quotaCents,
      };
    })
    .sort(compareRows);
  return { kind, asOf, periodKind, groupBy, rows, undated: { count: undated.count, amount: fromCents(undated.cents) }, conformance, nonConforming };
};
