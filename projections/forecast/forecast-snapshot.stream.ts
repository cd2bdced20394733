import type { DecidedEvent, StreamFold } from '@crm/command-handler';
import type { JsonObject, StoredEvent } from '@crm/event-store';
import type { PeriodKind } from '../shared/business-time';

export const FORECAST_SNAPSHOT_TAKEN = 'ForecastSnapshotTaken';

/** Snapshots are stored as events, one stream per kind and period, so the audit trail holds them. */
export const FORECAST_SNAPSHOT_STREAM_PREFIX = '_forecast-snapshot-';

/** Which snapshot: of which kind's forecast, for which period, as of which moment. */
export interface SnapshotMoment {
  readonly kind: string;
  readonly periodKind: PeriodKind;
  readonly period: string;
  /** ISO UTC. */
  readonly asOf: string;
}

export const forecastSnapshotStream = (moment: Omit<SnapshotMoment, 'asOf'>): string =>
  `${FORECAST_SNAPSHOT_STREAM_PREFIX}${moment.kind}-${moment.periodKind}-${moment.period}`;

/**
 * One command id per period and moment: taking the same snapshot again is the same command, so the loop
 * answers it with the first result and stores nothing new (README, Architecture: idempotency).
 */
export const forecastSnapshotCommandId = (moment: SnapshotMoment): string =>
  `forecast-snapshot:${moment.kind}:${moment.periodKind}:${moment.period}:${moment.asOf}`;

/** One owner's forecast figures for the period, in cents, as the forecast said at `asOf`. */
export interface SnapshotFigures {
  /** Null for unowned deals. */
  readonly owner: string | null;
  readonly closedWonCents: number;
  readonly closedWonCount: number;
  readonly closedLostCount: number;
  readonly commitCents: number;
  readonly bestCaseCents: number;
  readonly pipelineCents: number;
  readonly weightedCents: number;
  readonly openCount: number;
}

export interface ForecastSnapshotTaken extends SnapshotMoment {
  readonly byOwner: readonly SnapshotFigures[];
}

export const snapshotOfEvent = (event: StoredEvent): ForecastSnapshotTaken => {
  const { data } = event;
  return {
    kind: String(data['kind']),
    periodKind: data['periodKind'] === 'month' ? 'month' : 'quarter',
    period: String(data['period']),
    asOf: String(data['asOf']),
    byOwner: (Array.isArray(data['byOwner']) ? data['byOwner'] : []).map((row): SnapshotFigures => {
      const figures = row as JsonObject;
      const count = (name: string): number => Number(figures[name]);
      return {
        owner: typeof figures['owner'] === 'string' ? figures['owner'] : null,
        closedWonCents: count('closedWonCents'),
        closedWonCount: count('closedWonCount'),
        closedLostCount: count('closedLostCount'),
        commitCents: count('commitCents'),
        bestCaseCents: count('bestCaseCents'),
        pipelineCents: count('pipelineCents'),
        weightedCents: count('weightedCents'),
        openCount: count('openCount'),
      };
    }),
  };
};

/** What a period's snapshot stream says: the moments a snapshot was taken as of, when, and of how many owners. */
export interface SnapshotStreamState {
  readonly taken: ReadonlyMap<string, { readonly takenAt: string; readonly owners: number }>;
}

export const snapshotFold: StreamFold<SnapshotStreamState> = {
  initialState: () => ({ taken: new Map() }),
  evolve: (state, events) => {
    const taken = new Map(state.taken);
    for (const event of events) {
      if (event.type !== FORECAST_SNAPSHOT_TAKEN) continue;
      const snapshot = snapshotOfEvent(event);
      if (!taken.has(snapshot.asOf)) taken.set(snapshot.asOf, { takenAt: event.occurredAt, owners: snapshot.byOwner.length });
    }
    return { taken };
  },
};

/**
 * A snapshot is never retaken: as of a moment already taken nothing is decided. The figures are asked
 * for only when a snapshot is taken, so a repeated one costs no forecast query.
 */
export const decideForecastSnapshot = (state: SnapshotStreamState, moment: SnapshotMoment, figures: () => readonly SnapshotFigures[]): DecidedEvent[] => {
  if (state.taken.has(moment.asOf)) return [];
  const byOwner = figures().map((row): JsonObject => ({ ...row }));
  return [{ type: FORECAST_SNAPSHOT_TAKEN, data: { kind: moment.kind, periodKind: moment.periodKind, period: moment.period, asOf: moment.asOf, byOwner } }];
};
