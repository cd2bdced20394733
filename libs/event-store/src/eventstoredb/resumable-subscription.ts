import { setTimeout as delay } from 'node:timers/promises';
import type { EventSubscription, StoredEvent } from '../event-store.port';
import { comparePositions, type Position } from '../position';
import { backoffDelay, type BackoffPolicy } from './resubscribe-backoff';

/** One server subscription call: it delivers until it ends or fails. */
export interface SubscriptionFeed<Raw> {
  next(): Promise<IteratorResult<Raw, undefined>>;
  close(): Promise<void>;
}

export interface ResumableSubscriptionOptions<Raw> {
  /** Where delivery starts (exclusive). Called at once, so `end` means the head when subscribe() was called. */
  readonly resolveStart: () => Promise<Position | 'start'>;
  /** Opens a feed of events strictly after `after`. */
  readonly open: (after: Position | 'start') => SubscriptionFeed<Raw>;
  readonly positionOf: (raw: Raw) => Position;
  /** The event to deliver, or `null` when it is not for this subscriber (it still moves the resume point). */
  readonly toEvent: (raw: Raw) => StoredEvent | null;
  /** Errors after which resubscribing may succeed (unavailable, not leader, a dropped call). */
  readonly isRetryable: (error: unknown) => boolean;
  readonly backoff: BackoffPolicy;
  readonly onClose: () => void;
}

const done: IteratorReturnResult<undefined> = { done: true, value: undefined };
const closedSignal = Symbol('closed');
const ignore = (): undefined => undefined;

/** Thrown inside the loop when the server ends a subscription call by itself; it is resumed like a drop. */
class FeedEnded extends Error {}

/**
 * A catch-up subscription that survives dropped calls. Events are pulled from the server call only when
 * the consumer asks, so the last position handed out is also the last one taken from the call; after a
 * drop, the new call starts strictly after that position. Whatever the old call had buffered but not
 * handed out is asked for again, and anything at or before the resume point is skipped, so a consumer
 * sees neither a gap nor a duplicate. Waits between attempts double up to the policy's bound; a success
 * resets them. Recovery runs while the consumer waits for an event (a `for await` loop always does); a
 * consumer that stopped asking resumes on its next call. Errors that resubscribing cannot cure end the
 * subscription and reach the consumer.
 */
export class ResumableSubscription<Raw> implements EventSubscription, AsyncIterator<StoredEvent, undefined> {
  private cursor: Position | 'start' | undefined;
  private starting: Promise<Position | 'start'>;
  private feed: SubscriptionFeed<Raw> | null = null;
  private failures = 0;
  private closed = false;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly closing: Promise<typeof closedSignal>;
  private signalClosed: () => void = ignore;

  constructor(private readonly options: ResumableSubscriptionOptions<Raw>) {
    this.closing = new Promise((resolve) => {
      this.signalClosed = () => resolve(closedSignal);
    });
    this.starting = this.beginStart();
  }

  [Symbol.asyncIterator](): AsyncIterator<StoredEvent, undefined> {
    return this;
  }

  next(): Promise<IteratorResult<StoredEvent, undefined>> {
    const result = this.queue.then(() => this.pull());
    this.queue = result.catch(ignore);
    return result;
  }

  /** Called by `for await` on `break`, `return` or a throw in the loop body. */
  async return(): Promise<IteratorResult<StoredEvent, undefined>> {
    await this.close();
    return done;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.signalClosed();
    await this.dropFeed();
    this.options.onClose();
  }

  private beginStart(): Promise<Position | 'start'> {
    const starting = this.options.resolveStart();
    starting.catch(ignore);
    return starting;
  }

  /** Resolves with `closedSignal` as soon as the subscription is closed, whatever `work` is still doing. */
  private untilClosed<Value>(work: Promise<Value>): Promise<Value | typeof closedSignal> {
    work.catch(ignore);
    return Promise.race([work, this.closing]);
  }

  private async pull(): Promise<IteratorResult<StoredEvent, undefined>> {
    while (!this.closed) {
      try {
        const event = await this.nextEvent();
        if (event === closedSignal) break;
        if (event) return { done: false, value: event };
      } catch (error) {
        if (this.closed) break;
        if (!(error instanceof FeedEnded) && !this.options.isRetryable(error)) {
          await this.close();
          throw error;
        }
        await this.waitBeforeRetry();
      }
    }
    return done;
  }

  /** The next event for the consumer, `null` for one it does not want, or `closedSignal`. */
  private async nextEvent(): Promise<StoredEvent | null | typeof closedSignal> {
    if (this.cursor === undefined) {
      const start = await this.untilClosed(this.starting);
      if (start === closedSignal) return closedSignal;
      this.cursor = start;
    }
    this.feed ??= this.options.open(this.cursor);
    const result = await this.untilClosed(this.feed.next());
    if (result === closedSignal) return closedSignal;
    if (result.done) throw new FeedEnded('the server ended the subscription call');
    const position = this.options.positionOf(result.value);
    if (this.cursor !== 'start' && comparePositions(position, this.cursor) <= 0) return null;
    this.cursor = position;
    this.failures = 0;
    return this.options.toEvent(result.value);
  }

  private async waitBeforeRetry(): Promise<void> {
    await this.dropFeed();
    const wait = backoffDelay(this.options.backoff, this.failures);
    this.failures += 1;
    const timer = new AbortController();
    await this.untilClosed(delay(wait, undefined, { signal: timer.signal }));
    timer.abort();
    if (this.cursor === undefined && !this.closed) this.starting = this.beginStart();
  }

  private async dropFeed(): Promise<void> {
    const feed = this.feed;
    this.feed = null;
    await feed?.close().catch(ignore);
  }
}
