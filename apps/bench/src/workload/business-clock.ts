import type { Clock } from '@crm/clock';

/**
 * Business time for generated histories: every reading moves the clock on by `stepMs`, so concurrent
 * callers get increasing, distinct dates and a run of N commands spans N × stepMs of "business days".
 * The UUIDv7 ids derived from it stay time-ordered, as they are with the system clock.
 */
export class SteppingClock implements Clock {
  private current: number;

  constructor(
    start: string,
    private readonly stepMs: number,
  ) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    this.current += this.stepMs;
    return new Date(this.current);
  }
}
