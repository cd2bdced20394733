/**
 * The in-memory transaction log behind the wire-level stand-in. It models what the adapter depends on in
 * EventStoreDB, not the server: streams with revisions, one global log with byte positions, the
 * expected-revision check and the id-based idempotency of the server's commit check (IndexWriter.CheckCommit),
 * replication to a quorum before a write is acknowledged or readable, and filtered reads of `$all`.
 *
 * Positions: each event is its own log record at a byte offset that grows by the record's size, and its
 * `$all` position is that offset for both commit and prepare, as current servers report events written
 * through gRPC (they are self-committed; older servers with explicit commit records shared one commit
 * position across a transaction). Offsets are not consecutive, and may start above 2^53. A read from an
 * offset inside a record is refused, as the server refuses it.
 *
 * Idempotency, as IndexWriter.CheckCommit decides it: with an expected revision behind the stream, the
 * events right after it must carry the ids (looked up in the stream itself, so it survives restarts); with
 * `any`, only a bounded cache of recently written ids is consulted, and a restart empties it, so an old id
 * is written again. A retry matching a write that is not yet replicated is `idempotent-not-ready`: the
 * server drops it without an answer and the client's call times out.
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
  /** Where the record ends: positions strictly inside (position, end) are mid-record. */
  readonly end: bigint;
  /** Place in the log (0-based): the entries before `visible` are the ones a reader sees. */
  readonly index: number;
  /** .NET ticks (100 ns) since the Unix epoch, as the server's `created` metadata. */
  readonly created: bigint;
}

export type AppendOutcome =
  | { readonly kind: 'written'; readonly lastRevision: number; readonly position: bigint; readonly lastIndex: number }
  | { readonly kind: 'idempotent'; readonly lastRevision: number; readonly position: bigint }
  | { readonly kind: 'idempotent-not-ready' }
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
}

interface RecentWrite {
  readonly stream: string;
  readonly revision: number;
}

export interface StandInLogOptions {
  readonly firstPosition?: bigint;
  readonly now?: () => Date;
  /** How many recently written ids the `any` idempotency check remembers (the server's committed-events cache). */
  readonly recentIdsRemembered?: number;
}

const recordHeaderBytes = 86;
const encoder = new TextEncoder();
const defaultRecentIdsRemembered = 100_000;

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
  private readonly recentWrites = new Map<string, RecentWrite>();
  private readonly recentIdsRemembered: number;
  private nextPosition: bigint;
  private readonly now: () => Date;
  /** Entries before this index are replicated: acknowledged to their writers and readable. */
  private replicated = 0;
  /** While set, writes stay unreplicated; `from` names the stream whose next write starts the hold. */
  private hold: { readonly from: string | null; started: boolean } | null = null;

  constructor(options: StandInLogOptions = {}) {
    this.nextPosition = options.firstPosition ?? 0n;
    this.now = options.now ?? (() => new Date());
    this.recentIdsRemembered = options.recentIdsRemembered ?? defaultRecentIdsRemembered;
    systemSeed.forEach(([stream, type], index) => {
      const id = `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
      this.write(stream, [{ id, type, contentType: 'application/json', data: encoder.encode('{}'), metadata: new Uint8Array() }]);
    });
  }

  /** Every logged event, replicated or not. */
  get events(): readonly LoggedEvent[] {
    return this.all;
  }

  /** How many entries are replicated, hence readable on the leader. */
  get replicatedCount(): number {
    return this.replicated;
  }

  /** Calls `listener` after every write and every replication; returns a function that stops it. */
  watch(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * From now on (or from the next write to `fromStream`), writes are logged but not replicated: not
   * acknowledged, not readable, until `releaseReplication()`. A leader whose followers lag looks so.
   */
  holdReplication(fromStream: string | null = null): void {
    this.hold = { from: fromStream, started: fromStream === null };
  }

  releaseReplication(): void {
    this.hold = null;
    this.replicated = this.all.length;
    this.notify();
  }

  /** Whether the entry at `index` is replicated yet. */
  isReplicated(index: number): boolean {
    return index < this.replicated;
  }

  /** What a server restart loses: the cache of recently written ids behind the `any` idempotency check. */
  forgetRecentWrites(): void {
    this.recentWrites.clear();
  }

  append(stream: string, expected: ExpectedState, records: readonly ProposedRecord[]): AppendOutcome {
    const state = this.streams.get(stream);
    const current = state ? state.events.length - 1 : -1;
    const decision = this.checkCommit(stream, state, current, expected, records);
    if (decision !== 'write') return decision;
    const written = this.write(stream, records);
    return { kind: 'written', lastRevision: written.revision, position: written.position, lastIndex: written.index };
  }

  /** `visible`: how many log entries the reader sees (a follower's may lag); default the replicated ones. */
  readStream(stream: string, from: number | 'start' | 'end', direction: ReadDirection, count: number, visible = this.replicated): LoggedEvent[] | null {
    const state = this.streams.get(stream);
    const events = state ? this.visibleOf(state.events, visible) : [];
    if (events.length === 0) return null;
    if (direction === 'forwards') {
      const first = from === 'start' ? 0 : from === 'end' ? events.length : from;
      return events.slice(first, first + count);
    }
    const last = from === 'end' ? events.length - 1 : from === 'start' ? 0 : Math.min(from, events.length - 1);
    return events.slice(Math.max(0, last - count + 1), last + 1).reverse();
  }

  /**
   * Whether a reader may start at `at`: the start of a record, or anywhere before the first or after the
   * last. A position inside a record is refused by the server ("Trying to read from an invalid position").
   */
  isReadablePosition(at: LogPosition): boolean {
    const index = this.firstIndexAtOrAfter(at);
    const before = this.all[index - 1];
    const next = this.all[index];
    if (next !== undefined && next.position === at.commit) return true;
    return before === undefined || at.commit >= before.end;
  }

  /** Forwards from a position includes the event at it; backwards starts just before it (server semantics). */
  readAll(from: LogPosition | 'start' | 'end', direction: ReadDirection, count: number, filter: LogFilter | null, visible = this.replicated): LoggedEvent[] {
    const read: LoggedEvent[] = [];
    const limit = Math.min(visible, this.all.length);
    if (direction === 'forwards') {
      for (let index = this.firstIndexAtOrAfter(from, limit); index < limit && read.length < count; index += 1) {
        const event = this.all[index] as LoggedEvent;
        if (matchesLogFilter(filter, event)) read.push(event);
      }
      return read;
    }
    for (let index = this.firstIndexAtOrAfter(from, limit) - 1; index >= 0 && read.length < count; index -= 1) {
      const event = this.all[index] as LoggedEvent;
      if (matchesLogFilter(filter, event)) read.push(event);
    }
    return read;
  }

  /**
   * For subscriptions: up to `limit` matching events strictly after `after`, and how far the scan got, so a
   * sparse filter still moves the subscription on (and can be checkpointed there).
   */
  scanAfter(
    after: LogPosition | 'start',
    filter: LogFilter | null,
    limit: number,
    visible = this.replicated,
  ): { events: LoggedEvent[]; scannedTo: LogPosition | 'start' } {
    const events: LoggedEvent[] = [];
    const end = Math.min(visible, this.all.length);
    let scannedTo = after;
    let index = after === 'start' ? 0 : this.firstIndexAtOrAfter(after, end);
    if (after !== 'start' && index < end && compareToPosition((this.all[index] as LoggedEvent).position, after) === 0) index += 1;
    for (; index < end && events.length < limit; index += 1) {
      const event = this.all[index] as LoggedEvent;
      scannedTo = { commit: event.position, prepare: event.position };
      if (matchesLogFilter(filter, event)) events.push(event);
    }
    return { events, scannedTo };
  }

  /** The position of the last visible event in the log, system ones included. */
  lastPosition(visible = this.replicated): LogPosition | null {
    const last = this.all[Math.min(visible, this.all.length) - 1];
    return last ? { commit: last.position, prepare: last.position } : null;
  }

  private visibleOf(events: LoggedEvent[], visible: number): LoggedEvent[] {
    // Visibility is a prefix of the log, hence of every stream.
    let count = events.length;
    while (count > 0 && (events[count - 1] as LoggedEvent).index >= visible) count -= 1;
    return count === events.length ? events : events.slice(0, count);
  }

  /** Index of the first event at or after `from` (the log is sorted by position: binary search). */
  private firstIndexAtOrAfter(from: LogPosition | 'start' | 'end', limit = this.all.length): number {
    if (from === 'start') return 0;
    if (from === 'end') return limit;
    let low = 0;
    let high = limit;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareToPosition((this.all[middle] as LoggedEvent).position, from) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The server's commit check: write, acknowledge an idempotent retry, drop it, or refuse with the current revision. */
  private checkCommit(
    stream: string,
    state: StreamState | undefined,
    current: number,
    expected: ExpectedState,
    records: readonly ProposedRecord[],
  ): AppendOutcome | 'write' {
    const wrong: AppendOutcome = { kind: 'wrong-expected-version', currentRevision: current < 0 ? null : current };
    if (expected.kind === 'stream_exists' && current < 0) return wrong;
    if (expected.kind === 'any' || expected.kind === 'stream_exists') return this.checkRecentIds(stream, state, records, wrong);
    const expectedRevision = expected.kind === 'no_stream' ? -1 : expected.revision;
    if (expectedRevision > current) return wrong;
    if (expectedRevision === current) return 'write';
    // Behind the stream: a retry only if the events right after the expected revision carry these ids.
    for (let index = 0; index < records.length; index += 1) {
      if (state?.events[expectedRevision + 1 + index]?.id !== (records[index] as ProposedRecord).id) return wrong;
    }
    return this.idempotent(state as StreamState, expectedRevision + records.length);
  }

  /** With `any`, only recently written ids count: all found is a retry, none is a write, some is a conflict. */
  private checkRecentIds(stream: string, state: StreamState | undefined, records: readonly ProposedRecord[], wrong: AppendOutcome): AppendOutcome | 'write' {
    const found = records.map((record) => this.recentWrites.get(record.id));
    const inThisStream = (write: RecentWrite | undefined): write is RecentWrite => write !== undefined && write.stream === stream;
    if (!inThisStream(found[0]) || state === undefined) return 'write';
    if (!found.every(inThisStream)) return wrong;
    return this.idempotent(state, (found[found.length - 1] as RecentWrite).revision);
  }

  private idempotent(state: StreamState, lastRevision: number): AppendOutcome {
    const last = state.events[lastRevision] as LoggedEvent;
    if (!this.isReplicated(last.index)) return { kind: 'idempotent-not-ready' };
    return { kind: 'idempotent', lastRevision, position: last.position };
  }

  private remember(event: LoggedEvent): void {
    this.recentWrites.delete(event.id);
    this.recentWrites.set(event.id, { stream: event.stream, revision: event.revision });
    if (this.recentWrites.size > this.recentIdsRemembered) {
      const oldest = this.recentWrites.keys().next();
      if (!oldest.done) this.recentWrites.delete(oldest.value);
    }
  }

  private write(stream: string, records: readonly ProposedRecord[]): LoggedEvent {
    const state = this.streams.get(stream) ?? { events: [] };
    this.streams.set(stream, state);
    const created = ticksOf(this.now());
    let last: LoggedEvent | undefined;
    for (const record of records) {
      const end = this.nextPosition + recordSize(stream, record);
      last = { ...record, stream, revision: state.events.length, position: this.nextPosition, end, index: this.all.length, created };
      this.nextPosition = end;
      state.events.push(last);
      this.remember(last);
      this.all.push(last);
    }
    if (this.hold !== null && !this.hold.started && this.hold.from === stream) this.hold.started = true;
    if (this.hold === null || !this.hold.started) this.replicated = this.all.length;
    this.notify();
    return last as LoggedEvent;
  }

  private notify(): void {
    this.listeners.forEach((listener) => listener());
  }
}
