import type { Clock } from '@crm/clock';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per intake key on the injected clock: `ratePerMinute` leads a minute, with bursts of
 * up to a minute's worth. Kept in this process's memory (README, Intake): N API nodes allow N times the rate.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly clock: Clock) {}

  /**
   * Takes `count` tokens from the key's bucket, all or none: null when taken, otherwise the whole seconds
   * to wait until they are there (a batch larger than the bucket never fits: the caller refuses it first).
   */
  take(keyId: string, ratePerMinute: number, count: number): number | null {
    const now = this.clock.now().getTime();
    const perMs = ratePerMinute / 60_000;
    const before = this.buckets.get(keyId) ?? { tokens: ratePerMinute, at: now };
    const tokens = Math.min(ratePerMinute, before.tokens + Math.max(0, now - before.at) * perMs);
    if (tokens >= count) {
      this.buckets.set(keyId, { tokens: tokens - count, at: now });
      return null;
    }
    this.buckets.set(keyId, { tokens, at: now });
    return Math.max(1, Math.ceil((count - tokens) / perMs / 1_000));
  }
}
