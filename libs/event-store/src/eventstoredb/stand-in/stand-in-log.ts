/**
 * The in-memory transaction log behind the wire-level stand-in. It models what the adapter depends on in
 * EventStoreDB, not the server: streams with revisions, one global log with byte positions, the
 * expected-revision check and the id-based idempotency of the server's commit check (IndexWriter.CheckCommit),
 * and filtered reads of `$all`.
 *
 * Positions: each event is its own log record at a byte offset that grows by the record's size, and its
 * `$all` position is that offset for both commit and prepare, as current servers report events written
 * through gRPC (they are self-committed; older servers with explicit commit records shared one commit
 * position across a transaction). Offsets are not consecutive, and may start above 2^53.
 */

export type ExpectedState =
  | { readonly kind: 'any' }
  | { readonly kind: 'no_stream' }
  | { readonly kind: 'stream_exists' }
  | { readonly kind: 'revision'; readonly revision: number };

export interface ProposedRecord {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
}

export interface LoggedEvent extends ProposedRecord {
  readonly stream: string;
  readonly revision: number;
  /** Commit and prepare position alike (see above). */
  readonly position: bigint;
  /** .NET ticks (100 ns) since the Unix epoch, as the server's `created` metadata. */
  readonly created: bigint;
}

export type AppendOutcome =
  | { readonly kind: 'written' | 'idempotent'; readonly lastRevision: number; readonly position: bigint }
  | { readonly kind: 'wrong-expected-version'; readonly currentRevision: number | null };

export interface LogFilter {
  readonly on: 'stream-name' | 'event-type';
  readonly prefixes?: readonly string[];
  readonly regex?: RegExp;
}

/** A place in `$all`, as a reader asks for it. */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export type ReadDirection = 'forwards' | 'backwards';

interface StreamState {
  readonly events: LoggedEvent[];
  readonly revisionById: Map<string, number>;
}

export interface StandInLogOptions {
  readonly firstPosition?: bigint;
  readonly now?: () => Date;
}

const recordHeaderBytes = 86;
const encoder = new TextEncoder();

const recordSize = (stream: string, record: ProposedRecord): bigint =>
  BigInt(recordHeaderBytes + Buffer.byteLength(stream) + Buffer.byteLength(record.type) + record.data.length + record.metadata.length);

const ticksOf = (date: Date): bigint => BigInt(date.getTime()) * 10_000n;

/** The event at `position` compared with a reader's (commit, prepare) position. */
const compareToPosition = (position: bigint, at: LogPosition): number => {
  if (position !== at.commit) return position < at.commit ? -1 : 1;
  if (position !== at.prepare) return position < at.prepare ? -1 : 1;
  return 0;
};

export const matchesLogFilter = (filter: LogFilter | null, event: { readonly stream: string; readonly type: string }): boolean => {
  if (filter === null) return true;
  const value = filter.on === 'stream-name' ? event.stream : event.type;
  if (filter.prefixes) return filter.prefixes.some((prefix) => value.startsWith(prefix));
  return filter.regex ? filter.regex.test(value) : true;
};

/** What a fresh server has written to `$all` before any client did: a reader must skip these. */
const systemSeed: readonly (readonly [stream: string, type: string])[] = [
  ['$users', '$UserCreated'],
  ['$user-admin', '$user'],
  ['$$$scavenges', '$metadata'],
];

export class StandInLog {
  private readonly all: LoggedEvent[] = [];
  private readonly streams = new Map<string, StreamState>();
  private readonly listeners = new Set<() => void>();
  private nextPosition: bigint;
  private readonly now: () => Date;

  constructor(options: StandInLogOptions = {}) {
    this.nextPosition = options.firstPosition ?? 0n;
    this.now = options.now ?? (() => new Date());
    systemSeed.forEach(([stream, type], index) => {
      const id = `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
      this.write(stream, [{ id, type, contentType: 'application/json', data: encoder.encode('{}'), metadata: new Uint8Array() }]);
    });
  }

  get events(): readonly LoggedEvent[] {
    return this.all;
  }

  /** Calls `listener` after every write; returns a function that stops it. */
  watch(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  append(stream: string, expected: ExpectedState, records: readonly ProposedRecord[]): AppendOutcome {
    const state = this.streams.get(stream);
    const current = state ? state.events.length - 1 : -1;
    const decision = this.checkCommit(state, current, expected, records);
    if (decision !== 'write') return decision;
    const written = this.write(stream, records);
    return { kind: 'written', lastRevision: written.revision, position: written.position };
  }

  readStream(stream: string, from: number | 'start' | 'end', direction: ReadDirection, count: number): LoggedEvent[] | null {
    const state = this.streams.get(stream);
    if (!state) return null;
    const { events } = state;
    if (direction === 'forwards') {
      const first = from === 'start' ? 0 : from === 'end' ? events.length : from;
      return events.slice(first, first + count);
    }
    const last = from === 'end' ? events.length - 1 : from === 'start' ? 0 : Math.min(from, events.length - 1);
    return events.slice(Math.max(0, last - count + 1), last + 1).reverse();
  }

  /** Forwards from a position includes the event at it; backwards starts just before it (server semantics). */
  readAll(from: LogPosition | 'start' | 'end', direction: ReadDirection, count: number, filter: LogFilter | null): LoggedEvent[] {
    const read: LoggedEvent[] = [];
    if (direction === 'forwards') {
      for (let index = this.firstIndexAtOrAfter(from); index < this.all.length && read.length < count; index += 1) {
        const event = this.all[index] as LoggedEvent;
        if (matchesLogFilter(filter, event)) read.push(event);
      }
      return read;
    }
    for (let index = this.firstIndexAtOrAfter(from) - 1; index >= 0 && read.length < count; index -= 1) {
      const event = this.all[index] as LoggedEvent;
      if (matchesLogFilter(filter, event)) read.push(event);
    }
    return read;
  }

  /**
   * For subscriptions: up to `limit` matching events strictly after `after`, and how far the scan got, so a
   * sparse filter still moves the subscription on (and can be checkpointed there).
   */
  scanAfter(after: LogPosition | 'start', filter: LogFilter | null, limit: number): { events: LoggedEvent[]; scannedTo: LogPosition | 'start' } {
    const events: LoggedEvent[] = [];
    let scannedTo = after;
    let index = after === 'start' ? 0 : this.firstIndexAtOrAfter(after);
    if (after !== 'start' && index < this.all.length && compareToPosition((this.all[index] as LoggedEvent).position, after) === 0) index += 1;
    for (; index < this.all.length && events.length < limit; index += 1) {
      const event = this.all[index] as LoggedEvent;
      scannedTo = { commit: event.position, prepare: event.position };
      if (matchesLogFilter(filter, event)) events.push(event);
    }
    return { events, scannedTo };
  }

  /** The position of the last event in the log, system ones included. */
  lastPosition(): LogPosition | null {
    const last = this.all[this.all.length - 1];
    return last ? { commit: last.position, prepare: last.position } : null;
  }

  /** Index of the first event at or after `from` (the log is sorted by position: binary search). */
  private firstIndexAtOrAfter(from: LogPosition | 'start' | 'end'): number {
    if (from === 'start') return 0;
    if (from === 'end') return this.all.length;
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareToPosition((this.all[middle] as LoggedEvent).position, from) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The server's commit check: write, acknowledge an idempotent retry, or refuse with the current revision. */
  private checkCommit(state: StreamState | undefined, current: number, expected: ExpectedState, records: readonly ProposedRecord[]): AppendOutcome | 'write' {
    const wrong: AppendOutcome = { kind: 'wrong-expected-version', currentRevision: current < 0 ? null : current };
    if (expected.kind === 'stream_exists' && current < 0) return wrong;
    if (expected.kind === 'any' || expected.kind === 'stream_exists') return this.checkByIds(state, records, wrong);
    const expectedRevision = expected.kind === 'no_stream' ? -1 : expected.revision;
    if (expectedRevision > current) return wrong;
    if (expectedRevision === current) return 'write';
    // Behind the stream: a retry only if the events right after the expected revision carry these ids.
    for (let index = 0; index < records.length; index += 1) {
      if (state?.events[expectedRevision + 1 + index]?.id !== (records[index] as ProposedRecord).id) return wrong;
    }
    return this.idempotent(state as StreamState, expectedRevision + records.length);
  }

  /** With `any`, the server looks the ids up: all found is a retry, none is a write, some is a conflict. */
  private checkByIds(state: StreamState | undefined, records: readonly ProposedRecord[], wrong: AppendOutcome): AppendOutcome | 'write' {
    const revisions = records.map((record) => state?.revisionById.get(record.id));
    if (revisions[0] === undefined) return 'write';
    if (revisions.some((revision) => revision === undefined)) return wrong;
    return this.idempotent(state as StreamState, revisions[revisions.length - 1] as number);
  }

  private idempotent(state: StreamState, lastRevision: number): AppendOutcome {
    const last = state.events[lastRevision] as LoggedEvent;
    return { kind: 'idempotent', lastRevision, position: last.position };
  }

  private write(stream: string, records: readonly ProposedRecord[]): LoggedEvent {
    const state = this.streams.get(stream) ?? { events: [], revisionById: new Map<string, number>() };
    this.streams.set(stream, state);
    const created = ticksOf(this.now());
    let last: LoggedEvent | undefined;
    for (const record of records) {
      last = { ...record, stream, revision: state.events.length, position: this.nextPosition, created };
      this.nextPosition += recordSize(stream, record);
      state.events.push(last);
      state.revisionById.set(record.id, last.revision);
      this.all.push(last);
    }
    this.listeners.forEach((listener) => listener());
    return last as LoggedEvent;
  }
}
