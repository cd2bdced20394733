import { ManualClock } from '@crm/clock';
import { ProgressMeter, type ProjectionProgress } from './projection-progress';

describe('progress of a rebuild', () => {
  it('given batches over time on the clock, then done/total and the rate are reported, and the total grows if more arrived', () => {
    const clock = new ManualClock('2026-01-01T00:00:00.000Z');
    const reports: ProjectionProgress[] = [];
    const meter = new ProgressMeter(clock, 'funnel', 'rebuilding', 1_000, (report) => reports.push(report));

    meter.add(500);
    clock.advance(2_000);
    meter.add(700);
    meter.finish();

    expect(reports.map(({ done, total, eventsPerSecond, finished }) => ({ done, total, eventsPerSecond, finished }))).toEqual([
      { done: 500, total: 1_000, eventsPerSecond: null, finished: false },
      { done: 1_200, total: 1_200, eventsPerSecond: 600, finished: false },
      { done: 1_200, total: 1_200, eventsPerSecond: 600, finished: true },
    ]);
  });
});
