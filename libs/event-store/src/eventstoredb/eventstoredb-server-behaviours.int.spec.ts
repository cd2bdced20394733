import { randomUUID } from 'node:crypto';
import { ManualClock, systemClock } from '@crm/clock';
import { eventually, idsOf, newEvent, newEvents, readAllAfter, rejectionOf, SLOW_TEST_TIMEOUT_MS, SubscriptionReader } from '../contract';
import { eventIdClaimStreamPrefix } from '../append-input.validation';
import { EventStoreExceptionCode } from '../event-store.exception';
import type { AppendResult } from '../event-store.port';
import { comparePositions, type Position } from '../position';
import { EventStoreDbEventStore, type EventStoreDbEventStoreOptions } from './eventstoredb-event-store';
import { WireLevelStandIn, type StandInCall, type WireLevelStandInOptions } from './stand-in/wire-level-stand-in';

/**
 * Behaviours of a real EventStoreDB 24.10 that a happy-path server does not show, each reproduced by the
 * wire-level stand-in as the server's source answers it (see the stand-in's header), and the adapter's
 * answer to it. Every test waits for what the stand-in reports (its counters, its log), not for time.
 */

// Short waits so a test is not slowed down by the adapter's own patience; the bound stays well above
// what any of these outages lasts once the test ends it.
const fastRetry = { initialMs: 5, maxMs: 50, totalMs: 60_000 } as const;
const testBackoff = { initialMs: 5, maxMs: 40 };
const encode = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
const isClaim = (stream: string): boolean => stream.startsWith(eventIdClaimStreamPrefix);
const callsTo = (standIn: WireLevelStandIn, operation: StandInCall['operation'], stream: (name: string) => boolean = () => true): StandInCall[] =>
  standIn.calls.filter((call) => call.operation === operation && stream(call.stream));

describe('EventStoreDbEventStore against what a real server does', () => {
  const standIns: WireLevelStandIn[] = [];
  const stores: EventStoreDbEventStore[] = [];

  const connect = async (standIn: WireLevelStandIn, options: Partial<EventStoreDbEventStoreOptions> = {}): Promise<EventStoreDbEventStore> => {
    const store = await EventStoreDbEventStore.connect({
      connectionString: standIn.connectionString,
      clock: new ManualClock('2026-03-01T09:00:00.000Z'),
      resubscribeBackoff: testBackoff,
      unavailableRetry: fastRetry,
      ...options,
    });
    stores.push(store);
    return store;
  };

  const start = async (options: WireLevelStandInOptions = {}): Promise<{ standIn: WireLevelStandIn; store: EventStoreDbEventStore }> => {
    const standIn = await WireLevelStandIn.start(options);
    standIns.push(standIn);
    return { standIn, store: await connect(standIn) };
  };

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await Promise.all(standIns.splice(0).map((standIn) => standIn.stop()));
  });

  describe('1. leader routing', () => {
    const startCluster = async (): Promise<{ first: WireLevelStandIn; second: WireLevelStandIn; store: EventStoreDbEventStore }> => {
      const [first, second] = await WireLevelStandIn.startCluster(2);
      if (!first || !second) throw new Error('the stand-in cluster did not start');
      standIns.push(first, second);
      return { first, second, store: await connect(first) };
    };

    it('given the node the client talks to lost the leadership and lags, when appending, then the append and its read-back reach the new leader: no spurious DUPLICATE_EVENT_ID', async () => {
      const { first, second, store } = await startCluster();
      await store.append('deal-1', newEvents(2), 'no_stream');

      second.becomeLeader();
      first.lagBehindLeader();
      const events = newEvents(3);
      const appended = await store.append('deal-1', events, 1);

      expect(appended.nextExpectedRevision).toBe(4);
      expect(idsOf(await store.readStream('deal-1', { fromRevision: 2 }))).toEqual(idsOf(events));
      expect(first.stats.notLeaderAnswers).toBeGreaterThan(0);
      expect(second.log.events.filter((event) => event.stream === 'deal-1')).toHaveLength(5);
    });

    it('given a lagging follower, when a command reads its stream, then it reads what the leader has', async () => {
      const { first, second, store } = await startCluster();
      await store.append('deal-1', newEvents(1), 'no_stream');
      second.becomeLeader();
      first.lagBehindLeader();
      const other = await connect(second);
      await other.append('deal-1', newEvents(1), 0);

      const read = await store.readStream('deal-1');

      expect(read.map((event) => event.revision)).toEqual([0, 1]);
    });

    it('given appends, stream reads and the head, then each asks for the leader; reads of $all and subscriptions (projections) do not', async () => {
      const { standIn, store } = await start();
      const asked = async (action: () => Promise<unknown>): Promise<Record<string, boolean[]>> => {
        const before = standIn.calls.length;
        await action();
        const made = standIn.calls.slice(before);
        const byOperation: Record<string, boolean[]> = {};
        for (const call of made) {
          const key = `${call.operation}${isClaim(call.stream) ? ' (claim)' : ''}`;
          byOperation[key] = [...new Set([...(byOperation[key] ?? []), call.requiresLeader])];
        }
        return byOperation;
      };

      expect(await asked(() => store.append('deal-1', newEvents(2), 'no_stream'))).toEqual({
        'append (claim)': [true],
        append: [true],
        'read-stream': [true],
      });
      expect(await asked(() => store.readStream('deal-1'))).toEqual({ 'read-stream': [true] });
      expect(await asked(() => store.headPosition())).toEqual({ 'read-all': [true] });
      expect(await asked(() => store.readAll())).toEqual({ 'read-all': [false] });
      expect(await asked(() => new SubscriptionReader(store.subscribe({ from: 'start' })).take(2))).toEqual({ subscribe: [false] });
    });
  });

  describe('2. failover errors', () => {
    it.each([
      ['BatchAppend, where the server packs it in a status the client reports as unknown', true],
      ['plain Append, where it is UNAVAILABLE', false],
    ])('given an election ("Server Is Not Ready") on %s, when it ends, then the append succeeds without the caller retrying', async (_, serverFeatures) => {
      const { standIn, store } = await start({ serverFeatures });
      await store.append('deal-1', newEvents(1), 'no_stream');
      const events = newEvents(2);

      standIn.failWith('not-ready');
      const appending = store.append('deal-1', events, 0);
      await eventually(() => expect(standIn.stats.notReadyAnswers).toBeGreaterThanOrEqual(2));
      standIn.failWith(null);

      expect((await appending).nextExpectedRevision).toBe(2);
      expect(idsOf(await store.readStream('deal-1', { fromRevision: 1 }))).toEqual(idsOf(events));
    });

    it('given an election while reading, when it ends, then the read succeeds without the caller retrying', async () => {
      const { standIn, store } = await start();
      const events = newEvents(2);
      await store.append('deal-1', events, 'no_stream');

      standIn.failWith('not-ready');
      const reading = store.readStream('deal-1');
      await eventually(() => expect(standIn.stats.notReadyAnswers).toBeGreaterThanOrEqual(2));
      standIn.failWith(null);

      expect(idsOf(await reading)).toEqual(idsOf(events));
    });

    it('given the server stays not ready beyond the bound, then UNAVAILABLE, retryable, with the server\'s words', async () => {
      const { standIn } = await start();
      const store = await connect(standIn, { unavailableRetry: { initialMs: 5, maxMs: 10, totalMs: 100 } });
      standIn.failWith('not-ready');

      const error = await rejectionOf(store.append('deal-1', newEvents(1), 'no_stream'));

      expect([error.code, error.retryable]).toEqual([EventStoreExceptionCode.UNAVAILABLE, true]);
      expect(error.message).toContain('Server Is Not Ready');
    });

    it('given an append the server does not acknowledge within its write timeout, when it is replicated later, then the retry answers the original result and stores nothing twice', async () => {
      const { standIn, store } = await start({ writeTimeoutMs: 20 });
      const events = newEvents(2);
      standIn.log.holdReplication('deal-1');

      const appending = store.append('deal-1', events, 'no_stream');
      await eventually(() => expect(standIn.stats.writeTimeouts).toBeGreaterThanOrEqual(1));
      standIn.log.releaseReplication();

      expect((await appending).nextExpectedRevision).toBe(1);
      expect(idsOf(await store.readStream('deal-1'))).toEqual(idsOf(events));
    });

    it.each(['internal', 'unknown'] as const)('given a subscription the server ends with %s, when reading on, then it resubscribes after the last delivered event', async (drop) => {
      const { standIn, store } = await start();
      await store.append('deal-1', newEvents(50), 'no_stream');
      standIn.dropSubscriptionsAfter(20, 2, drop);
      const reader = new SubscriptionReader(store.subscribe({ from: 'start' }));

      const delivered = await reader.take(50);

      expect(idsOf(delivered)).toEqual(idsOf(await readAllAfter(store, 'start')));
      expect(standIn.stats.subscriptionsDropped).toBe(2);
      await reader.subscription.close();
    });
  });

  describe('3. idempotency as the server does it', () => {
    it(
      'given two attempts of one command racing while the first is not yet replicated, when the server drops the second, then both answer the original result and the events are stored once',
      async () => {
        const { standIn, store } = await start({ writeTimeoutMs: 20 });
        const otherProcess = await connect(standIn);
        await store.append('deal-1', newEvents(1), 'no_stream');
        const events = newEvents(2);
        standIn.log.holdReplication('deal-1');

        const first = store.append('deal-1', events, 0);
        await eventually(() => expect(standIn.log.events.some((event) => event.id === events[0]?.id)).toBe(true));
        const second = otherProcess.append('deal-1', events, 0);
        await eventually(() => expect(standIn.stats.droppedIdempotentWrites).toBeGreaterThanOrEqual(1));
        standIn.log.releaseReplication();

        const [firstResult, secondResult] = await Promise.all([first, second]);
        expect(secondResult).toEqual(firstResult);
        expect(idsOf(await store.readStream('deal-1', { fromRevision: 1 }))).toEqual(idsOf(events));
      },
      SLOW_TEST_TIMEOUT_MS,
    );

    it(
      'given two attempts racing while even the first one\'s id claims are not yet replicated, then both answer the original result',
      async () => {
        const { standIn, store } = await start({ writeTimeoutMs: 20 });
        const otherProcess = await connect(standIn);
        const events = newEvents(2);
        standIn.log.holdReplication();

        const first = store.append('deal-1', events, 'no_stream');
        await eventually(() => expect(standIn.log.events.some((event) => isClaim(event.stream))).toBe(true));
        const second = otherProcess.append('deal-1', events, 'no_stream');
        await eventually(() => expect(callsTo(standIn, 'read-stream', isClaim).length).toBeGreaterThanOrEqual(1));
        standIn.log.releaseReplication();

        const [firstResult, secondResult] = await Promise.all([first, second]);
        expect(secondResult).toEqual(firstResult);
        expect(idsOf(await store.readStream('deal-1'))).toEqual(idsOf(events));
      },
      SLOW_TEST_TIMEOUT_MS,
    );

    it('given a server restarted since (its recent ids forgotten), when an append with any is retried, then the original result, and nothing stored twice', async () => {
      const { standIn, store } = await start();
      const events = newEvents(2);
      const original = await store.append('deal-1', events, 'any');

      standIn.log.forgetRecentWrites();
      const retry = await store.append('deal-1', events, 'any');

      expect(retry).toEqual(original);
      expect(idsOf(await store.readStream('deal-1'))).toEqual(idsOf(events));
    });

    it('given more writes since than the server remembers, when an append with any is retried, then the original result, and nothing stored twice', async () => {
      const { store } = await start({ recentIdsRemembered: 4 });
      const events = newEvents(2);
      const original = await store.append('deal-1', events, 'any');
      for (let index = 0; index < 3; index += 1) await store.append(`other-${index}`, newEvents(2), 'any');

      const retry = await store.append('deal-1', events, 'any');

      expect(retry).toEqual(original);
      expect(idsOf(await store.readStream('deal-1'))).toEqual(idsOf(events));
    });
  });

  describe('4. ACLs', () => {
    const appUser = { name: 'crm', admin: false, readAll: true } as const;

    it('given a user who is not an admin, granted read on $all, when appending, retrying, reusing an id elsewhere, reading and subscribing, then all work as for an admin', async () => {
      const { standIn, store } = await start({ user: appUser });
      const events = newEvents(2);

      const original = await store.append('deal-1', events, 'no_stream');
      const retry = await store.append('deal-1', events, 'no_stream');
      const reused = await rejectionOf(store.append('deal-2', [events[0] ?? newEvent()], 'no_stream'));
      const all = await readAllAfter(store, 'start');
      const subscribed = await new SubscriptionReader(store.subscribe({ from: 'start' })).take(2);

      expect(retry).toEqual(original);
      expect(reused.code).toBe(EventStoreExceptionCode.DUPLICATE_EVENT_ID);
      expect(idsOf(all)).toEqual(idsOf(events));
      expect(idsOf(subscribed)).toEqual(idsOf(events));
      expect(standIn.stats.accessDenied).toBe(0);
    });

    it('given a user without read on $all, when the app connects, then ACCESS_DENIED saying what to grant', async () => {
      const standIn = await WireLevelStandIn.start({ user: { name: 'crm', admin: false, readAll: false } });
      standIns.push(standIn);

      const error = await rejectionOf(EventStoreDbEventStore.connect({ connectionString: standIn.connectionString, clock: systemClock, unavailableRetry: fastRetry }));

      expect([error.code, error.retryable]).toEqual([EventStoreExceptionCode.ACCESS_DENIED, false]);
      expect(error.message).toContain('$all');
      expect(error.message).toContain('$acl');
    });

    it('given the grant is withdrawn while the app runs, when it reads $all, then ACCESS_DENIED, and the store\'s warnings say so', async () => {
      const { standIn, store } = await start({ user: appUser });

      standIn.actAs({ ...appUser, readAll: false });
      const error = await rejectionOf(store.readAll());

      expect(error.code).toBe(EventStoreExceptionCode.ACCESS_DENIED);
      expect(store.warnings()).toEqual([expect.objectContaining({ code: 'ACCESS_DENIED', count: 1, message: expect.stringContaining('$all') })]);
    });
  });

  describe('5. limits', () => {
    it('given an append over 1 MiB, then INVALID_APPEND before anything reaches the server: no claim, no append', async () => {
      const { standIn, store } = await start();
      const callsBefore = standIn.calls.length;

      const error = await rejectionOf(store.append('attachment-1', [newEvent('Attached', { text: 'x'.repeat(1_100_000) })], 'no_stream'));

      expect(error.code).toBe(EventStoreExceptionCode.INVALID_APPEND);
      expect(standIn.calls.slice(callsBefore)).toEqual([]);
    });

    it('given a server configured with a smaller MaxAppendSize, when it refuses an append, then INVALID_APPEND naming its limit', async () => {
      const { standIn, store } = await start({ maxAppendSize: 2_000 });

      const error = await rejectionOf(store.append('attachment-1', [newEvent('Attached', { text: 'x'.repeat(3_000) })], 'no_stream'));

      expect(error.code).toBe(EventStoreExceptionCode.INVALID_APPEND);
      expect(error.message).toContain('2000');
      expect(standIn.stats.appendSizeRefusals).toBe(1);
    });
  });

  describe('6. events another tool wrote', () => {
    const foreignEvents = [
      { name: 'binary', contentType: 'application/octet-stream', data: new Uint8Array([0, 159, 146, 150]) },
      { name: 'malformed JSON', contentType: 'application/json', data: new TextEncoder().encode('{"not": json') },
      { name: 'a JSON array', contentType: 'application/json', data: encode([1, 2]) },
    ];

    it('given foreign events among ours, when reading $all and subscribing, then they are read past and counted once each in the warnings', async () => {
      const { standIn, store } = await start();
      const before = newEvents(2);
      await store.append('deal-1', before, 'no_stream');
      for (const foreign of foreignEvents) {
        standIn.log.append(`legacy-${foreign.name}`, { kind: 'any' }, [{ id: randomUUID(), type: 'LegacyThing', contentType: foreign.contentType, data: foreign.data, metadata: new Uint8Array() }]);
      }
      const after = newEvents(2);
      await store.append('deal-2', after, 'no_stream');

      const read = await readAllAfter(store, 'start');
      const subscribed = await new SubscriptionReader(store.subscribe({ from: 'start' })).take(4);
      const paged = await readAllAfter(store, 'start', undefined, 1);

      expect(idsOf(read)).toEqual(idsOf([...before, ...after]));
      expect(idsOf(subscribed)).toEqual(idsOf(read));
      expect(idsOf(paged)).toEqual(idsOf(read));
      expect(store.warnings()).toEqual([
        expect.objectContaining({ code: 'FOREIGN_EVENTS_SKIPPED', count: 3, message: expect.stringContaining('legacy-a JSON array') }),
      ]);
    });

    it('given a foreign event as the newest of the log, then the head is the last event the store can deliver', async () => {
      const { standIn, store } = await start();
      const appended = await store.append('deal-1', newEvents(1), 'no_stream');
      standIn.log.append('legacy-1', { kind: 'any' }, [{ id: randomUUID(), type: 'LegacyThing', contentType: 'application/octet-stream', data: new Uint8Array([1]), metadata: new Uint8Array() }]);

      const head = await store.headPosition();

      expect(head !== null && comparePositions(head, appended.position)).toBe(0);
    });
  });

  describe('7. log resets', () => {
    it('given a position inside a record, when reading or subscribing from it, then INVALID_POSITION', async () => {
      const { store } = await start();
      const appended = await store.append('deal-1', newEvents(2), 'no_stream');
      const inside: Position = { commit: appended.position.commit + 1n, prepare: appended.position.prepare + 1n };

      const read = await rejectionOf(store.readAll({ from: inside }));
      const subscription = store.subscribe({ from: inside });
      const subscribed = await rejectionOf(subscription[Symbol.asyncIterator]().next());

      expect([read.code, read.retryable]).toEqual([EventStoreExceptionCode.INVALID_POSITION, false]);
      expect(subscribed.code).toBe(EventStoreExceptionCode.INVALID_POSITION);
    });

    it('given a wiped database, when asking for the head, then it lies before a position saved from the old log', async () => {
      const { standIn, store } = await start();
      const saved: AppendResult = await store.append('deal-1', newEvents(20), 'no_stream');

      standIn.wipe();
      await eventually(async () => expect(await store.headPosition()).toBeNull());
      await store.append('deal-9', newEvents(1), 'no_stream');

      const head = await store.headPosition();
      expect(head !== null && comparePositions(head, saved.position)).toBe(-1);
    });
  });
});
