import { EventStoreExceptionCode } from '../event-store.exception';
import type { AppendResult, EventStore, NewEvent } from '../event-store.port';
import { comparePositions } from '../position';
import { settle } from './async-probes';
import { idsOf, newEvent, newEvents, readAllAfter, startOf } from './event-fixtures';
import { present } from './present';
import type { StoreContext } from './store-context';
import { SLOW_TEST_TIMEOUT_MS } from './test-timeouts';

const range = (count: number): number[] => Array.from({ length: count }, (_, index) => index);

/** Reads the stream's revision and appends with it, retrying on conflict: an optimistic writer. */
const appendOptimistically = async (store: EventStore, stream: string, event: NewEvent): Promise<{ result: AppendResult; conflicts: number }> => {
  for (let conflicts = 0; conflicts < 200; conflicts += 1) {
    const events = await store.readStream(stream);
    const expected = events.length === 0 ? 'no_stream' : events[events.length - 1].revision;
    try {
      return { result: await store.append(stream, [event], expected), conflicts };
    } catch (error) {
      if ((error as { code?: unknown }).code !== EventStoreExceptionCode.WRONG_EXPECTED_REVISION) throw error;
    }
  }
  throw new Error(`gave up appending ${event.id} after 200 conflicts`);
};

export const describeConcurrencyContract = (context: StoreContext): void => {
  describe('concurrent appenders', () => {
    it(
      'given 64 appenders on 64 new streams at once, when all append, then all succeed with contiguous events in global order',
      async () => {
        const start = await startOf(context.store);
        const appends = range(64).map((index) => ({ stream: context.stream(`deal-${index}`), events: newEvents(3) }));

        const { fulfilled, rejected } = await settle(appends.map(({ stream, events }) => context.store.append(stream, events, 'no_stream')));

        expect(rejected).toEqual([]);
        expect(fulfilled.every((result) => result.nextExpectedRevision === 2)).toBe(true);
        const all = await readAllAfter(context.store, start);
        expect(all).toHaveLength(192);
        expect(new Set(all.map((event) => `${event.position.commit}/${event.position.prepare}`)).size).toBe(192);
        for (const { stream, events } of appends) {
          const at = all.findIndex((event) => event.id === events[0].id);
          expect(all.slice(at, at + 3).map((event) => [event.stream, event.revision])).toEqual([0, 1, 2].map((revision) => [stream, revision]));
        }
        fulfilled.forEach((result, index) => {
          const last = all.find((event) => event.id === appends[index].events[2].id);
          expect(comparePositions(result.position, present(last, `the last event of append ${index}`).position)).toBe(0);
        });
      },
      SLOW_TEST_TIMEOUT_MS,
    );

    it('given 32 appenders racing on one stream with the same expected revision, then exactly one wins and the others conflict', async () => {
      const stream = context.stream('deal-1');
      await context.store.append(stream, [newEvent('DealOpened')], 'no_stream');
      const contenders = range(32).map(() => newEvent('DealMoved'));

      const { fulfilled, rejected } = await settle(contenders.map((event) => context.store.append(stream, [event], 0)));

      expect(fulfilled).toHaveLength(1);
      expect(fulfilled[0].nextExpectedRevision).toBe(1);
      expect(rejected).toHaveLength(31);
      expect(rejected.every((error) => error.code === EventStoreExceptionCode.WRONG_EXPECTED_REVISION)).toBe(true);
      expect(rejected.every((error) => error.details.actualRevision === 1)).toBe(true);
      expect(await context.store.readStream(stream)).toHaveLength(2);
    });

    it(
      'given 32 optimistic writers retrying on conflict, when all finish, then each revision has exactly one winner and there is no gap',
      async () => {
        const stream = context.stream('deal-1');
        const writes = range(32).map(() => newEvent('DealMoved'));

        const outcomes = await Promise.all(writes.map((event) => appendOptimistically(context.store, stream, event)));

        const stored = await context.store.readStream(stream);
        expect(stored.map((event) => event.revision)).toEqual(range(32));
        expect([...idsOf(stored)].sort()).toEqual([...idsOf(writes)].sort());
        expect(outcomes.map(({ result }) => result.nextExpectedRevision).sort((a, b) => a - b)).toEqual(range(32));
        expect(outcomes.reduce((sum, { conflicts }) => sum + conflicts, 0)).toBeGreaterThan(0);
      },
      SLOW_TEST_TIMEOUT_MS,
    );

    it('given 32 appenders on one stream with any, when all append at once, then all are stored with gap-free revisions', async () => {
      const stream = context.stream('deal-1');
      const writes = range(32).map(() => newEvents(2));

      const { fulfilled, rejected } = await settle(writes.map((events) => context.store.append(stream, events, 'any')));

      expect(rejected).toEqual([]);
      const stored = await context.store.readStream(stream);
      expect(stored.map((event) => event.revision)).toEqual(range(64));
      expect([...idsOf(stored)].sort()).toEqual(writes.flat().map((event) => event.id).sort());
      expect(fulfilled.map((result) => result.nextExpectedRevision).sort((a, b) => a - b)).toEqual(range(32).map((index) => index * 2 + 1));
    });
  });
};
