import type { StoreWarning } from '@crm/event-store';
import type { ProjectionStatus } from '@crm/projection-runtime';
import type { Health, ProjectionLag } from './queries/get-health.query';

/** Per projection its state and lag, and the largest lag: what a monitor alerts on. */
export const projectionLags = (statuses: readonly ProjectionStatus[]): Health['projections'] => {
  const byProjection: ProjectionLag[] = statuses.map(({ projection, state, lag }) => ({ projection, state, lag }));
  return { maxLag: Math.max(0, ...byProjection.map(({ lag }) => lag)), byProjection };
};

/** A projection that found its checkpoint no place in the log (a reset) and rebuilt, as a warning about the log. */
export const logResetWarnings = (statuses: readonly ProjectionStatus[]): StoreWarning[] =>
  statuses.flatMap(({ projection, warning, updatedAt }) =>
    warning === null ? [] : [{ code: 'LOG_RESET' as const, count: 1, message: `projection "${projection}": ${warning}`, lastAt: updatedAt ?? '' }],
  );
