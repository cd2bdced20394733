import type { StoredEvent } from '../event-store.port';

/** Reads every event with `after < sequence ≤ until`, in order, at most `limit`. */
export type ReadRange = (after: bigint, until: bigint, limit: number) => readonly StoredEvent[];

export interface TailPage {
  readonly events: readonly StoredEvent[];
  /** Every event up to here was looked at. */
  readonly readThrough: bigint;
}

const chunk = 1_000;

const sequenceOf = (event: StoredEvent): bigint => event.position.commit;

/**
 * The newest events of the log, read and parsed once for every live subscription of the process. A
 * process follows its log with many subscriptions (each read model, each reactor); each used to read
 * and `JSON.parse` every new event itself. Near the head they now share this tail and filter it in
 * memory; one that is further behind than the tail holds reads the database as before.
 *
 * It holds every event with `start < sequence ≤ through`, at most `capacity` of them (the oldest go).
 * The events are shared: subscribers must not change them (their types are read-only).
 */
export class LiveTail {
  private events: StoredEvent[] = [];
  private start = -1n;
  private through = -1n;

  constructor(
    private readonly capacity: number,
    private readonly readRange: ReadRange,
  ) {}

  /**
   * The events after `after` up to `head` that `matches` keeps, at most `limit`; `null` when `after`
   * is not in the tail (a subscription catching up), so the caller reads the database itself.
   */
  page(after: bigint, head: bigint, limit: number, matches: (event: StoredEvent) => boolean): TailPage | null {
    const capacity = BigInt(this.capacity);
    if (head - after > capacity) return null;
    // Nobody read the tail for a while: starting again is cheaper than reading what nobody waits for.
    if (this.through < 0n || head - this.through > capacity) this.restartAt(after);
    if (after < this.start) return null;
    this.extendTo(head);
    if (after < this.start) return null;

    const found: StoredEvent[] = [];
    for (let index = this.firstAfter(after); index < this.events.length; index += 1) {
      const event = this.events[index] as StoredEvent;
      if (sequenceOf(event) > head) break;
      if (!matches(event)) continue;
      found.push(event);
      if (found.length === limit) return { events: found, readThrough: sequenceOf(event) };
    }
    return { events: found, readThrough: head };
  }

  private restartAt(after: bigint): void {
    this.events = [];
    this.start = after;
    this.through = after;
  }

  private extendTo(head: bigint): void {
    while (this.through < head) {
      const rows = this.readRange(this.through, head, chunk);
      this.events.push(...rows);
      const last = rows[rows.length - 1];
      this.through = rows.length < chunk || last === undefined ? head : sequenceOf(last);
    }
    const excess = this.events.length - this.capacity;
    if (excess > 0) {
      this.start = sequenceOf(this.events[excess - 1] as StoredEvent);
      this.events = this.events.slice(excess);
    }
  }

  /** Index of the first event after `after` (binary search: the events are in sequence order). */
  private firstAfter(after: bigint): number {
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sequenceOf(this.events[middle] as StoredEvent) <= after) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
