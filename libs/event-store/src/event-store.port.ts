import type { Position, ReadFrom } from './position';

/**
 * The event store port. It knows streams, revisions and a global order; it knows nothing of CRM.
 * Adapters: SQLite (embedded, default) and EventStoreDB. Both must pass `describeEventStoreContract`.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** An event the caller wants to append. `id` makes appends idempotent: the same id is stored once. */
export interface NewEvent<Type extends string = string, Data extends JsonObject = JsonObject> {
  readonly id: string;
  readonly type: Type;
  readonly data: Data;
  readonly metadata?: JsonObject;
  /** Business time (ISO-8601). Defaults to the store's clock at append; imports set a past date. */
  readonly occurredAt?: string;
}

export interface StoredEvent<Type extends string = string, Data extends JsonObject = JsonObject> {
  readonly id: string;
  readonly type: Type;
  readonly stream: string;
  /** 0-based place of the event in its stream. */
  readonly revision: number;
  readonly position: Position;
  readonly data: Data;
  readonly metadata: JsonObject;
  /** Business time, ISO-8601 UTC. */
  readonly occurredAt: string;
  /** When the store accepted the event, ISO-8601 UTC. */
  readonly recordedAt: string;
}

/**
 * What the caller believes about the stream before appending:
 * - a revision number: the stream's last event has exactly this revision;
 * - `no_stream`: the stream has no events yet;
 * - `any`: no check (idempotency by event id still applies).
 */
export type ExpectedRevision = number | 'no_stream' | 'any';

export interface AppendResult {
  /** Revision of the last event now in the stream: pass it as the next expected revision. */
  readonly nextExpectedRevision: number;
  /** Global position of the last event of this append. */
  readonly position: Position;
}

export interface EventFilter {
  /** Keep events whose stream name starts with any of these prefixes. */
  readonly streamPrefixes?: readonly string[];
  /** Keep events of these types. */
  readonly eventTypes?: readonly string[];
}

export interface ReadStreamOptions {
  /** First revision to read (inclusive); default 0. */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Read events strictly after this position; `start` reads from the first event. */
  readonly from?: Exclude<ReadFrom, 'end'>;
  readonly filter?: EventFilter;
  /** Maximum events in the returned page; default 1,000. */
  readonly maxCount?: number;
}

export interface SubscribeOptions {
  /** Deliver events strictly after this position; `end` delivers only events appended from now on. */
  readonly from?: ReadFrom;
  readonly filter?: EventFilter;
}

/**
 * Catches up from `from`, then goes live, in global order, with no gap and no duplicate.
 * Iterate it with `for await`; `close()` ends the iteration.
 */
export interface EventSubscription extends AsyncIterable<StoredEvent> {
  close(): Promise<void>;
}

/** Something an operator should know although every call still works; counted per store instance. */
export interface StoreWarning {
  /**
   * `FOREIGN_EVENTS_SKIPPED`: events of the global order that are not JSON objects (written by another
   * tool) were read past. `ACCESS_DENIED`: the store refused this user something. `LOG_RESET`: a reader's
   * saved position is no place in the log (it was reset or replaced), so the reader started over.
   */
  readonly code: 'FOREIGN_EVENTS_SKIPPED' | 'ACCESS_DENIED' | 'LOG_RESET';
  /** How many times (distinct events, for skipped ones). */
  readonly count: number;
  /** The last occurrence, by name. */
  readonly message: string;
  readonly lastAt: string;
}

export interface EventStore {
  /** Which adapter this is, for `/health` and logs: `sqlite`, `eventstoredb`. */
  readonly kind: string;
  append(stream: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult>;
  /** Events of one stream in revision order; an unknown stream reads as empty. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /** One page of the global order; an empty page means there is nothing more after `from`. */
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  subscribe(options?: SubscribeOptions): EventSubscription;
  /** Position of the last stored event, or `null` when the store is empty. */
  headPosition(): Promise<Position | null>;
  /** What this store noticed since it was opened (for `/health`); stores with nothing to report may leave it out. */
  warnings?(): readonly StoreWarning[];
  close(): Promise<void>;
}
