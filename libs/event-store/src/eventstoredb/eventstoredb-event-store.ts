import { setTimeout as delay } from 'node:timers/promises';
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
  StoreWarning,
  SubscribeOptions,
} from '../event-store.port';
import { comparePositions, isAfter, serializePosition, type Position } from '../position';
import { findOriginalResult, verifyAcknowledged } from './append-idempotency';
import { claimEventIds } from './event-id-claims';
import { openEventStoreDbGateway, redactConnectionString, type EventStoreDbGateway, type GatewayEvent } from './eventstoredb.gateway';
import { ResumableSubscription } from './resumable-subscription';
import { backoffDelay, checkBackoffPolicy, defaultResubscribeBackoff, type BackoffPolicy } from './resubscribe-backoff';
import { excludeSystemEventTypes, isSystemEvent, planFilter } from './server-filter';
import { describeEvent, toProposedEvent, toStoredEvent, undeliverableReason } from './stored-event.mapping';

export interface EventStoreDbEventStoreOptions {
  /** `esdb://host:2113?tls=false` for one node, `esdb://a:2113,b:2113,c:2113?…` for a cluster's gossip seeds. */
  readonly connectionString: string;
  /** Business time of events appended without `occurredAt`. */
  readonly clock: Clock;
  /** Waits between attempts to resubscribe after a dropped subscription; default 100 ms doubling to 5 s. */
  readonly resubscribeBackoff?: BackoffPolicy;
  /**
   * A call the server cannot take now (an election, a node starting, NotLeader while the client reconnects
   * to the new leader, a write timeout) is made again after these waits, doubling, for at most `totalMs`;
   * then it fails `UNAVAILABLE`. Default 50 ms doubling to 1 s, for 10 s: an election takes a few seconds.
   */
  readonly unavailableRetry?: UnavailableRetry;
  /** The schema versions of event types: every event read is upcast to its type's current shape. Default: none. */
  readonly schemas?: EventSchemas;
}

export interface UnavailableRetry extends BackoffPolicy {
  readonly totalMs: number;
}

const defaultUnavailableRetry: UnavailableRetry = { initialMs: 50, maxMs: 1_000, totalMs: 10_000 };

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
  const server = redactConnectionString(connectionString);
  const reason = error instanceof Error ? error.message : String(error);
  if (error instanceof EventStoreException && error.code === EventStoreExceptionCode.ACCESS_DENIED) {
    return new EventStoreException(error.code, `EventStoreDB at ${server} does not let this app's user start: ${reason}`, error.details);
  }
  const message = `cannot reach EventStoreDB at ${server}: ${reason}`;
  return error instanceof EventStoreException ? new EventStoreException(error.code, message, error.details) : new Error(message, { cause: error });
};

const isRetryable = (error: unknown): boolean => error instanceof EventStoreException && error.retryable;

const checkUnavailableRetry = (retry: UnavailableRetry): UnavailableRetry => {
  checkBackoffPolicy(retry);
  if (!Number.isFinite(retry.totalMs) || retry.totalMs < 0) throw new RangeError(`unavailableRetry.totalMs must be a number ≥ 0, not ${retry.totalMs}`);
  return retry;
};

// Distinct skipped events remembered, so each is counted once however many readers pass it; beyond this
// many the count goes on (a pathological log), possibly counting one again.
const skippedPositionsRemembered = 10_000;

/** The warnings a store counts; `/health` shows them. */
class WarningCounter {
  private readonly byCode = new Map<StoreWarning['code'], StoreWarning>();
  private readonly skippedPositions = new Set<string>();

  skipped(event: GatewayEvent, reason: string, at: Date): void {
    const key = event.position === undefined ? event.id : serializePosition(event.position);
    if (this.skippedPositions.has(key)) return;
    if (this.skippedPositions.size >= skippedPositionsRemembered) this.skippedPositions.clear();
    this.skippedPositions.add(key);
    this.count('FOREIGN_EVENTS_SKIPPED', `read past ${describeEvent(event)}, of type "${event.type}": ${reason}`, at);
  }

  accessDenied(error: EventStoreException, at: Date): void {
    this.count('ACCESS_DENIED', error.message, at);
  }

  all(): StoreWarning[] {
    return [...this.byCode.values()];
  }

  private count(code: StoreWarning['code'], message: string, at: Date): void {
    const before = this.byCode.get(code);
    this.byCode.set(code, { code, count: (before?.count ?? 0) + 1, message, lastAt: at.toISOString() });
  }
}

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
 *
 * What a server answers while it cannot take a call (see `unavailableRetry`) is waited out here, so a
 * caller sees an election as a slower call. Repeating a whole append is safe: the claims and the ids make
 * the second attempt find what the first stored, also when the server dropped or timed out the first
 * attempt's answer (its write timeout) and stored it all the same.
 *
 * Events of `$all` that are not JSON objects (another tool sharing the database) are read past by reads of
 * `$all`, subscriptions and the head, and counted in `warnings()`; a stream read still refuses them, since
 * no decision can be made on a stream it cannot fold.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb';
  private readonly subscriptions = new Set<EventSubscription>();
  private readonly warningCounter = new WarningCounter();
  /** Cuts short the waits between attempts when the store is closed. */
  private readonly closing = new AbortController();
  private closed = false;

  private constructor(
    private readonly gateway: EventStoreDbGateway,
    private readonly clock: Clock,
    private readonly resubscribeBackoff: BackoffPolicy,
    private readonly unavailableRetry: UnavailableRetry,
    private readonly schemas: EventSchemas,
  ) {}

  /**
   * Resolves once the server has answered a first read of `$all` (waiting out an election within the
   * retry bound), so a wrong address, or a user who may not read `$all`, fails here and not later.
   */
  static async connect(options: EventStoreDbEventStoreOptions): Promise<EventStoreDbEventStore> {
    const backoff = checkBackoffPolicy(options.resubscribeBackoff ?? defaultResubscribeBackoff);
    const retry = checkUnavailableRetry(options.unavailableRetry ?? defaultUnavailableRetry);
    const gateway = openEventStoreDbGateway(options.connectionString);
    const store = new EventStoreDbEventStore(gateway, options.clock, backoff, retry, options.schemas ?? EventSchemas.none);
    try {
      await store.whenAvailable(() => store.headNow());
    } catch (error) {
      await gateway.dispose();
      throw unreachable(options.connectionString, error);
    }
    return store;
  }

  async append(stream: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    const append = validateAppend(stream, events, expectedRevision);
    return this.guard(() => this.whenAvailable(() => this.appendValidated(append)));
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const fromRevision = checkCount('fromRevision', options.fromRevision, 0, 0);
    const maxCount = options.maxCount === undefined ? null : checkCount('maxCount', options.maxCount, 0, 0);
    if (maxCount === 0) return [];
    return this.guard(() =>
      this.whenAvailable(async () => {
        const events = await this.gateway.readStream(stream, { from: BigInt(fromRevision), direction: 'forwards', maxCount });
        return events.map(this.toCurrentEvent);
      }),
    );
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const maxCount = checkCount('maxCount', options.maxCount, defaultReadAllMaxCount, 0);
    return this.guard(() => this.whenAvailable(() => this.readAllAfter(options.from ?? 'start', options.filter, maxCount)));
  }

  subscribe(options: SubscribeOptions = {}): EventSubscription {
    this.assertOpen();
    const from = options.from ?? 'start';
    const plan = planFilter(options.filter);
    const subscription: ResumableSubscription<GatewayEvent> = new ResumableSubscription<GatewayEvent>({
      resolveStart: async () => (from === 'end' ? ((await this.headNow()) ?? 'start') : from),
      open: (after) => this.gateway.subscribeToAll(after, plan.server),
      positionOf: positionOfRead,
      toEvent: (event) => (plan.keeps(event) && this.deliverable(event) ? this.toCurrentEvent(event) : null),
      isRetryable,
      backoff: this.resubscribeBackoff,
      onClose: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position | null> {
    this.assertOpen();
    return this.guard(() => this.whenAvailable(() => this.headNow()));
  }

  warnings(): readonly StoreWarning[] {
    return this.warningCounter.all();
  }

  /** Ends every subscription, then the connection. Closing twice is harmless. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closing.abort();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.gateway.dispose();
  }

  private assertOpen(): void {
    if (this.closed) throw closedError();
  }

  /** A call cut short by close() reports CLOSED rather than the cancellation it ran into; a refusal is counted. */
  private async guard<Result>(call: () => Promise<Result>): Promise<Result> {
    try {
      return await call();
    } catch (error) {
      if (this.closed) throw closedError();
      if (error instanceof EventStoreException && error.code === EventStoreExceptionCode.ACCESS_DENIED) this.warningCounter.accessDenied(error, this.clock.now());
      throw error;
    }
  }

  /** Makes `call` again while it fails UNAVAILABLE, waiting more each time, within the retry bound. */
  private async whenAvailable<Result>(call: () => Promise<Result>): Promise<Result> {
    const deadline = Date.now() + this.unavailableRetry.totalMs;
    for (let failures = 0; ; failures += 1) {
      try {
        return await call();
      } catch (error) {
        const wait = backoffDelay(this.unavailableRetry, failures);
        if (!isRetryable(error) || this.closed || Date.now() + wait > deadline) throw error;
        await delay(wait, undefined, { signal: this.closing.signal }).catch(() => undefined);
      }
    }
  }

  /**
   * Every read goes through here: server events become events with data of their type's current schema
   * version. Idempotency checks compare what is stored, and read it with `toStoredEvent` alone.
   */
  private readonly toCurrentEvent = (event: GatewayEvent): StoredEvent => this.schemas.upcast(toStoredEvent(event));

  /** Whether the port can carry `event`; one it cannot (another tool's) is counted and read past. */
  private deliverable(event: GatewayEvent): boolean {
    const reason = undeliverableReason(event);
    if (reason === null) return true;
    this.warningCounter.skipped(event, reason, this.clock.now());
    return false;
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
      const events = await this.gateway.readAll({ from: cursor, direction: 'forwards', maxCount: wanted, filter: plan.server }, 'any-node');
      for (const event of events) {
        const position = positionOfRead(event);
        if (cursor !== 'start' && !isAfter(position, cursor)) continue;
        if (plan.keeps(event) && page.length < maxCount && this.deliverable(event)) page.push(this.toCurrentEvent(event));
      }
      const last = events[events.length - 1];
      if (events.length < wanted || last === undefined) return page;
      cursor = positionOfRead(last);
    }
    return page;
  }

  /**
   * The position of the last event a reader of `$all` is given (neither a system event nor one it cannot
   * carry), reading `$all` backwards on the leader: a lagging follower's head would make a checkpoint look
   * beyond the end of the log.
   */
  private async headNow(): Promise<Position | null> {
    let from: Position | 'end' = 'end';
    for (;;) {
      const events = await this.gateway.readAll({ from, direction: 'backwards', maxCount: headPageSize, filter: excludeSystemEventTypes }, 'leader');
      const last = events.find((event) => !isSystemEvent(event) && this.deliverable(event));
      if (last) return positionOfRead(last);
      const oldest = events[events.length - 1];
      if (events.length < headPageSize || oldest === undefined) return null;
      from = positionOfRead(oldest);
    }
  }
}
