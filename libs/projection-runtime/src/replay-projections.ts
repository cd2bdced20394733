import type { Clock } from '@crm/clock';
import type { EventStore, Position, StoredEvent } from '@crm/event-store';
import type { Projection } from './projection';
import { projectionDigest } from './projection-digest';
import type { ProgressListener } from './projection-progress';
import { ReadModelDatabase } from './read-model-database';
import { rebuildProjections } from './rebuild-projections';
import { checkProjections } from './table-set';

export interface ReplayOptions {
  readonly store: EventStore;
  readonly projections: readonly Projection[];
  /** Scratch folder for the replayed read models (`<directory>/read-models.sqlite`). */
  readonly directory: string;
  readonly clock: Clock;
  readonly batchSize?: number;
  readonly onProgress?: ProgressListener;
  /** Replay up to this position (inclusive). */
  readonly until?: Position;
  /** Apply only the events this accepts (e.g. record events up to a business time). */
  readonly include?: (event: StoredEvent) => boolean;
}

export interface ReplayedProjection {
  readonly projection: string;
  readonly digest: string;
  readonly eventsApplied: number;
  readonly position: Position | null;
}

export interface Replay {
  /** The scratch read models; the caller closes them. */
  readonly readModels: ReadModelDatabase;
  readonly projections: readonly ReplayedProjection[];
}

/**
 * A full replay of `$all` into a scratch read-model file, every projection in one pass: the reference
 * that live models, as-of queries and audits are checked against.
 */
export const replayProjections = async (options: ReplayOptions): Promise<Replay> => {
  checkProjections(options.projections);
  const readModels = ReadModelDatabase.open({ directory: options.directory });
  try {
    const results = await rebuildProjections({ ...options, readModels });
    const replayed: ReplayedProjection[] = options.projections.map((projection, index) => ({
      projection: projection.name,
      digest: projectionDigest(readModels.db, projection),
      eventsApplied: results[index].eventsApplied,
      position: results[index].position,
    }));
    return { readModels, projections: replayed };
  } catch (error) {
    readModels.close();
    throw error;
  }
};
