import { join } from 'node:path';
import Database, { type Statement } from 'better-sqlite3';
import type { Clock } from '@crm/clock';
import { validateAppend, type ValidatedAppend } from '../append-input.validation';
import { EventSchemas } from '../event-schemas';
import { EventStoreException, EventStoreExceptionCode } from '../event-store.exception';
import type {
  AppendResult,
  EventFilter,
  EventStore,
  EventSubscription,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
} from '../event-store.port';
import { positionOf, type Position } from '../position';
import { commitGroup, takeGroup, type MemberOutcome } from './append-group';
import { describeError } from './describe-error';
import { LiveTail, type TailPage } from './live-tail';
import { PollingSubscription, type SubscriptionPage } from './polling-subscription';
import { makePrivateDirectory, narrowDatabaseSidecars, preparePrivateDatabaseFile } from './private-database-files';
import { configureConnection, createSchema, databaseFileName, leaveSelfContained, readOnlyOpenHint, writableOpenHint } from './sqlite-schema';
import {
  lastSequence,
  prepareStatements,
  sequenceBefore,
  toStoredEvent,
  type EventRow,
  type ReadAllParameters,
  type SqliteStatements,
} from './sqlite-statements';

export interface SqliteEventStoreOptions {
  /** Folder of the data; created if missing. The events live in `<directory>/events.sqlite`. */
  readonly directory: string;
  /** Business time of events appended without `occurredAt`. */
  readonly clock: Clock;
  /** How often live subscriptions look for events appended by other processes; default 250 ms. */
  readonly livePollIntervalMs?: number;
  /** Most appends committed in one transaction; default 1,000. Bounds the latency of a group. */
  readonly maxGroupSize?: number;
  /**
   * Opens an existing store without write access (inspection, a read-only mount). Reads and
   * subscriptions work; appends are rejected with `UNAVAILABLE` and store nothing. On a read-only
   * mount this needs a store that was closed cleanly (see `close`) or whose -wal and -shm files are
   * there; otherwise the error says so.
   */
  readonly readOnly?: boolean;
  /** The schema versions of event types: every event read is upcast to its type's current shape. Default: none. */
  readonly schemas?: EventSchemas;
}

/** Counters for tests, `/health` and benchmarks; a snapshot, not live. */
export interface SqliteEventStoreStats {
  /** Write transactions committed, one per group of appends. */
  readonly transactions: number;
  /** Appends acknowledged (idempotent retries included). */
  readonly committedAppends: number;
  /** Most appends acknowledged by one transaction so far. */
  readonly largestGroup: number;
  /** Appends queued for the next group commit. */
  readonly pendingAppends: number;
  /** Subscriptions not closed yet. */
  readonly openSubscriptions: number;
}

interface PendingAppend {
  readonly append: ValidatedAppend;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: Error) => void;
}

const defaultLivePollIntervalMs = 250;
const defaultMaxGroupSize = 1_000;
const defaultReadAllMaxCount = 1_000;
const subscriptionPageSize = 500;
/** Newest events kept parsed for the live subscriptions to share (see `LiveTail`). */
const liveTailCapacity = 5_000;
const closedError = (): EventStoreException =>
  new EventStoreException(EventStoreExceptionCode.CLOSED, 'the SQLite event store is closed');

/** The filter of a read, judged in memory as the SQL of `readAllWhere` judges it (an empty list matches nothing). */
const matcherOf = (filter: EventFilter | undefined): ((event: StoredEvent) => boolean) => {
  const prefixes = filter?.streamPrefixes;
  const types = filter?.eventTypes;
  return (event) =>
    (prefixes === undefined || prefixes.some((prefix) => event.stream.startsWith(prefix))) && (types === undefined || types.includes(event.type));
};

const checkCount = (name: string, value: number | undefined, fallback: number, minimum: number): number => {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < minimum) throw new RangeError(`${name} must be an integer ≥ ${minimum}, not ${value}`);
  return value;
};

const selectReadAll = (statements: SqliteStatements, filter: EventFilter | undefined): Statement<ReadAllParameters, EventRow> => {
  if (filter?.streamPrefixes && filter.eventTypes) return statements.readAllByPrefixAndType;
  if (filter?.streamPrefixes) return statements.readAllByPrefix;
  if (filter?.eventTypes) return statements.readAllByType;
  return statements.readAll;
};

/**
 * The embedded event store: one SQLite file in WAL mode, position = global sequence.
 *
 * Group commit: with `synchronous=FULL` every commit costs an fsync (~1 ms on the development
 * machine), so one transaction per append caps the store at ~650 appends/s. Appends are therefore
 * queued and flushed together on the next turn of the event loop: one `BEGIN IMMEDIATE … COMMIT` (one
 * fsync) carries every append that arrived meanwhile, each in its own savepoint so a conflict fails only
 * its own append. Promises resolve after its COMMIT returned, so an acknowledged append is on disk, and
 * an event any reader can see is already on disk too (in WAL mode a commit is readable only once it is
 * written; README, Architecture: acknowledged ordering). The commit runs on the event loop: a writer
 * thread with its own connection was measured and removed (README, Benchmarks).
 */
export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite';
  private readonly queue: PendingAppend[] = [];
  private scheduledFlush: NodeJS.Immediate | null = null;
  private readonly tail = new LiveTail(liveTailCapacity, (after, until, limit) =>
    this.statements.readAll.all({ after, until, limit, prefixes: '[]', types: '[]' }).map(this.toCurrentEvent),
  );
  private readonly appendListeners = new Set<() => void>();
  private readonly subscriptions = new Set<PollingSubscription>();
  private closed = false;
  private transactions = 0;
  private committedAppends = 0;
  private largestGroup = 0;

  private constructor(
    private readonly db: Database.Database,
    private readonly statements: SqliteStatements,
    private readonly clock: Clock,
    private readonly livePollIntervalMs: number,
    private readonly maxGroupSize: number,
    private readonly readOnly: boolean,
    private readonly schemas: EventSchemas,
  ) {}

  static async open(options: SqliteEventStoreOptions): Promise<SqliteEventStore> {
    const livePollIntervalMs = checkCount('livePollIntervalMs', options.livePollIntervalMs, defaultLivePollIntervalMs, 1);
    const maxGroupSize = checkCount('maxGroupSize', options.maxGroupSize, defaultMaxGroupSize, 1);
    const file = join(options.directory, databaseFileName);
    const readOnly = options.readOnly ?? false;
    if (!readOnly) makePrivateDirectory(options.directory);

    let db: Database.Database | undefined;
    try {
      if (!readOnly) preparePrivateDatabaseFile(file);
      db = new Database(file, { readonly: readOnly, fileMustExist: readOnly });
      if (!readOnly) {
        configureConnection(db);
        createSchema(db);
        narrowDatabaseSidecars(file);
      }
      const statements = prepareStatements(db);
      const schemas = options.schemas ?? EventSchemas.none;
      return new SqliteEventStore(db, statements, options.clock, livePollIntervalMs, maxGroupSize, readOnly, schemas);
    } catch (error) {
      db?.close();
      const hint = readOnly ? readOnlyOpenHint(file) : writableOpenHint(file);
      throw new Error(`cannot open the SQLite event store at ${file}${readOnly ? ' (read-only)' : ''}: ${describeError(error)}${hint}`, {
        cause: error,
      });
    }
  }

  async append(stream: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    const append = validateAppend(stream, events, expectedRevision);
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ append, resolve, reject });
      this.scheduleFlush();
    });
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const fromRevision = checkCount('fromRevision', options.fromRevision, 0, 0);
    // SQLite reads LIMIT -1 as "no limit": a stream is read whole unless the caller pages it.
    const limit = checkCount('maxCount', options.maxCount, -1, 0);
    return this.statements.readStream.all(stream, fromRevision, limit).map(this.toCurrentEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const maxCount = checkCount('maxCount', options.maxCount, defaultReadAllMaxCount, 0);
    return this.readAllNow(options.from ?? 'start', options.filter, maxCount);
  }

  subscribe(options: SubscribeOptions = {}): EventSubscription {
    this.assertOpen();
    const from = options.from ?? 'start';
    const subscription = new PollingSubscription(
      {
        readPage: (after, limit) => this.readPageNow(after, options.filter, limit),
        watch: (listener) => {
          this.appendListeners.add(listener);
          return () => this.appendListeners.delete(listener);
        },
      },
      {
        after: from === 'end' ? (this.headNow() ?? 'start') : from,
        pageSize: subscriptionPageSize,
        pollIntervalMs: this.livePollIntervalMs,
        onClose: () => this.subscriptions.delete(subscription),
      },
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position | null> {
    this.assertOpen();
    return this.headNow();
  }

  stats(): SqliteEventStoreStats {
    return {
      transactions: this.transactions,
      committedAppends: this.committedAppends,
      largestGroup: this.largestGroup,
      pendingAppends: this.queue.length,
      openSubscriptions: this.subscriptions.size,
    };
  }

  /**
   * Commits queued appends, ends every subscription, then closes the file. Closing twice is harmless.
   * The last writer to close leaves one self-contained file (see `leaveSelfContained`), so the store
   * can then be opened `readOnly` from a read-only mount.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.scheduledFlush) clearImmediate(this.scheduledFlush);
    this.scheduledFlush = null;
    while (this.queue.length > 0) this.flushGroup();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    try {
      if (!this.readOnly) leaveSelfContained(this.db);
    } catch (error) {
      throw new Error(
        `the SQLite event store at ${this.db.name} is closed and every acknowledged append is stored, but it could not ` +
          `check its write-ahead log into the database file (${describeError(error)}); the next open recovers it`,
        { cause: error },
      );
    } finally {
      this.db.close();
    }
  }

  private assertOpen(): void {
    if (this.closed) throw closedError();
  }

  private headNow(): Position | null {
    const { head } = this.statements.head.get() ?? { head: null };
    return head === null ? null : positionOf(head);
  }

  private readAllNow(from: Position | 'start', filter: EventFilter | undefined, maxCount: number, until: bigint | number = lastSequence): StoredEvent[] {
    const parameters: ReadAllParameters = {
      after: sequenceBefore(from),
      until,
      limit: maxCount,
      prefixes: JSON.stringify(filter?.streamPrefixes ?? []),
      types: JSON.stringify(filter?.eventTypes ?? []),
    };
    return selectReadAll(this.statements, filter).all(parameters).map(this.toCurrentEvent);
  }

  /** Every read goes through here: rows become events with data of their type's current schema version. */
  private readonly toCurrentEvent = (row: EventRow): StoredEvent => this.schemas.upcast(toStoredEvent(row));

  /**
   * A subscription's page up to the head as it was just before the read. A short page means every event
   * up to that head was looked at, so the subscription reads on from there even when none matched:
   * otherwise a filter that rarely matches (a `lead-` subscription among opportunities) looked again at
   * every event since its last match on every wake-up, quadratic in the events appended meanwhile.
   * Positions are assigned in commit order by the one writer, so nothing can appear later below the head.
   */
  private readPageNow(from: Position | 'start', filter: EventFilter | undefined, limit: number): SubscriptionPage {
    const head = this.statements.head.get()?.head ?? null;
    const after = sequenceBefore(from);
    if (head === null || BigInt(head) <= after) return { events: [], readThrough: from };
    const shared = this.sharedPage(after, BigInt(head), filter, limit);
    if (shared) return shared;
    const events = this.readAllNow(from, filter, limit, head);
    const last = events[events.length - 1];
    return { events, readThrough: events.length < limit || last === undefined ? positionOf(head) : last.position };
  }

  /** The page from the live tail, or null when it does not reach back that far (or an event there cannot be read). */
  private sharedPage(after: bigint, head: bigint, filter: EventFilter | undefined, limit: number): SubscriptionPage | null {
    let page: TailPage | null;
    try {
      page = this.tail.page(after, head, limit, matcherOf(filter));
    } catch (error) {
      // An event of the tail that cannot be upcast: each subscription reads for itself, so only those it concerns fail.
      if (error instanceof EventStoreException) return null;
      throw error;
    }
    return page && { events: page.events, readThrough: positionOf(page.readThrough) };
  }

  private scheduleFlush(): void {
    if (this.scheduledFlush || this.queue.length === 0) return;
    this.scheduledFlush = setImmediate(() => {
      this.scheduledFlush = null;
      this.flushGroup();
      this.scheduleFlush();
    });
  }

  /** Commits the next group; its members settle once its COMMIT returned. */
  private flushGroup(): void {
    const members = takeGroup(this.queue, this.maxGroupSize);
    if (members.length === 0) return;
    let outcomes: MemberOutcome[];
    try {
      outcomes = commitGroup(
        this.db,
        this.statements,
        members.map((member) => member.append),
        this.clock.now().toISOString(),
      );
    } catch (error) {
      members.forEach((member) => member.reject(error as Error));
      return;
    }
    this.settleGroup(members, outcomes);
  }

  private settleGroup(members: readonly PendingAppend[], outcomes: readonly MemberOutcome[]): void {
    this.countGroup(outcomes);
    outcomes.forEach((outcome, index) => {
      const member = members[index] as PendingAppend;
      if (outcome.ok) member.resolve(outcome.result);
      else member.reject(outcome.error);
    });
    this.appendListeners.forEach((listener) => listener());
  }

  private countGroup(outcomes: readonly MemberOutcome[]): void {
    const acknowledged = outcomes.filter((outcome) => outcome.ok).length;
    this.transactions += 1;
    this.committedAppends += acknowledged;
    this.largestGroup = Math.max(this.largestGroup, acknowledged);
  }
}
