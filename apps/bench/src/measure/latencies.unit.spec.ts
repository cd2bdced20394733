import { Latencies } from './latencies';

describe('latency summary (nearest-rank percentiles)', () => {
  it('given the durations 1..100 ms in any order, when summarized, then p50 is 50, p90 90, p99 99, max 100 and the mean 50.5', () => {
    const latencies = new Latencies();
    for (const value of Array.from({ length: 100 }, (_, index) => ((index * 37) % 100) + 1)) latencies.record(value);

    expect(latencies.summary()).toEqual({ count: 100, p50: 50, p90: 90, p99: 99, max: 100, mean: 50.5 });
  });

  it('given 10 samples, when summarized, then p99 is the largest, never a value between two samples', () => {
    const latencies = new Latencies();
    for (const value of [5, 1, 9, 3, 7, 2, 8, 4, 6, 10]) latencies.record(value);

    expect(latencies.summary()).toMatchObject({ p50: 5, p90: 9, p99: 10 });
  });

  it('given no sample, when summarized, then every figure is NaN and the count 0', () => {
    const summary = new Latencies().summary();

    expect(summary.count).toBe(0);
    expect([summary.p50, summary.p99, summary.max, summary.mean].every(Number.isNaN)).toBe(true);
  });

  it('given a timed task that fails, when it throws, then its duration is still recorded', async () => {
    const latencies = new Latencies();

    await expect(latencies.time(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(latencies.count).toBe(1);
  });
});
