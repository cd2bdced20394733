import type { Database } from 'better-sqlite3';
import type { Clock } from '@crm/clock';
import { StreamCommandHandler, fingerprintOf } from '@crm/command-handler';
import type { EventStore } from '@crm/event-store';
import { parseAsOf, periodKindOf, periodOfInstant, periodsBetween, periodStart, type PeriodKind } from '../shared/business-time';
import { fromCents } from '../shared/money';
import { platformEventMetadata, type PlatformCommandEnvelope } from '../shared/platform-command';
import { invalidQuery } from '../shared/read-model.exception';
import { requireTables } from '../shared/require-tables';
import { teamOf, teamsByOwner } from '../teams/teams.table';
import {
  decideForecastSnapshot,
  forecastSnapshotCommandId,
  forecastSnapshotStream,
  snapshotFold,
  type SnapshotFigures,
  type SnapshotMoment,
  type SnapshotStreamState,
} from './forecast-snapshot.stream';
import { FORECAST_SNAPSHOTS_TABLE, UNOWNED } from './forecast-snapshots.table';
import { emptyFigures, forecastFigures, type ForecastFigures, type ForecastGrouping } from './forecast.queries';

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

/** Who takes snapshots, where from, and the access policy judging it (rule `manager-analyst-or-admin`). */
export type SnapshotTaker = PlatformCommandEnvelope;

export interface DueSnapshotsRequest {
  readonly kind?: string;
  readonly periodKind?: PeriodKind;
  /** First period to make sure of (e.g. when history was imported); default: the current period. */
  readonly since?: string;
  /** Last period to make sure of; default (and at most): the current period. */
  readonly until?: string;
}

/** The period, its kind and the moment a request names, checked: never after now, the period of the kind asked. */
const momentOf = (request: SnapshotRequest, now: string): SnapshotMoment => {
  const kind = request.kind ?? 'opportunity';
  const periodKind = request.periodKind ?? 'quarter';
  const asOf = request.asOf === undefined ? now : parseAsOf(request.asOf);
  if (asOf > now) throw invalidQuery(`a snapshot cannot be taken as of ${asOf}, after now (${now})`);
  const period = request.period ?? periodOfInstant(asOf, periodKind);
  if (periodKindOf(period) !== periodKind) throw invalidQuery(`period ${period} is not a ${periodKind}`);
  return { kind, periodKind, period, asOf };
};

/** What the forecast read model says for the period as of the moment, per owner; an empty forecast is one zero row. */
const figuresAt = (db: Database, moment: SnapshotMoment): SnapshotFigures[] => {
  const groups = forecastFigures(db, moment.kind, moment.asOf, moment.periodKind, (owner) => owner).groups.filter((group) => group.period === moment.period);
  // An empty forecast is a fact too: one zero row keeps the snapshot visible.
  const rows = groups.length > 0 ? groups : [{ group: null, figures: emptyFigures() }];
  return rows.map(({ group, figures }) => ({ owner: group, ...figures }));
};

/**
 * Freezes what the forecast says for a period at a moment, as a `ForecastSnapshotTaken` event in the
 * period's stream (`_forecast-snapshot-<kind>-<periodKind>-<period>`), through the generic command loop:
 * the command id derives from the period and the moment, so a snapshot is never retaken (a repeat answers
 * `alreadyTaken` and stores nothing), and the access policy is judged inside the stream's lock. The figures
 * come from the forecast read model; the forecast projection follows the events into `forecast_snapshots`,
 * which the accuracy report reads.
 */
export class ForecastSnapshots {
  private readonly loop: StreamCommandHandler<SnapshotStreamState>;
  private readonly db: Database;
  private readonly clock: Clock;

  constructor(parts: { readonly store: EventStore; readonly db: Database; readonly clock: Clock }) {
    this.db = parts.db;
    this.clock = parts.clock;
    this.loop = new StreamCommandHandler(parts.store, snapshotFold, { clock: parts.clock });
  }

  async take(request: SnapshotRequest, taker: SnapshotTaker): Promise<ForecastSnapshot> {
    requireTables(this.db, 'forecast', ['forecast_deals']);
    const moment = momentOf(request, this.clock.now().toISOString());
    const outcome = await this.loop.handle({
      stream: forecastSnapshotStream(moment),
      commandId: forecastSnapshotCommandId(moment),
      fingerprint: fingerprintOf({ type: 'TakeForecastSnapshot', ...moment }),
      authorize: () => taker.authorize(),
      authorizeReplay: () => taker.authorize(),
      decide: (state) => decideForecastSnapshot(state, moment, () => figuresAt(this.db, moment)),
      metadata: () => platformEventMetadata(taker),
    });
    const [stored] = outcome.events;
    if (stored !== undefined) {
      const owners = Array.isArray(stored.data['byOwner']) ? stored.data['byOwner'].length : 0;
      return { ...moment, takenAt: stored.occurredAt, owners, alreadyTaken: outcome.replayed };
    }
    const earlier = outcome.state.taken.get(moment.asOf);
    if (earlier === undefined) throw new Error(`no snapshot as of ${moment.asOf} in ${outcome.stream} after taking it`);
    return { ...moment, takenAt: earlier.takenAt, owners: earlier.owners, alreadyTaken: true };
  }

  /**
   * Takes the snapshot at the start of every period from `since` to the current one that does not have
   * one yet. Run it at each period start (a scheduler, `crm forecast snapshot`); a snapshot of a period
   * that started before it was taken is reconstructed from the validity intervals (its `takenAt` says so).
   */
  async takeDue(request: DueSnapshotsRequest, taker: SnapshotTaker): Promise<ForecastSnapshot[]> {
    const periodKind = request.periodKind ?? 'quarter';
    const current = periodOfInstant(this.clock.now().toISOString(), periodKind);
    const first = request.since ?? current;
    const last = request.until !== undefined && request.until < current ? request.until : current;
    if (first > last) return [];
    const taken: ForecastSnapshot[] = [];
    for (const period of periodsBetween(first, last)) {
      taken.push(await this.take({ kind: request.kind, periodKind, period, asOf: periodStart(period) }, taker));
    }
    return taken;
  }
}

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

/** A row of `forecast_snapshots`. */
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
  requireTables(db, 'forecast', ['forecast_deals', FORECAST_SNAPSHOTS_TABLE]);
  const kind = query.kind ?? 'opportunity';
  const periodKind = query.periodKind ?? 'quarter';
  const groupBy = query.groupBy ?? 'total';
  const asOf = query.asOf === undefined ? clock.now().toISOString() : parseAsOf(query.asOf);
  const inRange = (period: string): boolean => (query.from === undefined || period >= query.from) && (query.to === undefined || period <= query.to);
  const teams = teamsByOwner(db);
  const groupOf = (owner: string | null): string | null =>
    groupBy === 'total' ? 'total' : groupBy === 'team' ? teamOf(teams, owner) : owner;

  const snapshotRows = (
    db.prepare(`SELECT * FROM ${FORECAST_SNAPSHOTS_TABLE} WHERE kind = ? AND period_kind = ? ORDER BY period, owner`).all(kind, periodKind) as SnapshotRow[]
  ).filter((row) => row.as_of === periodStart(row.period) && inRange(row.period));
  const forecasts = new Map<string, { period: string; group: string | null; takenAt: string; figures: ForecastFigures }>();
  for (const row of snapshotRows) {
    const group = groupOf(row.owner === UNOWNED ? null : row.owner);
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
