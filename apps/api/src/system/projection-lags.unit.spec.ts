import type { ProjectionStatus } from '@crm/projection-runtime';
import { projectionLags } from './projection-lags';

const status = (projection: string, lag: number, state: ProjectionStatus['state'] = 'live'): ProjectionStatus => ({
  projection,
  version: 1,
  storedVersion: 1,
  state,
  checkpoint: null,
  eventsApplied: 0,
  lag,
  error: null,
  updatedAt: null,
});

describe('projectionLags', () => {
  it('given projections behind by different amounts, when summarized, then lists each and the largest lag', () => {
    expect(projectionLags([status('records', 0), status('funnel', 12, 'catching_up')])).toEqual({
      maxLag: 12,
      byProjection: [
        { projection: 'records', state: 'live', lag: 0 },
        { projection: 'funnel', state: 'catching_up', lag: 12 },
      ],
    });
  });

  it('given no projections, when summarized, then the largest lag is 0', () => {
    expect(projectionLags([])).toEqual({ maxLag: 0, byProjection: [] });
  });
});
