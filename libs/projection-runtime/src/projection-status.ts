import type { EventStore } from '@crm/event-store';
import { readCheckpoint, serializeCheckpointPosition, type ProjectionState } from './checkpoint.store';
import { countEvents } from './count-events';
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
  stateOverride?: { readonly state: ProjectionState; readonly error: string | null },
): Promise<ProjectionStatus> => {
  const checkpoint = readModels.tableExists('projection_checkpoints') ? readCheckpoint(readModels.db, projection.name) : null;
  const lag = await countEvents(store, checkpoint?.position ?? 'start', PROJECTION_READ_FILTER);
  return {
    projection: projection.name,
    version: projection.version,
    storedVersion: checkpoint?.version ?? null,
    state: stateOverride?.state ?? checkpoint?.state ?? 'not_installed',
    checkpoint: serializeCheckpointPosition(checkpoint?.position ?? null),
    eventsApplied: checkpoint?.eventsApplied ?? 0,
    lag,
    error: stateOverride ? stateOverride.error : (checkpoint?.error ?? null),
    updatedAt: checkpoint?.updatedAt ?? null,
  };
};
