import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { dirname } from 'node:path';

/** Sampling every 250 µs: fine enough for request paths of a few hundred microseconds. */
const SAMPLING_INTERVAL_US = 250;

/**
 * A V8 CPU profile of one section of this process (the measured window only, not start-up or seeding),
 * written as a `.cpuprofile` that Chrome DevTools and `summarizeCpuProfile` read.
 */
export class CpuProfiler {
  private constructor(private readonly session: Session) {}

  static async start(): Promise<CpuProfiler> {
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await session.post('Profiler.start');
    return new CpuProfiler(session);
  }

  /** A profiler when `directory` is set, otherwise nothing: profiling is opt-in (`--profile`). */
  static async startIf(directory: string | null): Promise<CpuProfiler | null> {
    return directory === null ? null : CpuProfiler.start();
  }

  async stop(file: string): Promise<void> {
    const { profile } = await this.session.post('Profiler.stop');
    this.session.disconnect();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
  }
}
