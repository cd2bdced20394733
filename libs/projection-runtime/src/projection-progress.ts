import type { Clock } from '@crm/clock';

export type ProgressPhase = 'catching_up' | 'rebuilding';

/** What a long catch-up or rebuild reports after each batch, for progress bars and logs. */
export interface ProjectionProgress {
  readonly projection: string;
  readonly phase: ProgressPhase;
  /** Events applied so far in this phase. */
  readonly done: number;
  /** Events to apply, counted when the phase started (events appended since then come on top). */
  readonly total: number;
  readonly elapsedMs: number;
  /** Events per second so far; null until time has passed on the clock. */
  readonly eventsPerSecond: number | null;
  /** True on the last report of the phase. */
  readonly finished: boolean;
}

export type ProgressListener = (progress: ProjectionProgress) => void;

/** Measures one phase against the injected clock. */
export class ProgressMeter {
  private readonly startedAt: number;
  private done = 0;

  constructor(
    private readonly clock: Clock,
    private readonly projection: string,
    private readonly phase: ProgressPhase,
    private total: number,
    private readonly listener: ProgressListener | undefined,
  ) {
    this.startedAt = clock.now().getTime();
  }

  get applied(): number {
    return this.done;
  }

  add(count: number): void {
    this.done += count;
    this.total = Math.max(this.total, this.done);
    this.report(false);
  }

  finish(): void {
    this.report(true);
  }

  private report(finished: boolean): void {
    if (this.listener === undefined) return;
    const elapsedMs = this.clock.now().getTime() - this.startedAt;
    this.listener({
      projection: this.projection,
      phase: this.phase,
      done: this.done,
      total: this.total,
      elapsedMs,
      eventsPerSecond: elapsedMs > 0 ? Math.round((this.done * 1000) / elapsedMs) : null,
      finished,
    });
  }
}
