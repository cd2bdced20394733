import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Clock } from '@crm/clock';
import type { EventStore, Position } from '@crm/event-store';
import { applyLiveBatch } from './apply-batch';
import { readCheckpoint, recordState, type ProjectionState } from './checkpoint.store';
import { countEvents } from './count-events';
import { installProjection } from './install-projection';
import { logResetBehind } from './log-reset';
import { liveTableNames, PROJECTION_READ_FILTER, type Projection } from './projection';
import { ProgressMeter, type ProgressListener } from './projection-progress';
import { describeFailure, ProjectionRuntimeException, ProjectionRuntimeExceptionCode, withFollowUpFailures } from './projection-runtime.exception';
import type { ReadModelDatabase } from './read-model-database';
import { DEFAULT_BATCH_SIZE, rebuildProjection } from './rebuild-projection';

export interface CatchUpOptions {
  readonly store: EventStore;
  readonly readModels: ReadModelDatabase;
  readonly projection: Projection;
  readonly clock: Clock;
  readonly batchSize?: number;
  readonly onProgress?: ProgressListener;
  /** State recorded once caught up; default `stopped` (nothing keeps it live after this call). */
  readonly stateAfter?: ProjectionState;
}

export interface CatchUpResult {
  readonly projection: string;
  readonly rebuilt: boolean;
  /** Events given to evolve by this call (the projection's types only). */
  readonly eventsApplied: number;
  readonly position: Position | null;
}

const isCheckpointMoved = (error: unknown): boolean =>
  error instanceof ProjectionRuntimeException && error.code === ProjectionRuntimeExceptionCode.CHECKPOINT_MOVED;

/**
 * Brings one projection up to the head of the store and returns: install (or rebuild, when the stored
 * version differs), then batches from the checkpoint, each batch with its checkpoint in one transaction.
 * For the CLI and for tests; a server keeps projections live with `ProjectionRunner` instead.
 */
export const catchUpProjection = async (options: CatchUpOptions): Promise<CatchUpResult> => {
  const { store, projection } = options;
  const db = options.readModels.db;
  const clock = options.clock;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const filter = PROJECTION_READ_FILTER;

  let rebuilt = false;
  const installed = installProjection(db, projection, clock.now().toISOString());
  if (installed === 'rebuild' || (await logResetBehind(store, readCheckpoint(db, projection.name)?.position ?? null)) !== null) {
    await rebuildProjection({ ...options, stateAfter: 'catching_up' });
    rebuilt = true;
  }
  let checkpoint = readCheckpoint(db, projection.name);
  if (checkpoint === null) throw new Error(`projection "${projection.name}" has no checkpoint after install`);
  recordState(db, projection.name, 'catching_up', null, clock.now().toISOString());
  const meter = new ProgressMeter(clock, projection.name, 'catching_up', await countEvents(store, checkpoint.position ?? 'start', filter), options.onProgress);
  let writer = projection.open(db, liveTableNames, 'live');
  let eventsApplied = 0;
  for (;;) {
    const page = await store.readAll({ from: checkpoint.position ?? 'start', filter, maxCount: batchSize });
    if (page.length === 0) break;
    try {
      const applied = applyLiveBatch({
        db,
        projection,
        writer,
        generation: checkpoint.generation,
        after: checkpoint.position,
        events: page,
        updatedAt: clock.now().toISOString(),
      });
      eventsApplied += applied.handled;
      meter.add(page.length);
    } catch (error) {
      if (!isCheckpointMoved(error)) {
        try {
          recordState(db, projection.name, 'failed', describeFailure(error), clock.now().toISOString());
        } catch (recordFailure) {
          throw withFollowUpFailures(error, [describeFailure(recordFailure)]);
        }
        throw error;
      }
      // Someone else applied or swapped meanwhile: continue from where they left the checkpoint.
      writer = projection.open(db, liveTableNames, 'live');
    }
    const next = readCheckpoint(db, projection.name);
    if (next === null) throw new Error(`projection "${projection.name}" lost its checkpoint`);
    checkpoint = next;
    await nextTurn();
  }
  recordState(db, projection.name, options.stateAfter ?? 'stopped', null, clock.now().toISOString());
  meter.finish();
  return { projection: projection.name, rebuilt, eventsApplied, position: checkpoint.position };
};
