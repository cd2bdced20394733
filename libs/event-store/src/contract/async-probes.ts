import { setTimeout as delay } from 'node:timers/promises';
import { EventStoreException } from '../event-store.exception';
import type { EventSubscription, StoredEvent } from '../event-store.port';
import { PROBE_TIMEOUT_MS } from './test-timeouts';

export interface EventuallyOptions {
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
}

/** Retries `probe` (an assertion or a query) until it stops throwing, or rethrows its last error at the deadline. */
export const eventually = async <Result>(
  probe: () => Result | Promise<Result>,
  { timeoutMs = PROBE_TIMEOUT_MS, intervalMs = 10 }: EventuallyOptions = {},
): Promise<Result> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
    await delay(intervalMs);
  }
};

/** The error a store call failed with; fails the test if the call succeeded or threw something else. */
export const rejectionOf = async (call: Promise<unknown>): Promise<EventStoreException> => {
  try {
    await call;
  } catch (error) {
    if (error instanceof EventStoreException) return error;
    throw error;
  }
  throw new Error('expected the store to refuse the call, but it succeeded');
};

export interface SettledAppend<Value> {
  readonly fulfilled: Value[];
  readonly rejected: EventStoreException[];
}

export const settle = async <Value>(calls: readonly Promise<Value>[]): Promise<SettledAppend<Value>> => {
  const results = await Promise.allSettled(calls);
  const fulfilled: Value[] = [];
  const rejected: EventStoreException[] = [];
  for (const result of results) {
    if (result.status === 'fulfilled') fulfilled.push(result.value);
    else if (result.reason instanceof EventStoreException) rejected.push(result.reason);
    else throw result.reason;
  }
  return { fulfilled, rejected };
};

/**
 * Reads a subscription through one iterator, a bounded number of events at a time, so a test can take
 * some events, act, and take more. Fails with how far it got instead of hanging when events are missing.
 */
export class SubscriptionReader {
  private readonly iterator: AsyncIterator<StoredEvent>;
  private pending: Promise<IteratorResult<StoredEvent>> | null = null;

  constructor(readonly subscription: EventSubscription) {
    this.iterator = subscription[Symbol.asyncIterator]();
  }

  async take(count: number, timeoutMs = PROBE_TIMEOUT_MS): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    const deadline = Date.now() + timeoutMs;
    while (events.length < count) {
      const next = await this.nextBefore(deadline);
      if (next === 'timeout') throw new Error(`received ${events.length} of ${count} events within ${timeoutMs} ms`);
      if (next.done) throw new Error(`the subscription ended after ${events.length} of ${count} events`);
      events.push(next.value);
    }
    return events;
  }

  /** Resolves `done` when the subscription ends, `timeout` when nothing arrives in time. */
  async next(timeoutMs: number): Promise<IteratorResult<StoredEvent> | 'timeout'> {
    return this.nextBefore(Date.now() + timeoutMs);
  }

  // A next() still pending after a timeout is kept and awaited by the following call, so no event is lost.
  private async nextBefore(deadline: number): Promise<IteratorResult<StoredEvent> | 'timeout'> {
    this.pending ??= this.iterator.next();
    const timer = new AbortController();
    const timeout = delay(Math.max(0, deadline - Date.now()), 'timeout' as const, { signal: timer.signal }).catch(() => 'aborted' as const);
    const winner = await Promise.race([this.pending, timeout]);
    timer.abort();
    if (winner === 'timeout' || winner === 'aborted') return 'timeout';
    this.pending = null;
    return winner;
  }
}
