import type { Database } from 'better-sqlite3';
import { parsePosition, serializePosition, type Position } from '@crm/event-store';
import { describeFailure, ProjectionRuntimeException, ProjectionRuntimeExceptionCode } from './projection-runtime.exception';

export const PROJECTION_STATES = ['catching_up', 'live', 'rebuilding', 'failed', 'stopped'] as const;
export type ProjectionState = (typeof PROJECTION_STATES)[number];

/** Where a projection stands, as stored next to its rows. */
export interface Checkpoint {
  readonly projection: string;
  readonly version: number;
  /** Counts rebuilds; a swap bumps it, which tells concurrent writers their table set is gone. */
  readonly generation: number;
  /** Last event applied; null before the first. */
  readonly position: Position | null;
  readonly eventsApplied: number;
  /** Logical names of the live tables, so a rebuild under a new version drops exactly these. */
  readonly tables: readonly string[];
  readonly state: ProjectionState;
  readonly error: string | null;
  readonly updatedAt: string;
}

interface CheckpointRow {
  readonly projection: string;
  readonly version: number;
  readonly generation: number;
  readonly position: string | null;
  readonly events_applied: number;
  readonly tables: string;
  readonly state: ProjectionState;
  readonly error: string | null;
  readonly updated_at: string;
}

const toCheckpoint = (row: CheckpointRow): Checkpoint => ({
  projection: row.projection,
  version: row.version,
  generation: row.generation,
  position: row.position === null ? null : parsePosition(row.position),
  eventsApplied: row.events_applied,
  tables: JSON.parse(row.tables) as string[],
  state: row.state,
  error: row.error,
  updatedAt: row.updated_at,
});

export const serializeCheckpointPosition = (position: Position | null): string | null =>
  position === null ? null : serializePosition(position);

export const readCheckpoint = (db: Database, projection: string): Checkpoint | null => {
  const row = db.prepare('SELECT * FROM projection_checkpoints WHERE projection = ?').get(projection) as CheckpointRow | undefined;
  return row === undefined ? null : toCheckpoint(row);
};

export const readCheckpoints = (db: Database): Checkpoint[] =>
  (db.prepare('SELECT * FROM projection_checkpoints ORDER BY projection').all() as CheckpointRow[]).map(toCheckpoint);

/** Inserts or replaces the whole row: first install, and the swap at the end of a rebuild. */
export const writeCheckpoint = (db: Database, checkpoint: Checkpoint): void => {
  db.prepare(
    `INSERT INTO projection_checkpoints (projection, version, generation, position, events_applied, tables, state, error, updated_at)
     VALUES (@projection, @version, @generation, @position, @eventsApplied, @tables, @state, @error, @updatedAt)
     ON CONFLICT (projection) DO UPDATE SET version = excluded.version, generation = excluded.generation,
       position = excluded.position, events_applied = excluded.events_applied, tables = excluded.tables,
       state = excluded.state, error = excluded.error, updated_at = excluded.updated_at`,
  ).run({
    ...checkpoint,
    position: serializeCheckpointPosition(checkpoint.position),
    tables: JSON.stringify(checkpoint.tables),
  });
};

/**
 * Compare-and-set: moves the checkpoint only if it still is where this writer read it. Two runners on one
 * file (a CLI and a server) therefore cannot both apply the same batch: SQLite serializes the write
 * transactions and the second one finds the checkpoint moved.
 */
export const advanceCheckpoint = (
  db: Database,
  projection: string,
  generation: number,
  expected: Position | null,
  next: Position,
  applied: number,
  updatedAt: string,
): boolean =>
  db
    .prepare(
      `UPDATE projection_checkpoints SET position = ?, events_applied = events_applied + ?, updated_at = ?
       WHERE projection = ? AND generation = ? AND position IS ?`,
    )
    .run(serializePosition(next), applied, updatedAt, projection, generation, serializeCheckpointPosition(expected)).changes === 1;

/** Throws READ_MODEL_UNAVAILABLE, naming the projection and the state, when the file refuses the write. */
export const recordState = (db: Database, projection: string, state: ProjectionState, error: string | null, updatedAt: string): void => {
  try {
    db.prepare('UPDATE projection_checkpoints SET state = ?, error = ?, updated_at = ? WHERE projection = ?').run(
      state,
      error,
      updatedAt,
      projection,
    );
  } catch (refusal) {
    throw new ProjectionRuntimeException(
      ProjectionRuntimeExceptionCode.READ_MODEL_UNAVAILABLE,
      `projection "${projection}" could not record its state "${state}": ${describeFailure(refusal)}`,
      { projection, state },
      { cause: refusal },
    );
  }
};
