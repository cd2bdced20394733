import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { ManualClock, systemClock } from '@crm/clock';
import { eventually, idsOf, NEVER_DURING_A_TEST_MS, newEvent, newEvents, rejectionOf, settle, SubscriptionReader } from '../contract';
import { maxStreamNameLength } from '../append-input.validation';
import { EventStoreExceptionCode } from '../event-store.exception';
import { SqliteEventStore } from './sqlite-event-store';

describe('SqliteEventStore', () => {
  let directory: string;
  const opened: SqliteEventStore[] = [];
  const open = async (options: { livePollIntervalMs?: number; readOnly?: boolean; clock?: ManualClock; maxGroupSize?: number } = {}) => {
    const store = await SqliteEventStore.open({ directory, clock: systemClock, ...options });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'crm-event-store-sqlite-'));
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    rmSync(directory, { recursive: true, force: true });
  });

  describe('group commit', () => {
    it('given 200 appends issued at once, when they complete, then they took far fewer transactions than appends', async () => {
      const store = await open();

      const { fulfilled, rejected } = await settle(
        Array.from({ length: 200 }, (_, index) => store.append(`deal-${index}`, newEvents(2), 'no_stream')),
      );

      expect(rejected).toEqual([]);
      expect(fulfilled).toHaveLength(200);
      expect(store.stats().transactions).toBeLessThanOrEqual(2);
      expect(store.stats().committedAppends).toBe(200);
      expect(store.stats().largestGroup).toBeGreaterThan(100);
    });

    it('given a group cap of 10, when 35 appends are issued at once, then they commit in 4 transactions', async () => {
      const store = await open({ maxGroupSize: 10 });

      await Promise.all(Array.from({ length: 35 }, (_, index) => store.append(`deal-${index}`, newEvents(1), 'no_stream')));

      expect(store.stats()).toMatchObject({ transactions: 4, committedAppends: 35, largestGroup: 10 });
    });

    it('given one group, when its middle member conflicts, then only that member fails and a later member sees the earlier one', async () => {
      const store = await open();

      const [opened, conflicting, following] = await Promise.allSettled([
        store.append('deal-1', [newEvent('DealOpened')], 'no_stream'),
        store.append('deal-2', [newEvent('DealMoved')], 5),
        store.append('deal-1', [newEvent('DealMoved')], 0),
      ]);

      expect(store.stats().transactions).toBe(1);
      expect(opened).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0 } });
      expect(conflicting).toMatchObject({ status: 'rejected', reason: { code: EventStoreExceptionCode.WRONG_EXPECTED_REVISION } });
      expect(following).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1 } });
      expect(await store.readStream('deal-1')).toHaveLength(2);
      expect(await store.readStream('deal-2')).toEqual([]);
    });

    it('given two members of one group with the same event, then the second is an idempotent retry of the first', async () => {
      const store = await open();
      const event = newEvent('DealOpened');

      const [first, second] = await Promise.all([store.append('deal-1', [event], 'no_stream'), store.append('deal-1', [event], 'no_stream')]);

      expect(second).toEqual(first);
      expect(await store.readStream('deal-1')).toHaveLength(1);
    });

    it('given appends in flight, when the store is closed, then they are committed before the file closes', async () => {
      const store = await open();
      const inFlight = store.append('deal-1', newEvents(3), 'no_stream');

      await store.close();

      await expect(inFlight).resolves.toMatchObject({ nextExpectedRevision: 2 });
      const reopened = await open();
      expect(await reopened.readStream('deal-1')).toHaveLength(3);
    });

    it('given a clock, when a group commits, then recordedAt is the clock at the flush', async () => {
      const clock = new ManualClock('2026-05-05T05:05:05.000Z');
      const store = await open({ clock });

      await store.append('deal-1', [newEvent('DealOpened', {}, { occurredAt: '2019-01-01T00:00:00Z' })], 'no_stream');

      const [stored] = await store.readStream('deal-1');
      expect(stored).toMatchObject({ occurredAt: '2019-01-01T00:00:00.000Z', recordedAt: '2026-05-05T05:05:05.000Z' });
    });
  });

  describe('durability and sharing the file', () => {
    it('given appended events, when the store is closed and reopened, then they are read back and positions continue', async () => {
      const first = await open();
      const written = await first.append('deal-1', newEvents(3), 'no_stream');
      await first.close();

      const reopened = await open();
      const next = await reopened.append('deal-1', newEvents(1), 2);

      expect(await reopened.readStream('deal-1')).toHaveLength(4);
      expect(next.position.commit).toBe(written.position.commit + 1n);
    });

    it('given a second store on the same file, when the first appends, then the second subscription sees it by polling', async () => {
      const writer = await open();
      const watcher = await open({ livePollIntervalMs: 20 });
      const reader = new SubscriptionReader(watcher.subscribe({ from: 'end' }));
      const events = newEvents(3);

      await writer.append('deal-1', events, 'no_stream');

      expect(idsOf(await reader.take(3))).toEqual(idsOf(events));
      await reader.subscription.close();
    });

    it('given two stores on the same file, when both append to one stream, then revisions are checked across them', async () => {
      const first = await open();
      const second = await open();
      await first.append('deal-1', newEvents(1), 'no_stream');

      const error = await rejectionOf(second.append('deal-1', newEvents(1), 'no_stream'));

      expect(error.code).toBe(EventStoreExceptionCode.WRONG_EXPECTED_REVISION);
      await expect(second.append('deal-1', newEvents(1), 0)).resolves.toMatchObject({ nextExpectedRevision: 1 });
    });

    it('given a store opened read-only, when appending, then every member of the group fails with UNAVAILABLE and nothing is written', async () => {
      const writable = await open();
      await writable.append('deal-1', newEvents(2), 'no_stream');
      const readOnly = await open({ readOnly: true });

      const { fulfilled, rejected } = await settle([
        readOnly.append('deal-1', newEvents(1), 1),
        readOnly.append('deal-2', newEvents(1), 'no_stream'),
      ]);

      expect(fulfilled).toEqual([]);
      expect(rejected.map((error) => error.code)).toEqual([EventStoreExceptionCode.UNAVAILABLE, EventStoreExceptionCode.UNAVAILABLE]);
      expect(rejected[0].message).toMatch(/not stored.*SQLITE_READONLY/);
      expect(await readOnly.readStream('deal-1')).toHaveLength(2);
      expect(await writable.readAll()).toHaveLength(2);
    });

    it('given a transaction that fails half-way (database full), when a group commits, then every member fails and no event is stored', async () => {
      const store = await open();
      await store.append('seed', newEvents(1), 'no_stream');
      // SQLITE_FULL on demand: `max_page_count` caps the file for one connection only, so the test reaches
      // the store's private connection and lets the file grow by one page: room for the small member,
      // none for the big one that follows it in the same transaction.
      const connection = (store as unknown as { db: Database }).db;
      connection.pragma(`max_page_count = ${(connection.pragma('page_count', { simple: true }) as number) + 1}`);
      const big = { blob: 'x'.repeat(64 * 1024) };

      const { fulfilled, rejected } = await settle([
        store.append('deal-1', [newEvent('Small')], 'no_stream'),
        store.append('deal-2', [newEvent('Big', big), newEvent('Big', big)], 'no_stream'),
      ]);

      expect(fulfilled).toEqual([]);
      expect(rejected.map((error) => error.code)).toEqual([EventStoreExceptionCode.UNAVAILABLE, EventStoreExceptionCode.UNAVAILABLE]);
      expect(rejected[0].message).toContain('SQLITE_FULL');
      expect((await store.readAll()).map((event) => event.stream)).toEqual(['seed']);
    });

    it('given a directory without a store, when opened read-only, then the error names the file', async () => {
      await expect(open({ readOnly: true })).rejects.toThrow(/cannot open the SQLite event store at .*events\.sqlite \(read-only\)/);
    });
  });

  describe('reading', () => {
    it('given empty filter lists, when reading all, then nothing matches (an empty "any of" is false)', async () => {
      const store = await open();
      await store.append('deal-1', newEvents(2), 'no_stream');

      expect(await store.readAll({ filter: { streamPrefixes: [] } })).toEqual([]);
      expect(await store.readAll({ filter: { eventTypes: [] } })).toEqual([]);
      expect(await store.readAll({ filter: {} })).toHaveLength(2);
    });

    it('given a negative maxCount, when reading, then it is refused instead of read as unlimited', async () => {
      const store = await open();

      await expect(store.readAll({ maxCount: -1 })).rejects.toThrow(RangeError);
      await expect(store.readStream('deal-1', { maxCount: -1 })).rejects.toThrow(RangeError);
    });

    it('given a stream name longer than the limit, when appending, then INVALID_APPEND', async () => {
      const store = await open();

      const error = await rejectionOf(store.append('s'.repeat(maxStreamNameLength + 1), newEvents(1), 'any'));

      expect(error.code).toBe(EventStoreExceptionCode.INVALID_APPEND);
    });

    it('given an upper-case UUID, when appended, then it is stored lower-case and a retry in either case is idempotent', async () => {
      const store = await open();
      const event = newEvent('DealOpened');
      const first = await store.append('deal-1', [{ ...event, id: event.id.toUpperCase() }], 'no_stream');

      const retry = await store.append('deal-1', [event], 'no_stream');

      expect(retry).toEqual(first);
      expect(idsOf(await store.readStream('deal-1'))).toEqual([event.id]);
    });
  });

  describe('subscriptions', () => {
    it('given subscriptions ended by break and by close, then the store holds none open', async () => {
      const store = await open();
      await store.append('deal-1', newEvents(3), 'no_stream');
      for await (const event of store.subscribe()) {
        expect(event.revision).toBe(0);
        break;
      }
      const closed = store.subscribe();
      const kept = store.subscribe();
      expect(store.stats().openSubscriptions).toBe(2);

      await closed.close();

      expect(store.stats().openSubscriptions).toBe(1);
      await kept.close();
      expect(store.stats().openSubscriptions).toBe(0);
    });

    it('given a live subscription, when the store closes, then the iteration ends', async () => {
      const store = await open();
      const subscription = store.subscribe({ from: 'end' });
      const loop = (async () => {
        let count = 0;
        for await (const event of subscription) count += event ? 1 : 0;
        return count;
      })();

      await store.close();

      await expect(loop).resolves.toBe(0);
    });

    it('given a filter that matches nothing for a while, when more events are appended, then each read looks only at the new events and the first match still arrives', async () => {
      const store = await open({ livePollIntervalMs: NEVER_DURING_A_TEST_MS });
      await store.append('deal-1', newEvents(50), 'no_stream');
      const reader = new SubscriptionReader(store.subscribe({ filter: { streamPrefixes: ['lead-'] } }));
      type Spied = { all: (parameters: { after: bigint }) => unknown[] };
      const statements = (store as unknown as { statements: { readAll: Spied; readAllByPrefix: Spied } }).statements;
      const readAfter: bigint[] = [];
      // Near the head the read is the live tail's (every subscription shares it), further back the filtered one.
      for (const statement of [statements.readAll, statements.readAllByPrefix]) {
        const all = statement.all.bind(statement);
        statement.all = (parameters) => {
          readAfter.push(BigInt(parameters.after));
          return all(parameters);
        };
      }
      expect(await reader.next(20)).toBe('timeout');

      await store.append('deal-2', newEvents(30), 'no_stream');
      await eventually(async () => expect(readAfter.length).toBeGreaterThanOrEqual(2));
      const lead = await store.append('lead-1', newEvents(1), 'no_stream');

      expect((await reader.take(1))[0]?.position).toEqual(lead.position);
      expect(readAfter.slice(0, 3)).toEqual([0n, 50n, 80n]);
      await reader.subscription.close();
    });

    it('given a subscription waiting in-process, when an append commits, then it is woken without waiting for the poll', async () => {
      const store = await open({ livePollIntervalMs: NEVER_DURING_A_TEST_MS });
      const reader = new SubscriptionReader(store.subscribe({ from: 'end' }));
      await eventually(async () => expect(await reader.next(5)).toBe('timeout'));

      await store.append('deal-1', newEvents(1), 'no_stream');

      expect(await reader.take(1)).toHaveLength(1);
      await reader.subscription.close();
    });
  });
});
