import type { Database } from 'better-sqlite3';
import type { StoredEvent } from '@crm/event-store';
import type { ReadModelTable, TableNames } from '@crm/projection-runtime';
import { FORECAST_SNAPSHOT_TAKEN, snapshotOfEvent } from './forecast-snapshot.stream';

export const FORECAST_SNAPSHOTS_TABLE = 'forecast_snapshots';

/** Unowned deals are stored under the empty owner name (the key cannot hold null). */
export const UNOWNED = '';

/**
 * What the forecast said for a period at a moment, frozen: one row per owner of each
 * `ForecastSnapshotTaken`. The figures are in the event, so a rebuild gives the same rows even after
 * history was imported that changes what an as-of query reconstructs.
 */
export const forecastSnapshotsTable: ReadModelTable = {
  name: FORECAST_SNAPSHOTS_TABLE,
  create: (table) => [
    `CREATE TABLE "${table}" (
      kind              TEXT    NOT NULL,
      period_kind       TEXT    NOT NULL,
      period            TEXT    NOT NULL,
      as_of             TEXT    NOT NULL,
      taken_at          TEXT    NOT NULL,
      owner             TEXT    NOT NULL,
      closed_won_cents  INTEGER NOT NULL,
      closed_won_count  INTEGER NOT NULL,
      closed_lost_count INTEGER NOT NULL,
      commit_cents      INTEGER NOT NULL,
      best_case_cents   INTEGER NOT NULL,
      pipeline_cents    INTEGER NOT NULL,
      weighted_cents    INTEGER NOT NULL,
      open_count        INTEGER NOT NULL,
      PRIMARY KEY (kind, period_kind, period, as_of, owner)
    )`,
  ],
};

/** The evolve step for `ForecastSnapshotTaken`; the taking moment is the event's business time. */
export const openForecastSnapshotsWriter = (db: Database, tables: TableNames): ((event: StoredEvent) => void) => {
  const table = tables(FORECAST_SNAPSHOTS_TABLE);
  const taken = db.prepare(`SELECT 1 FROM "${table}" WHERE kind = ? AND period_kind = ? AND period = ? AND as_of = ? LIMIT 1`);
  const insert = db.prepare(
    `INSERT INTO "${table}" (kind, period_kind, period, as_of, taken_at, owner, closed_won_cents, closed_won_count,
       closed_lost_count, commit_cents, best_case_cents, pipeline_cents, weighted_cents, open_count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (event) => {
    if (event.type !== FORECAST_SNAPSHOT_TAKEN) return;
    const snapshot = snapshotOfEvent(event);
    // A snapshot is never retaken: should a second one for the same moment ever be stored, the first stands whole.
    if (taken.get(snapshot.kind, snapshot.periodKind, snapshot.period, snapshot.asOf) !== undefined) return;
    for (const row of snapshot.byOwner) {
      insert.run(
        snapshot.kind,
        snapshot.periodKind,
        snapshot.period,
        snapshot.asOf,
        event.occurredAt,
        row.owner ?? UNOWNED,
        row.closedWonCents,
        row.closedWonCount,
        row.closedLostCount,
        row.commitCents,
        row.bestCaseCents,
        row.pipelineCents,
        row.weightedCents,
        row.openCount,
      );
    }
  };
};
