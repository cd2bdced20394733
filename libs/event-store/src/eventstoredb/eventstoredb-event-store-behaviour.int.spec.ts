import { randomUUID } from 'node:crypto';
import { ManualClock } from '@crm/clock';
import {
  eventually,
  idsOf,
  newEvent,
  newEvents,
  present,
  PROBE_TIMEOUT_MS,
  readAllAfter,
  rejectionOf,
  SLOW_TEST_TIMEOUT_MS,
  SubscriptionReader,
} from '../contract';
import { EventStoreException, EventStoreExceptionCode } from '../event-store.exception';
import type { StoredEvent } from '../event-store.port';
import { comparePositions, parsePosition, serializePosition } from '../position';
import { claimStreamOf } from './event-id-claims';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { WireLevelStandIn, type WireLevelStandInOptions } from './stand-in/wire-level-stand-in';

const testBackoff = { initialMs: 5, maxMs: 40 };
// Outages here last until the test ends them: the store gives up quickly and the test sees the refusal.
const shortRetry = { initialMs: 5, maxMs: 10, totalMs: 50 };

/**
 * Retries a call while it fails UNAVAILABLE, as a caller does right after a server comes back (the client
 * is still reconnecting). Bounded by time, not attempts: how long reconnecting takes depends on the load.
 */
const whenAvailable = async <Result>(call: () => Promise<Result>): Promise<Result> => {
  const deadline = Date.now() + PROBE_TIMEOUT_MS;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof EventStoreException && error.retryable) || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
};
const encode = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
const decode = (bytes: Uint8Array): unknown => JSON.parse(new TextDecoder().decode(bytes));

describe('EventStoreDbEventStore against the wire-level stand-in', () => {
  const opened: { standIn: WireLevelStandIn; store: EventStoreDbEventStore }[] = [];

  const start = async (options: WireLevelStandInOptions = {}): Promise<{ standIn: WireLevelStandIn; store: EventStoreDbEventStore }> => {
    const standIn = await WireLevelStandIn.start(options);
    const store = await EventStoreDbEventStore.connect({
      connectionString: standIn.connectionString,
      clock: new ManualClock('2026-03-01T09:00:00.000Z'),
      resubscribeBackoff: testBackoff,
      unavailableRetry: shortRetry,
    });
    opened.push({ standIn, store });
    return { standIn, store };
  };

  afterEach(async () => {
    for (const { standIn, store } of opened.splice(0)) {
      await store.close();
      await standIn.stop();
    }
  });

  describe('subscriptions that lose their call', () => {
    it('given a catch-up the stand-in drops mid-stream three times, when reading on, then every event arrives once, in order', async () => {
      const { standIn, store } = await start();
      for (const stream of ['deal-1', 'deal-2', 'deal-3']) await store.append(stream, newEvents(100), 'no_stream');
      standIn.dropSubscriptionsAfter(70, 3);
      const reader = new SubscriptionReader(store.subscribe({ from: 'start' }));

      const delivered = await reader.take(300);

      expect(idsOf(delivered)).toEqual(idsOf(await readAllAfter(store, 'start')));
      expect(new Set(idsOf(delivered)).size).toBe(300);
      expect(standIn.stats.subscriptionsDropped).toBe(3);
      expect(standIn.stats.subscriptionsOpened).toBe(4);
      await reader.subscription.close();
    });

    it('given a live subscription, when its call is dropped between appends, then it resumes after the last delivered event', async () => {
      const { standIn, store } = await start();
      const reader = new SubscriptionReader(store.subscribe({ from: 'start', filter: { streamPrefixes: ['deal-'] } }));
      const first = newEvents(5);
      await store.append('deal-1', first, 'no_stream');
      const before = await reader.take(5);

      standIn.dropSubscriptions();
      const during = newEvents(5);
      await store.append('deal-1', during, 4);
      await store.append('note-1', newEvents(2), 'no_stream');
      const sentinel = newEvent('DealMoved');
      await store.append('deal-2', [sentinel], 'no_stream');
      const after = await reader.take(6);

      expect(idsOf(before)).toEqual(idsOf(first));
      // The sentinel right after the five, rather than a quiet moment, shows nothing was delivered twice.
      expect(idsOf(after)).toEqual([...idsOf(during), sentinel.id]);
      expect(standIn.stats.subscriptionsDropped).toBe(1);
      await reader.subscription.close();
    });

    it('given a consumer waiting while the server is unavailable, when it is back, then the subscription has kept retrying and misses nothing', async () => {
      const { standIn, store } = await start();
      await store.append('deal-1', newEvents(3), 'no_stream');
      const reader = new SubscriptionReader(store.subscribe({ from: 'end' }));
      await store.append('deal-1', [newEvent('DealMoved')], 2);
      await reader.take(1);
      // Waits through the outage below and the reconnection after it, each bounded by a probe's timeout.
      const waiting = reader.take(3, 3 * PROBE_TIMEOUT_MS);

      const readsBefore = standIn.stats.readCalls;
      standIn.failWith('unavailable');
      await eventually(() => expect(standIn.stats.readCalls - readsBefore).toBeGreaterThanOrEqual(3));
      standIn.failWith(null);
      const late = newEvents(3, 'DealMoved');
      await whenAvailable(() => store.append('deal-1', late, 3));

      expect(idsOf(await waiting)).toEqual(idsOf(late));
      await reader.subscription.close();
    }, SLOW_TEST_TIMEOUT_MS);
  });

  describe('unavailable servers', () => {
    it('given the server answers UNAVAILABLE, when used, then every call fails UNAVAILABLE and retryable, and nothing is stored', async () => {
      const { standIn, store } = await start();
      const events = newEvents(2);
      standIn.failWith('unavailable');

      const refusals = [
        await rejectionOf(store.append('deal-1', events, 'no_stream')),
        await rejectionOf(store.readStream('deal-1')),
        await rejectionOf(store.readAll()),
        await rejectionOf(store.headPosition()),
      ];

      expect(refusals.map((error) => [error.code, error.retryable])).toEqual(Array(4).fill([EventStoreExceptionCode.UNAVAILABLE, true]));
      standIn.failWith(null);
      await whenAvailable(() => store.append('deal-1', events, 'no_stream'));
      expect(idsOf(await store.readStream('deal-1'))).toEqual(idsOf(events));
    });

    it('given a follower answers NOT-LEADER, when appending, then it is UNAVAILABLE and retryable, and the retry reaches the leader', async () => {
      const { standIn, store } = await start();
      standIn.failWith('not-leader');
      const events = newEvents(1);

      const error = await rejectionOf(store.append('deal-1', events, 'no_stream'));
      standIn.failWith(null);
      const retry = await whenAvailable(() => store.append('deal-1', events, 'no_stream'));

      expect([error.code, error.retryable]).toEqual([EventStoreExceptionCode.UNAVAILABLE, true]);
      expect(retry.nextExpectedRevision).toBe(0);
    });
  });

  describe('positions', () => {
    it('given log positions above 2^53, when read, serialized, parsed and used to read and subscribe, then they stay exact', async () => {
      const first = 2n ** 60n + 3n;
      const { standIn, store } = await start({ firstLogPosition: first });
      await store.append('deal-1', newEvents(4), 'no_stream');
      await store.append('deal-2', newEvents(3), 'no_stream');

      const all = await readAllAfter(store, 'start');
      const logged = standIn.log.events.filter((event) => event.stream.startsWith('deal-')).map((event) => event.position);
      const third = parsePosition(serializePosition(all[2].position));

      expect(all.map((event) => event.position.commit)).toEqual(logged);
      expect(all.every((event) => event.position.commit > BigInt(Number.MAX_SAFE_INTEGER))).toBe(true);
      expect(comparePositions(third, all[2].position)).toBe(0);
      expect(idsOf(await store.readAll({ from: third }))).toEqual(idsOf(all.slice(3)));
      expect(idsOf(await new SubscriptionReader(store.subscribe({ from: third })).take(4))).toEqual(idsOf(all.slice(3)));
      expect(comparePositions(present(await store.headPosition(), 'the head position'), all[6].position)).toBe(0);
    });

    it('given only system events, when asking for the head, then there is none; appends are what the head follows', async () => {
      const { standIn, store } = await start();

      const emptyHead = await store.headPosition();
      const appended = await store.append('deal-1', newEvents(2), 'no_stream');

      expect(standIn.log.events.length).toBeGreaterThan(0);
      expect(emptyHead).toBeNull();
      expect(comparePositions(present(await store.headPosition(), 'the head position'), appended.position)).toBe(0);
    });
  });

  describe('how events are stored', () => {
    it('given metadata and occurredAt, when appended, then the server holds them in one envelope and recordedAt is its created time', async () => {
      const now = new Date('2026-03-02T10:00:00.123Z');
      const { standIn, store } = await start({ now: () => now });
      const event = newEvent('DealWon', { amount: 5 }, { metadata: { actor: 'agent-7' }, occurredAt: '2020-01-01T00:00:00+01:00' });

      await store.append('deal-1', [event], 'no_stream');

      const [logged] = standIn.log.events.filter((entry) => entry.stream === 'deal-1');
      const [stored] = await store.readStream('deal-1');
      expect(decode(logged.metadata)).toEqual({ occurredAt: '2019-12-31T23:00:00.000Z', metadata: { actor: 'agent-7' } });
      expect(decode(logged.data)).toEqual({ amount: 5 });
      expect(logged.contentType).toBe('application/json');
      expect(stored).toMatchObject({ metadata: { actor: 'agent-7' }, occurredAt: '2019-12-31T23:00:00.000Z', recordedAt: now.toISOString() });
    });

    it('given an event another tool wrote without an envelope, when read, then its metadata is kept and occurredAt is its recorded time', async () => {
      const now = new Date('2026-03-02T10:00:00.000Z');
      const { standIn, store } = await start({ now: () => now });
      const id = randomUUID();
      standIn.log.append('legacy-1', { kind: 'any' }, [
        { id, type: 'LegacyImported', contentType: 'application/json', data: encode({ n: 1 }), metadata: encode({ source: 'csv' }) },
      ]);

      const [stored] = await store.readStream('legacy-1');

      expect(stored).toMatchObject({ id, data: { n: 1 }, metadata: { source: 'csv' }, occurredAt: now.toISOString(), recordedAt: now.toISOString() });
    });

    it('given appends, when reading the server log, then each id is claimed in a user stream that reads, heads and subscriptions skip', async () => {
      const { standIn, store } = await start();
      const events = newEvents(3);

      await store.append('deal-1', events, 'no_stream');

      const claims = events.map((event) => standIn.log.events.find((entry) => entry.stream === claimStreamOf(event.id)));
      expect(claims.map((claim) => claim && decode(claim.data))).toEqual(Array(3).fill({ stream: 'deal-1' }));
      expect(idsOf(await store.readAll())).toEqual(idsOf(events));
      expect(idsOf(await new SubscriptionReader(store.subscribe({ from: 'start' })).take(3))).toEqual(idsOf(events));
    });
  });

  describe('event ids after a failed append', () => {
    it('given an append refused for its expected revision, when the same ids are appended with other content at the right revision, then they are stored', async () => {
      const { store } = await start();
      await store.append('deal-1', newEvents(2), 'no_stream');
      const id = randomUUID();

      const conflict = await rejectionOf(store.append('deal-1', [{ id, type: 'DealMoved', data: { stage: 'b' } }], 0));
      const retried = await store.append('deal-1', [{ id, type: 'DealMoved', data: { stage: 'c' } }], 1);

      expect(conflict.code).toBe(EventStoreExceptionCode.WRONG_EXPECTED_REVISION);
      expect(retried.nextExpectedRevision).toBe(2);
      expect((await store.readStream('deal-1', { fromRevision: 2 })).map((event) => event.data)).toEqual([{ stage: 'c' }]);
    });

    it('given an append refused for its expected revision, when its id is used in another stream, then DUPLICATE_EVENT_ID (the claim binds it)', async () => {
      const { store } = await start();
      const event = newEvent('DealOpened');

      await rejectionOf(store.append('deal-1', [event], 3));
      const moved = await rejectionOf(store.append('deal-2', [event], 'no_stream'));

      expect(moved.code).toBe(EventStoreExceptionCode.DUPLICATE_EVENT_ID);
      expect(moved.message).toContain('already used in stream "deal-1"');
    });

    it('given two attempts of one command racing with the same ids and other content, then one is stored and the other is refused', async () => {
      const { store } = await start();
      await store.append('deal-1', newEvents(1), 'no_stream');
      const id = randomUUID();

      const stages = ['a', 'b', 'c', 'd'];
      const outcomes = await Promise.allSettled(stages.map((stage) => store.append('deal-1', [{ id, type: 'DealMoved', data: { stage } }], 0)));

      const stored = await store.readStream('deal-1');
      const winners = stages.filter((_, index) => outcomes[index].status === 'fulfilled');
      const refusals = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [(outcome.reason as { code?: unknown }).code] : []));
      expect(stored.map((event) => event.id)).toEqual([stored[0].id, id]);
      expect(winners).toHaveLength(1);
      expect(stored[1].data).toEqual({ stage: winners[0] });
      expect(refusals).toEqual(Array(3).fill(EventStoreExceptionCode.DUPLICATE_EVENT_ID));
    });
  });

  describe('older servers without ServerFeatures', () => {
    it('given the client falls back to plain Append, when appending, conflicting and retrying, then the mapping is the same', async () => {
      const { standIn, store } = await start({ serverFeatures: false });
      const events = newEvents(3);

      const first = await store.append('deal-1', events, 'no_stream');
      const retry = await store.append('deal-1', events, 'no_stream');
      const conflict = await rejectionOf(store.append('deal-1', newEvents(1), 1));
      const stored: StoredEvent[] = await store.readStream('deal-1');

      expect(retry).toEqual(first);
      expect([conflict.code, conflict.details.actualRevision]).toEqual([EventStoreExceptionCode.WRONG_EXPECTED_REVISION, 2]);
      expect(idsOf(stored)).toEqual(idsOf(events));
      expect(standIn.stats.appendCalls).toBeGreaterThan(0);
      expect(standIn.stats.batchAppendRequests).toBe(0);
    });
  });
});
