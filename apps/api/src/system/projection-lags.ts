import type { ProjectionStatus } from '@crm/projection-runtime';
import type { Health, ProjectionLag } from './queries/get-health.query';

/** Per projection its state and lag, and the largest lag: what a monitor alerts on. */
export const projectionLags = (statuses: readonly ProjectionStatus[]): Health['projections'] => {
  const byProjection: ProjectionLag[] = statuses.map(({ projection, state, lag }) => ({ projection, state, lag }));
  return { maxLag: Math.max(0, ...byProjection.map(({ lag }) => lag)), byProjection };
};
