import type { EventSubscription, StoredEvent } from '../event-store.port';
import type { Position } from '../position';

export interface SubscriptionPage {
  /** Matching events strictly after the cursor, in global order, at most the limit. */
  readonly events: readonly StoredEvent[];
  /**
   * How far the read looked: every matching event up to here is in `events`. At least the last event's
   * position; further when the page is short, so a filter that matches rarely does not make the next
   * read look again at everything since its last match.
   */
  readonly readThrough: Position | 'start';
}

export interface SubscriptionSource {
  readPage(after: Position | 'start', limit: number): SubscriptionPage | Promise<SubscriptionPage>;
  /** Calls `listener` whenever new events may have become readable; returns a function that stops it. */
  watch(listener: () => void): () => void;
}

export interface PollingSubscriptionOptions {
  /** Where to start, already resolved: `end` was turned into the head position by the caller. */
  readonly after: Position | 'start';
  readonly pageSize: number;
  /** How long to wait for a `watch` wake-up before reading again anyway (writers in other processes). */
  readonly pollIntervalMs: number;
  readonly onClose: () => void;
}

const done: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Catch-up and live are the same loop: read the page after what was read through, deliver it, repeat;
 * when a page is empty, sleep until woken (own append) or the poll interval passes (other processes).
 * Reading always "after what was read through" is what rules out gaps, duplicates and reordering.
 * One consumer per subscription; `next()` calls are served one after another.
 */
export class PollingSubscription implements EventSubscription, AsyncIterator<StoredEvent, undefined> {
  private cursor: Position | 'start';
  private buffer: readonly StoredEvent[] = [];
  private buffered = 0;
  private closed = false;
  private wakeCount = 0;
  private sleeper: (() => void) | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly unwatch: () => void;

  constructor(
    private readonly source: SubscriptionSource,
    private readonly options: PollingSubscriptionOptions,
  ) {
    this.cursor = options.after;
    this.unwatch = source.watch(() => this.wake());
  }

  [Symbol.asyncIterator](): AsyncIterator<StoredEvent, undefined> {
    return this;
  }

  next(): Promise<IteratorResult<StoredEvent, undefined>> {
    const result = this.queue.then(() => this.pull());
    this.queue = result.catch(() => undefined);
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
    this.buffer = [];
    this.unwatch();
    this.wake();
    this.options.onClose();
  }

  private async pull(): Promise<IteratorResult<StoredEvent, undefined>> {
    while (!this.closed) {
      if (this.buffered < this.buffer.length) {
        const value = this.buffer[this.buffered] as StoredEvent;
        this.buffered += 1;
        return { done: false, value };
      }
      const wakesBeforeRead = this.wakeCount;
      const page = await this.source.readPage(this.cursor, this.options.pageSize);
      if (this.closed) break;
      this.cursor = page.readThrough;
      if (page.events.length > 0) {
        this.buffer = page.events;
        this.buffered = 0;
      } else if (this.wakeCount === wakesBeforeRead) {
        await this.sleep();
      }
    }
    return done;
  }

  // A wake-up that arrives while a read is in flight is counted, so the loop reads again instead of
  // sleeping through an append committed just after the read.
  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      this.sleeper = resolve;
      this.pollTimer = setTimeout(() => this.wake(), this.options.pollIntervalMs);
    });
  }

  private wake(): void {
    this.wakeCount += 1;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
    const sleeper = this.sleeper;
    this.sleeper = null;
    sleeper?.();
  }
}
