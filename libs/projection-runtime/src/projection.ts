import type { Database } from 'better-sqlite3';
import type { EventFilter, StoredEvent } from '@crm/event-store';

/**
 * One read-model table of a projection. The runtime decides the physical name: the logical name while
 * the table is live, `<name>__rebuild_<n>` while a rebuild fills it. So DDL is a function of the name,
 * and index names must be derived from it too (index names are global in a SQLite file, and an index
 * keeps its name when its table is renamed by the swap).
 */
export interface ReadModelTable {
  readonly name: string;
  /** Statements that create the table and its indexes under `physicalName`. */
  readonly create: (physicalName: string) => readonly string[];
}

/** Logical table name → physical table name, for the table set an evolve step writes into. */
export type TableNames = (logicalName: string) => string;

/**
 * How an evolve step keeps its rows (README, Read models: one-pass rebuild). `live`: each event reads and
 * writes its rows in the tables, so they are current after every batch. `rebuild`: the tables are fresh and
 * nobody reads them until the swap, so rows still open to change are kept in memory and each row that can no
 * longer change (and, at `finish`, every other) goes to the tables in multi-row inserts. The projection's
 * logic is the same in both; only its storage objects differ.
 */
export type WriteMode = 'live' | 'rebuild';

/** The evolve step bound to one table set: prepared statements, then one call per event. */
export interface ProjectionWriter {
  /** Writes the rows an event implies. Called inside the runtime's transaction; throw to fail the batch. */
  evolve(event: StoredEvent): void;
  /**
   * Writes the rows a `rebuild` writer still holds; called once after the last event, inside the same
   * transaction. Absent (or a no-op) for writers that keep nothing.
   */
  finish?(): void;
}

/**
 * A projection: a name, a version, the events it handles and an evolve step writing read-model rows.
 * Raising the version makes the runtime rebuild it from `$all` at the next start.
 * Evolve must be a function of the events and the rows it wrote before (no clock, no randomness):
 * that is what makes a rebuild produce the same rows, and the digest comparable.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  /** Event types delivered to `evolve`; the runtime reads past the others. */
  readonly eventTypes: readonly string[];
  readonly tables: readonly ReadModelTable[];
  /** Prepares the evolve step against the given physical tables, keeping its rows as `mode` says. */
  open(db: Database, tables: TableNames, mode: WriteMode): ProjectionWriter;
}

/**
 * What the runtime reads for every projection: all of `$all`, unhandled types skipped in memory. The
 * checkpoint then moves over every event, so lag is "events behind the head" and "caught up" is simply
 * "at the head"; and the SQLite adapter's type-filtered read sorts every later event of those types per
 * page (a temp B-tree under LIMIT), which grows with the square of the history.
 */
export const PROJECTION_READ_FILTER: EventFilter = {};

export const handles = (projection: Projection, event: StoredEvent): boolean => projection.eventTypes.includes(event.type);

export const liveTableNames: TableNames = (logicalName) => logicalName;

export const rebuildTableName = (logicalName: string, generation: number): string => `${logicalName}__rebuild_${generation}`;
