import type { Database } from 'better-sqlite3';
import { readCheckpoint, writeCheckpoint } from './checkpoint.store';
import { liveTableNames, type Projection } from './projection';
import { createTables, dropTables, leftoverRebuildTables, tableExists } from './table-set';

/** `ready`: resume from the checkpoint; `rebuild`: the stored model is of another version or incomplete. */
export type Installation = 'installed' | 'ready' | 'rebuild';

/**
 * Makes a projection's live tables exist. A new projection gets empty tables and a checkpoint before
 * the first event; a projection stored under another version, or with a table missing, must be rebuilt.
 * Leftovers of a rebuild that never swapped are dropped.
 */
export const installProjection = (db: Database, projection: Projection, now: string): Installation =>
  db.transaction((): Installation => {
    dropTables(db, leftoverRebuildTables(db, projection));
    const checkpoint = readCheckpoint(db, projection.name);
    if (checkpoint === null) {
      dropTables(db, projection.tables.map((table) => table.name));
      createTables(db, projection, liveTableNames);
      writeCheckpoint(db, {
        projection: projection.name,
        version: projection.version,
        generation: 0,
        position: null,
        eventsApplied: 0,
        tables: projection.tables.map((table) => table.name),
        state: 'catching_up',
        error: null,
        updatedAt: now,
      });
      return 'installed';
    }
    const complete = projection.tables.every((table) => tableExists(db, table.name));
    return checkpoint.version === projection.version && complete ? 'ready' : 'rebuild';
  })();
