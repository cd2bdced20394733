import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Clock } from '@crm/clock';
import { comparePositions, type EventStore, type Position, type StoredEvent } from '@crm/event-store';
import { evolveAll } from './apply-batch';
import { readCheckpoint, recordState, writeCheckpoint, type ProjectionState } from './checkpoint.store';
import { countEvents } from './count-events';
import { PROJECTION_READ_FILTER, type Projection } from './projection';
import { ProgressMeter, type ProgressListener } from './projection-progress';
import { describeFailure, ProjectionRuntimeException, ProjectionRuntimeExceptionCode, withFollowUpFailures } from './projection-runtime.exception';
import type { ReadModelDatabase } from './read-model-database';
import { createTables, dropTables, leftoverRebuildTables, rebuildTableNames, swapInRebuiltTables } from './table-set';

export const DEFAULT_BATCH_SIZE = 500;

export interface RebuildOptions {
  readonly store: EventStore;
  readonly readModels: ReadModelDatabase;
  readonly projection: Projection;
  readonly clock: Clock;
  readonly batchSize?: number;
  readonly onProgress?: ProgressListener;
  /** Replays events up to this position (inclusive); default: all events stored when the replay ends. */
  readonly until?: Position;
  /**
   * Events for which this says false are read past but not applied: a replay "as known at" a business
   * time. The checkpoint still moves past them.
   */
  readonly include?: (event: StoredEvent) => boolean;
  /** State recorded with the new checkpoint; a runner that goes on live passes `catching_up`. */
  readonly stateAfter?: ProjectionState;
}

export interface RebuildResult {
  readonly projection: string;
  readonly generation: number;
  /** Last event read; null when there was none. */
  readonly position: Position | null;
  readonly eventsApplied: number;
}

const pageUpTo = (page: readonly StoredEvent[], until: Position | undefined): readonly StoredEvent[] =>
  until === undefined ? page : page.filter((event) => comparePositions(event.position, until) <= 0);

/**
 * Replays `$all` into fresh tables (`<table>__rebuild_<n>`), then swaps them in with the new checkpoint in
 * one transaction. Until the swap, queries read the old tables, whole; a crash before it leaves the old
 * model untouched and the half-built tables are dropped at the next start. Yields to the event loop
 * between batches so queries in this process keep being answered.
 */
export const rebuildProjection = async (options: RebuildOptions): Promise<RebuildResult> => {
  const { store, projection, until } = options;
  const db = options.readModels.db;
  const clock = options.clock;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const filter = PROJECTION_READ_FILTER;
  const before = readCheckpoint(db, projection.name);
  const generation = (before?.generation ?? 0) + 1;
  const names = rebuildTableNames(generation);

  if (before) recordState(db, projection.name, 'rebuilding', null, clock.now().toISOString());
  db.transaction(() => {
    dropTables(db, leftoverRebuildTables(db, projection));
    createTables(db, projection, names);
  })();

  try {
    const writer = projection.open(db, names);
    // The total only feeds progress reports, and counting reads the whole log once more: skip it when no one listens.
    const total = options.onProgress ? await countEvents(store, 'start', filter, until) : 0;
    const meter = new ProgressMeter(clock, projection.name, 'rebuilding', total, options.onProgress);
    let position: Position | null = null;
    let eventsApplied = 0;
    for (;;) {
      const page = pageUpTo(await store.readAll({ from: position ?? 'start', filter, maxCount: batchSize }), until);
      if (page.length === 0) break;
      const applied = options.include ? page.filter(options.include) : page;
      eventsApplied += db.transaction(() => evolveAll(projection, writer, applied))();
      position = page[page.length - 1].position;
      meter.add(page.length);
      await nextTurn();
    }

    db.transaction(() => {
      const current = readCheckpoint(db, projection.name);
      if ((current?.generation ?? 0) !== generation - 1) {
        throw new ProjectionRuntimeException(
          ProjectionRuntimeExceptionCode.CHECKPOINT_MOVED,
          `projection "${projection.name}" was rebuilt by someone else meanwhile; this rebuild is dropped`,
          { projection: projection.name },
        );
      }
      swapInRebuiltTables(db, projection, generation, current?.tables ?? []);
      writeCheckpoint(db, {
        projection: projection.name,
        version: projection.version,
        generation,
        position,
        eventsApplied,
        tables: projection.tables.map((table) => table.name),
        state: options.stateAfter ?? 'stopped',
        error: null,
        updatedAt: clock.now().toISOString(),
      });
    })();
    meter.finish();
    return { projection: projection.name, generation, position, eventsApplied };
  } catch (error) {
    const followUps: string[] = [];
    try {
      db.transaction(() => dropTables(db, projection.tables.map((table) => names(table.name))))();
    } catch (dropFailure) {
      followUps.push(`its half-built tables stay until the next start drops them: ${describeFailure(dropFailure)}`);
    }
    const rebuiltElsewhere = error instanceof ProjectionRuntimeException && error.code === ProjectionRuntimeExceptionCode.CHECKPOINT_MOVED;
    if (before && !rebuiltElsewhere) {
      try {
        recordState(db, projection.name, 'failed', describeFailure(error), clock.now().toISOString());
      } catch (recordFailure) {
        followUps.push(describeFailure(recordFailure));
      }
    }
    throw withFollowUpFailures(error, followUps);
  }
};
