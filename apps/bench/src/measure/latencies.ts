export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** Collects durations in milliseconds (sub-millisecond precision) and summarizes them. */
export class Latencies {
  private readonly samples: number[] = [];

  record(milliseconds: number): void {
    this.samples.push(milliseconds);
  }

  /** Times `task` and records its duration; the task's result is returned. */
  async time<T>(task: () => Promise<T>): Promise<T> {
    const started = process.hrtime.bigint();
    try {
      return await task();
    } finally {
      this.record(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }

  get count(): number {
    return this.samples.length;
  }

  summary(): LatencySummary {
    const sorted = Float64Array.from(this.samples).sort();
    // Nearest-rank percentiles: p99 of 100 samples is the 99th smallest, never an interpolated value.
    const at = (fraction: number): number => (sorted.length === 0 ? Number.NaN : (sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] as number));
    const total = sorted.reduce((sum, value) => sum + value, 0);
    return {
      count: sorted.length,
      p50: at(0.5),
      p90: at(0.9),
      p99: at(0.99),
      max: sorted.length === 0 ? Number.NaN : (sorted[sorted.length - 1] as number),
      mean: sorted.length === 0 ? Number.NaN : total / sorted.length,
    };
  }
}

/** Wall time of a section in seconds, from a monotonic clock. */
export const stopwatch = (): (() => number) => {
  const started = process.hrtime.bigint();
  return () => Number(process.hrtime.bigint() - started) / 1e9;
};
