import type { EventStore } from '@crm/event-store';
import { readCheckpoint, serializeCheckpointPosition, type ProjectionState } from './checkpoint.store';
import { countEvents } from './count-events';
import { isInvalidPosition } from './log-reset';
import { PROJECTION_READ_FILTER, type Projection } from './projection';
import type { ReadModelDatabase } from './read-model-database';

export interface ProjectionStatus {
  readonly projection: string;
  /** The version the code declares. */
  readonly version: number;
  /** The version the stored model was built with; null before the first install. */
  readonly storedVersion: number | null;
  readonly state: ProjectionState | 'not_installed';
  /** Last event applied (`C:<commit>/P:<prepare>`); null before the first. */
  readonly checkpoint: string | null;
  readonly eventsApplied: number;
  /** Events stored after its checkpoint (the projection reads every event, handling some). */
  readonly lag: number;
  readonly error: string | null;
  /** What an operator should know although it runs (it rebuilt after the event log was reset); null otherwise. */
  readonly warning: string | null;
  readonly updatedAt: string | null;
}

/**
 * Status from what is stored: checkpoint, last recorded state and the lag counted now. `stateOverride`
 * lets a runner report its in-memory state instead of the last one written.
 */
export const projectionStatus = async (
  store: EventStore,
  readModels: ReadModelDatabase,
  projection: Projection,
  stateOverride?: { readonly state: ProjectionState; readonly error: string | null; readonly warning?: string | null },
): Promise<ProjectionStatus> => {
  const checkpoint = readModels.tableExists('projection_checkpoints') ? readCheckpoint(readModels.db, projection.name) : null;
  // A checkpoint from a log since reset is no place in this one: every event is still to be applied.
  const lag = await countEvents(store, checkpoint?.position ?? 'start', PROJECTION_READ_FILTER).catch((error: unknown) =>
    isInvalidPosition(error) ? countEvents(store, 'start', PROJECTION_READ_FILTER) : Promise.reject(error),
  );
  return {
    projection: projection.name,
    version: projection.version,
    storedVersion: checkpoint?.version ?? null,
    state: stateOverride?.state ?? checkpoint?.state ?? 'not_installed',
    checkpoint: serializeCheckpointPosition(checkpoint?.position ?? null),
    eventsApplied: checkpoint?.eventsApplied ?? 0,
    lag,
    error: stateOverride ? stateOverride.error : (checkpoint?.error ?? null),
    warning: stateOverride?.warning ?? null,
    updatedAt: checkpoint?.updatedAt ?? null,
  };
};
