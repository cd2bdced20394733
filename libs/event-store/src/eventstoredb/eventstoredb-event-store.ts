import { systemClock, type Clock } from '@crm/clock';
import { validateAppend, type ValidatedAppend } from '../append-input.validation';
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
import { comparePositions, isAfter, type Position } from '../position';
import { findOriginalResult, verifyAcknowledged } from './append-idempotency';
import { claimEventIds } from './event-id-claims';
import { openEventStoreDbGateway, redactConnectionString, type EventStoreDbGateway, type GatewayEvent } from './eventstoredb.gateway';
import { ResumableSubscription } from './resumable-subscription';
import { checkBackoffPolicy, defaultResubscribeBackoff, type BackoffPolicy } from './resubscribe-backoff';
import { excludeSystemEventTypes, isSystemEvent, planFilter } from './server-filter';
import { toProposedEvent, toStoredEvent } from './stored-event.mapping';

export interface EventStoreDbEventStoreOptions {
  /** `esdb://host:2113?tls=false` for one node, `esdb://a:2113,b:2113,c:2113?…` for a cluster's gossip seeds. */
  readonly connectionString: string;
  /** Business time of events appended without `occurredAt`. */
  readonly clock?: Clock;
  /** Waits between attempts to resubscribe after a dropped subscription; default 100 ms doubling to 5 s. */
  readonly resubscribeBackoff?: BackoffPolicy;
}

const defaultReadAllMaxCount = 1_000;
const tailPageSize = 256;
// The newest events of $all are nearly always ours: a few suffice to find the head.
const headPageSize = 8;

const closedError = (): EventStoreException => new EventStoreException(EventStoreExceptionCode.CLOSED, 'the EventStoreDB event store is closed');

const checkCount = (name: string, value: number | undefined, fallback: number, minimum: number): number => {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < minimum) throw new RangeError(`${name} must be an integer ≥ ${minimum}, not ${value}`);
  return value;
};

const toRevision = (revision: bigint): number => {
  if (revision > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`stream revision ${revision} does not fit a JavaScript number`);
  return Number(revision);
};

const positionOfRead = (event: GatewayEvent): Position => {
  if (event.position === undefined) throw new Error(`event ${event.id} of stream "${event.stream}" came without its $all position`);
  return event.position;
};

/** The first call's error, saying which server it was about (without credentials); the code is kept. */
const unreachable = (connectionString: string, error: unknown): Error => {
  const message = `cannot reach EventStoreDB at ${redactConnectionString(connectionString)}: ${error instanceof Error ? error.message : String(error)}`;
  return error instanceof EventStoreException ? new EventStoreException(error.code, message, error.details) : new Error(message, { cause: error });
};

const isRetryable = (error: unknown): boolean => error instanceof EventStoreException && error.retryable;

/**
 * The distributed engine: EventStoreDB / KurrentDB through `@eventstore/db-client` (see the gateway for
 * the one file that knows the client). Positions are the server's `$all` commit/prepare positions.
 *
 * An append: (1) validates with the rules the SQLite store uses, sending nothing when it fails; (2) claims
 * every event id for the stream (event-id-claims); (3) when a claim already existed, searches the stream
 * back to that claim for the ids, and answers a retry with the original result or a misuse with
 * `DUPLICATE_EVENT_ID` without writing; (4) appends with the caller's expected revision, ids passed
 * through so the server dedups a retry that races us; (5) reads the acknowledged revisions back, which
 * yields the exact `$all` positions and proves the stored events are this append's (the server dedups by
 * id alone, without comparing content).
 *
 * Under concurrency the expected-revision check stays the server's, atomic per stream. Attempts with the
 * same ids racing each other write once: the server takes the later ones as retries, and their read-back
 * tells each whether the stored events are its own (the original result) or carry other content
 * (`DUPLICATE_EVENT_ID`). The claims make two streams racing for one id impossible. What is not caught: two
 * *different* appends that share only some ids, both with `any`, racing between the search and the
 * append; both are then written. Retries repeat whole appends, so this needs misuse of ids at the same moment.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb';
  private readonly subscriptions = new Set<EventSubscription>();
  private closed = false;

  private constructor(
    private readonly gateway: EventStoreDbGateway,
    private readonly clock: Clock,
    private readonly resubscribeBackoff: BackoffPolicy,
  ) {}

  /** Resolves once the server has answered a first read, so a wrong address fails here and not later. */
  static async connect(options: EventStoreDbEventStoreOptions): Promise<EventStoreDbEventStore> {
    const backoff = checkBackoffPolicy(options.resubscribeBackoff ?? defaultResubscribeBackoff);
    const gateway = openEventStoreDbGateway(options.connectionString);
    const store = new EventStoreDbEventStore(gateway, options.clock ?? systemClock, backoff);
    try {
      await store.headNow();
    } catch (error) {
      await gateway.dispose();
      throw unreachable(options.connectionString, error);
    }
    return store;
  }

  async append(stream: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    const append = validateAppend(stream, events, expectedRevision);
    return this.guard(() => this.appendValidated(append));
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const fromRevision = checkCount('fromRevision', options.fromRevision, 0, 0);
    const maxCount = options.maxCount === undefined ? null : checkCount('maxCount', options.maxCount, 0, 0);
    if (maxCount === 0) return [];
    return this.guard(async () => {
      const events = await this.gateway.readStream(stream, { from: BigInt(fromRevision), direction: 'forwards', maxCount });
      return events.map(toStoredEvent);
    });
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const maxCount = checkCount('maxCount', options.maxCount, defaultReadAllMaxCount, 0);
    return this.guard(() => this.readAllAfter(options.from ?? 'start', options.filter, maxCount));
  }

  subscribe(options: SubscribeOptions = {}): EventSubscription {
    this.assertOpen();
    const from = options.from ?? 'start';
    const plan = planFilter(options.filter);
    const subscription: ResumableSubscription<GatewayEvent> = new ResumableSubscription<GatewayEvent>({
      resolveStart: async () => (from === 'end' ? ((await this.headNow()) ?? 'start') : from),
      open: (after) => this.gateway.subscribeToAll(after, plan.server),
      positionOf: positionOfRead,
      toEvent: (event) => (plan.keeps(event) ? toStoredEvent(event) : null),
      isRetryable,
      backoff: this.resubscribeBackoff,
      onClose: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position | null> {
    this.assertOpen();
    return this.guard(() => this.headNow());
  }

  /** Ends every subscription, then the connection. Closing twice is harmless. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.gateway.dispose();
  }

  private assertOpen(): void {
    if (this.closed) throw closedError();
  }

  /** A call cut short by close() reports CLOSED rather than the cancellation it ran into. */
  private async guard<Result>(call: () => Promise<Result>): Promise<Result> {
    try {
      return await call();
    } catch (error) {
      if (this.closed) throw closedError();
      throw error;
    }
  }

  private async appendValidated(append: ValidatedAppend): Promise<AppendResult> {
    const ids = append.events.map((event) => event.id);
    const claimedBefore = await claimEventIds(this.gateway, append.stream, ids);
    if (claimedBefore !== null) {
      const original = findOriginalResult(append, await this.findInStreamSince(append.stream, new Set(ids), claimedBefore));
      if (original) return original;
    }
    const occurredAt = this.clock.now().toISOString();
    const proposed = append.events.map((event) => toProposedEvent(event, occurredAt));
    const lastRevision = toRevision(await this.gateway.append(append.stream, proposed, append.expectedRevision));
    const firstRevision = lastRevision - append.events.length + 1;
    const readBack = await this.gateway.readStream(append.stream, {
      from: BigInt(Math.max(firstRevision, 0)),
      direction: 'forwards',
      maxCount: append.events.length,
    });
    return verifyAcknowledged(append, readBack.map(toStoredEvent));
  }

  /**
   * The events of `stream` with one of `ids`, searching backwards from the end down to `since` (no event
   * with a claimed id can be older than its claim), so a retry costs a read of the stream's recent tail.
   */
  private async findInStreamSince(stream: string, ids: ReadonlySet<string>, since: Position): Promise<Map<string, StoredEvent>> {
    const found = new Map<string, StoredEvent>();
    let from: bigint | 'end' = 'end';
    for (;;) {
      const page = await this.gateway.readStream(stream, { from, direction: 'backwards', maxCount: tailPageSize });
      for (const event of page) {
        if (comparePositions(positionOfRead(event), since) < 0) return found;
        if (ids.has(event.id)) found.set(event.id, toStoredEvent(event));
        if (found.size === ids.size) return found;
      }
      const oldest = page[page.length - 1];
      if (page.length < tailPageSize || oldest === undefined || oldest.revision === 0n) return found;
      from = oldest.revision - 1n;
    }
  }

  /**
   * One page of the global order strictly after `from`. The server reads forwards from a position
   * inclusively, so each request asks for one more event than still needed and drops the one at `from`;
   * what the server filter let through but the exact filter does not (system events, types beside a
   * prefix) is dropped here, and reading continues until the page is full or `$all` has no more.
   */
  private async readAllAfter(from: Position | 'start', filter: EventFilter | undefined, maxCount: number): Promise<StoredEvent[]> {
    const plan = planFilter(filter);
    const page: StoredEvent[] = [];
    let cursor = from;
    while (page.length < maxCount) {
      const wanted = maxCount - page.length + 1;
      const events = await this.gateway.readAll({ from: cursor, direction: 'forwards', maxCount: wanted, filter: plan.server });
      for (const event of events) {
        const position = positionOfRead(event);
        if (cursor !== 'start' && !isAfter(position, cursor)) continue;
        if (plan.keeps(event) && page.length < maxCount) page.push(toStoredEvent(event));
      }
      const last = events[events.length - 1];
      if (events.length < wanted || last === undefined) return page;
      cursor = positionOfRead(last);
    }
    return page;
  }

  /** The position of the last event that is not a system event, reading `$all` backwards. */
  private async headNow(): Promise<Position | null> {
    let from: Position | 'end' = 'end';
    for (;;) {
      const events = await this.gateway.readAll({ from, direction: 'backwards', maxCount: headPageSize, filter: excludeSystemEventTypes });
      const last = events.find((event) => !isSystemEvent(event));
      if (last) return positionOfRead(last);
      const oldest = events[events.length - 1];
      if (events.length < headPageSize || oldest === undefined) return null;
      from = positionOfRead(oldest);
    }
  }
}
