import type { Database } from 'better-sqlite3';
import { serializePosition, type Position, type StoredEvent } from '@crm/event-store';
import { advanceCheckpoint } from './checkpoint.store';
import { handles, type Projection, type ProjectionWriter } from './projection';
import { describeFailure, ProjectionRuntimeException, ProjectionRuntimeExceptionCode } from './projection-runtime.exception';

/**
 * Runs evolve over the events the projection handles; a throw names the event it failed on. Call inside
 * a transaction. Returns how many events evolve was given.
 */
export const evolveAll = (projection: Projection, writer: ProjectionWriter, events: readonly StoredEvent[]): number => {
  let handled = 0;
  for (const event of events) {
    if (!handles(projection, event)) continue;
    handled += 1;
    try {
      writer.evolve(event);
    } catch (error) {
      const reason = describeFailure(error);
      // The cause is kept so the runner can tell a full disk met inside evolve from a bug in it.
      throw new ProjectionRuntimeException(
        ProjectionRuntimeExceptionCode.EVOLVE_FAILED,
        `projection "${projection.name}" failed on ${event.type} at ${serializePosition(event.position)} (stream ${event.stream}): ${reason}`,
        { projection: projection.name, position: serializePosition(event.position), type: event.type, stream: event.stream, cause: reason },
        { cause: error },
      );
    }
  }
  return handled;
};

export interface LiveBatch {
  readonly db: Database;
  readonly projection: Projection;
  readonly writer: ProjectionWriter;
  /** The table-set generation the writer was prepared for. */
  readonly generation: number;
  /** The checkpoint the batch starts after. */
  readonly after: Position | null;
  readonly events: readonly StoredEvent[];
  readonly updatedAt: string;
}

export interface AppliedBatch {
  /** The new checkpoint: the batch's last event. */
  readonly position: Position;
  /** Events of the batch evolve was given (the others are of types the projection does not handle). */
  readonly handled: number;
}

/**
 * Rows and checkpoint in one transaction (README, Architecture: "read models are disposable"): after a crash either both are there or
 * neither, so the projection resumes exactly after its last applied event.
 */
export const applyLiveBatch = (batch: LiveBatch): AppliedBatch => {
  const last = batch.events[batch.events.length - 1];
  if (last === undefined) throw new RangeError('a batch needs at least one event');
  const handled = batch.db.transaction(() => {
    const count = evolveAll(batch.projection, batch.writer, batch.events);
    const moved = !advanceCheckpoint(batch.db, batch.projection.name, batch.generation, batch.after, last.position, count, batch.updatedAt);
    if (moved) {
      throw new ProjectionRuntimeException(
        ProjectionRuntimeExceptionCode.CHECKPOINT_MOVED,
        `projection "${batch.projection.name}": the checkpoint moved under this batch (a rebuild or another runner); reloading`,
        { projection: batch.projection.name },
      );
    }
    return count;
  })();
  return { position: last.position, handled };
};
