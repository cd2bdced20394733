import type { ProjectionStatus } from '@crm/projection-runtime';
import { logResetWarnings, projectionLags } from './projection-lags';

const status = (projection: string, lag: number, state: ProjectionStatus['state'] = 'live', warning: string | null = null): ProjectionStatus => ({
  projection,
  version: 1,
  storedVersion: 1,
  state,
  checkpoint: null,
  eventsApplied: 0,
  lag,
  error: null,
  warning,
  updatedAt: warning === null ? null : '2026-05-01T10:00:00.000Z',
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

  it('given a projection that rebuilt after a log reset, then the health lists it among the warnings about the log', () => {
    const reset = 'its checkpoint C:9/P:9 lies beyond the head of the log (C:4/P:4): the event log was reset or replaced; rebuilt';

    expect(logResetWarnings([status('records', 0), status('funnel', 0, 'live', reset)])).toEqual([
      { code: 'LOG_RESET', count: 1, message: `projection "funnel": ${reset}`, lastAt: '2026-05-01T10:00:00.000Z' },
    ]);
  });
});
