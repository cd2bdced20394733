import type { NewEvent } from '../event-store.port';
import { idsOf, newEvents } from './event-fixtures';
import type { StoreContext } from './store-context';
import { SLOW_TEST_TIMEOUT_MS } from './test-timeouts';


export const describeLongStreamContract = (context: StoreContext): void => {
  describe('long streams', () => {
    it(
      'given 5,000 events in one stream, when read back whole and in slices, then revisions are in order without gaps',
      async () => {
        const stream = context.stream('pipeline-1');
        const appended: NewEvent[] = [];
        let expected: number | 'no_stream' = 'no_stream';
        for (let batch = 0; batch < 10; batch += 1) {
          const events = newEvents(500, 'StageEntered', (n) => ({ n: batch * 500 + n }));
          expected = (await context.store.append(stream, events, expected)).nextExpectedRevision;
          appended.push(...events);
        }

        const whole = await context.store.readStream(stream);
        const slice = await context.store.readStream(stream, { fromRevision: 4_990, maxCount: 5 });
        const tail = await context.store.readStream(stream, { fromRevision: 4_998, maxCount: 100 });
        const beyond = await context.store.readStream(stream, { fromRevision: 5_000 });

        expect(expected).toBe(4_999);
        expect(whole.map((event) => event.revision)).toEqual(Array.from({ length: 5_000 }, (_, revision) => revision));
        expect(idsOf(whole)).toEqual(idsOf(appended));
        expect(slice.map((event) => event.revision)).toEqual([4_990, 4_991, 4_992, 4_993, 4_994]);
        expect(slice.map((event) => event.data)).toEqual([4_990, 4_991, 4_992, 4_993, 4_994].map((n) => ({ n })));
        expect(tail.map((event) => event.revision)).toEqual([4_998, 4_999]);
        expect(beyond).toEqual([]);
      },
      SLOW_TEST_TIMEOUT_MS,
    );

    it(
      'given one append of 2,000 events, when read back, then it is stored whole',
      async () => {
        const stream = context.stream('import-1');
        const events = newEvents(2_000, 'DealImported');

        const result = await context.store.append(stream, events, 'no_stream');

        expect(result.nextExpectedRevision).toBe(1_999);
        expect(idsOf(await context.store.readStream(stream))).toEqual(idsOf(events));
      },
      SLOW_TEST_TIMEOUT_MS,
    );
  });
};
