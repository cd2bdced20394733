import type { Projection } from './projection';
import { rebuildProjections, type RebuildProjectionsOptions, type RebuildResult } from './rebuild-projections';

export { DEFAULT_BATCH_SIZE } from './rebuild-projections';
export type { RebuildResult } from './rebuild-projections';

export interface RebuildOptions extends Omit<RebuildProjectionsOptions, 'projections'> {
  readonly projection: Projection;
}

/**
 * Rebuilds one projection into fresh tables and swaps them in with its new checkpoint (see
 * `rebuildProjections`, which rebuilds several in one pass). Until the swap, queries read the old tables.
 */
export const rebuildProjection = async (options: RebuildOptions): Promise<RebuildResult> => {
  const [result] = await rebuildProjections({ ...options, projections: [options.projection] });
  return result;
};
