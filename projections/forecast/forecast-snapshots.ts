import type { Database } from 'better-sqlite3';
import type { Clock } from '@crm/clock';
import { parseAsOf, periodKindOf, periodOfInstant, periodsBetween, periodStart, type PeriodKind } from '../shared/business-time';
import { fromCents } from '../shared/money';
import { invalidQuery } from '../shared/read-model.exception';
import { requireTables } from '../shared/require-tables';
import { teamOf, teamsByOwner } from '../teams/teams.table';
import { emptyFigures, forecastFigures, type ForecastFigures, type ForecastGrouping } from './forecast.queries';

/**
 * What the forecast said for a period at a moment, frozen: the forecast read model can be rebuilt and
 * history imported later, but a snapshot keeps what was known when it was taken. No projection owns
 * this table; rebuilds leave it alone.
 */
export const ensureSnapshotsTable = (db: Database): void => {
  db.exec(`CREATE TABLE IF NOT EXISTS forecast_snapshots (
    kind             TEXT    NOT NULL,
    period_kind      TEXT    NOT NULL,
    period           TEXT    NOT NULL,
    as_of            TEXT    NOT NULL,
    taken_at         TEXT    NOT NULL,
    owner            TEXT    NOT NULL,
    closed_won_cents INTEGER NOT NULL,
    closed_won_count INTEGER NOT NULL,
    closed_lost_count INTEGER NOT NULL,
    commit_cents     INTEGER NOT NULL,
    best_case_cents  INTEGER NOT NULL,
    pipeline_cents   INTEGER NOT NULL,
    weighted_cents   INTEGER NOT NULL,
    open_count       INTEGER NOT NULL,
    PRIMARY KEY (kind, period_kind, period, as_of, owner)
  )`);
};

export interface SnapshotRequest {
  /** Default `opportunity`. */
  readonly kind?: string;
  /** Default `quarter`. */
  readonly periodKind?: PeriodKind;
  /** The period forecast; default: the one containing `asOf`. */
  readonly period?: string;
  /** The moment the forecast is taken as of; default: now on the clock. Never in the future. */
  readonly asOf?: string;
}

export interface ForecastSnapshot {
  readonly kind: string;
  readonly periodKind: PeriodKind;
  readonly period: string;
  readonly asOf: string;
  readonly takenAt: string;
  /** Owners with a row in the snapshot. */
  readonly owners: number;
  /** True when this snapshot existed already: a snapshot is never retaken. */
  readonly alreadyTaken: boolean;
}

interface SnapshotRow {
  readonly period: string;
  readonly as_of: string;
  readonly taken_at: string;
  readonly owner: string;
  readonly closed_won_cents: number;
  readonly closed_won_count: number;
  readonly closed_lost_count: number;
  readonly commit_cents: number;
  readonly best_case_cents: number;
  readonly pipeline_cents: number;
  readonly weighted_cents: number;
  readonly open_count: number;
}

/** Unowned deals are stored under the empty owner name (the key cannot hold null). */
const unowned = '';

export const takeForecastSnapshot = (db: Database, clock: Clock, request: SnapshotRequest = {}): ForecastSnapshot => {
  requireTables(db, 'forecast', ['forecast_deals']);
  ensureSnapshotsTable(db);
  const kind = request.kind ?? 'opportunity';
  const periodKind = request.periodKind ?? 'quarter';
  const now = clock.now().toISOString();
  const asOf = request.asOf === undefined ? now : parseAsOf(request.asOf);
  if (asOf > now) throw invalidQuery(`a snapshot cannot be taken as of ${asOf}, after now (${now})`);
  const period = request.period ?? periodOfInstant(asOf, periodKind);
  if (periodKindOf(period) !== periodKind) throw invalidQuery(`period ${period} is not a ${periodKind}`);

  const existing = db
    .prepare('SELECT taken_at, count(*) AS owners FROM forecast_snapshots WHERE kind = ? AND period_kind = ? AND period = ? AND as_of = ? GROUP BY taken_at')
    .get(kind, periodKind, period, asOf) as { taken_at: string; owners: number } | undefined;
  if (existing) return { kind, periodKind, period, asOf, takenAt: existing.taken_at, owners: existing.owners, alreadyTaken: true };

  const groups = forecastFigures(db, kind, asOf, periodKind, (owner) => owner).groups.filter((group) => group.period === period);
  // An empty forecast is a fact too: one zero row keeps the snapshot visible.
  const rows = groups.length > 0 ? groups : [{ period, group: unowned, figures: emptyFigures() }];
  const insert = db.prepare(
    `INSERT INTO forecast_snapshots (kind, period_kind, period, as_of, taken_at, owner, closed_won_cents, closed_won_count, closed_lost_count,
       commit_cents, best_case_cents, pipeline_cents, weighted_cents, open_count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const { group, figures } of rows) {
      insert.run(
        kind,
        periodKind,
        period,
        asOf,
        now,
        group ?? unowned,
        figures.closedWonCents,
        figures.closedWonCount,
        figures.closedLostCount,
        figures.commitCents,
        figures.bestCaseCents,
        figures.pipelineCents,
        figures.weightedCents,
        figures.openCount,
      );
    }
  })();
  return { kind, periodKind, period, asOf, takenAt: now, owners: rows.length, alreadyTaken: false };
};

export interface DueSnapshotsRequest {
  readonly kind?: string;
  readonly periodKind?: PeriodKind;
  /** First period to make sure of (e.g. when history was imported); default: the current period. */
  readonly since?: string;
  /** Last period to make sure of; default (and at most): the current period. */
  readonly until?: string;
}

/**
 * Takes the snapshot at the start of every period from `since` to the current one that does not have
 * one yet. Run it at each period start (a scheduler, `crm forecast snapshot`); a snapshot of a period
 * that started before it was taken is reconstructed from the validity intervals (its `takenAt` says so).
 */
export const takeDueForecastSnapshots = (db: Database, clock: Clock, request: DueSnapshotsRequest = {}): ForecastSnapshot[] => {
  const periodKind = request.periodKind ?? 'quarter';
  const current = periodOfInstant(clock.now().toISOString(), periodKind);
  const first = request.since ?? current;
  const last = request.until !== undefined && request.until < current ? request.until : current;
  if (first > last) return [];
  return periodsBetween(first, last).map((period) =>
    takeForecastSnapshot(db, clock, { kind: request.kind, periodKind, period, asOf: periodStart(period) }),
  );
};

export interface AccuracyQuery {
  readonly kind?: string;
  readonly periodKind?: PeriodKind;
  readonly from?: string;
  readonly to?: string;
  /** Actuals as of this business time; default: now on the clock. */
  readonly asOf?: string;
  /** Default `total`. */
  readonly groupBy?: ForecastGrouping;
}

export interface AccuracyRow {
  readonly period: string;
  readonly group: string | null;
  /** The snapshot compared: the one taken as of the period's start. */
  readonly snapshotAsOf: string;
  readonly snapshotTakenAt: string;
  /** Closed won in the period already at its start (deals closed early or dated back). */
  readonly forecastClosedWon: number;
  /** Closed won + commit at the period's start. */
  readonly commitForecast: number;
  /** Closed won + commit + best case at the period's start. */
  readonly bestCaseForecast: number;
  /** Closed won + weighted pipeline at the period's start. */
  readonly weightedForecast: number;
  readonly actualClosedWon: number;
  /** actual / commit forecast; null when the forecast was 0. */
  readonly commitAccuracy: number | null;
  /** actual / weighted forecast; null when the forecast was 0. */
  readonly weightedAccuracy: number | null;
}

export interface AccuracyReport {
  readonly kind: string;
  readonly periodKind: PeriodKind;
  readonly asOf: string;
  readonly groupBy: ForecastGrouping;
  readonly rows: readonly AccuracyRow[];
  /** Periods in range with closed-won deals but no snapshot at their start. */
  readonly periodsWithoutSnapshot: readonly string[];
}

const sumFigures = (a: ForecastFigures, b: ForecastFigures): ForecastFigures => ({
  closedWonCents: a.closedWonCents + b.closedWonCents,
  closedWonCount: a.closedWonCount + b.closedWonCount,
  closedLostCount: a.closedLostCount + b.closedLostCount,
  commitCents: a.commitCents + b.commitCents,
  bestCaseCents: a.bestCaseCents + b.bestCaseCents,
  pipelineCents: a.pipelineCents + b.pipelineCents,
  weightedCents: a.weightedCents + b.weightedCents,
  openCount: a.openCount + b.openCount,
});

const figuresOfRow = (row: SnapshotRow): ForecastFigures => ({
  closedWonCents: row.closed_won_cents,
  closedWonCount: row.closed_won_count,
  closedLostCount: row.closed_lost_count,
  commitCents: row.commit_cents,
  bestCaseCents: row.best_case_cents,
  pipelineCents: row.pipeline_cents,
  weightedCents: row.weighted_cents,
  openCount: row.open_count,
});

const ratio = (actual: number, forecast: number): number | null => (forecast === 0 ? null : actual / forecast);

/**
 * Forecast accuracy per period: what the snapshot taken at the period's start forecast, against the
 * closed-won amount the forecast model reports for that period now (or as of `asOf`).
 */
export const queryForecastAccuracy = (db: Database, clock: Clock, query: AccuracyQuery = {}): AccuracyReport => {
  requireTables(db, 'forecast', ['forecast_deals']);
  ensureSnapshotsTable(db);
  const kind = query.kind ?? 'opportunity';
  const periodKind = query.periodKind ?? 'quarter';
  const groupBy = query.groupBy ?? 'total';
  const asOf = query.asOf === undefined ? clock.now().toISOString() : parseAsOf(query.asOf);
  const inRange = (period: string): boolean => (query.from === undefined || period >= query.from) && (query.to === undefined || period <= query.to);
  const teams = teamsByOwner(db);
  const groupOf = (owner: string | null): string | null =>
    groupBy === 'total' ? 'total' : groupBy === 'team' ? teamOf(teams, owner) : owner;

  const snapshotRows = (
    db.prepare('SELECT * FROM forecast_snapshots WHERE kind = ? AND period_kind = ? ORDER BY period, owner').all(kind, periodKind) as SnapshotRow[]
  ).filter((row) => row.as_of === periodStart(row.period) && inRange(row.period));
  const forecasts = new Map<string, { period: string; group: string | null; takenAt: string; figures: ForecastFigures }>();
  for (const row of snapshotRows) {
    const group = groupOf(row.owner === unowned ? null : row.owner);
    const key = `${row.period}\u0000${group ?? ''}`;
    const current = forecasts.get(key) ?? { period: row.period, group, takenAt: row.taken_at, figures: emptyFigures() };
    forecasts.set(key, { ...current, figures: sumFigures(current.figures, figuresOfRow(row)) });
  }

  const actuals = new Map(
    forecastFigures(db, kind, asOf, periodKind, groupOf).groups.map((group) => [`${group.period}\u0000${group.group ?? ''}`, group.figures]),
  );
  const snapshotPeriods = new Set(snapshotRows.map((row) => row.period));
  const periodsWithoutSnapshot = [
    ...new Set(
      [...actuals.entries()]
        .filter(([key, figures]) => figures.closedWonCount > 0 && inRange(key.split('\u0000')[0]) && !snapshotPeriods.has(key.split('\u0000')[0]))
        .map(([key]) => key.split('\u0000')[0]),
    ),
  ].sort();

  const rows = [...forecasts.entries()]
    .map(([key, forecast]): AccuracyRow => {
      const actualCents = actuals.get(key)?.closedWonCents ?? 0;
      const { figures } = forecast;
      const commitCents = figures.closedWonCents + figures.commitCents;
      const weighted = figures.closedWonCents + figures.weightedCents;
      return {
        period: forecast.period,
        group: forecast.group,
        snapshotAsOf: periodStart(forecast.period),
        snapshotTakenAt: forecast.takenAt,
        forecastClosedWon: fromCents(figures.closedWonCents),
        commitForecast: fromCents(commitCents),
        bestCaseForecast: fromCents(commitCents + figures.bestCaseCents),
        weightedForecast: fromCents(weighted),
        actualClosedWon: fromCents(actualCents),
        commitAccuracy: ratio(actualCents, commitCents),
        weightedAccuracy: ratio(actualCents, weighted),
      };
    })
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : (a.group ?? '') < (b.group ?? '') ? -1 : 1));
  return { kind, periodKind, asOf, groupBy, rows, periodsWithoutSnapshot };
};
