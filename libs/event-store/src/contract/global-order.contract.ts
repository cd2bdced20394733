import type { StoredEvent } from '../event-store.port';
import { comparePositions, parsePosition, serializePosition } from '../position';
import { idsOf, newEvents, readAllAfter, startOf } from './event-fixtures';
import type { StoreContext } from './store-context';

const expectStrictlyIncreasing = (events: readonly StoredEvent[]): void => {
  events.slice(1).forEach((event, index) => {
    expect(comparePositions(event.position, events[index].position)).toBe(1);
  });
};

export const describeGlobalOrderContract = (context: StoreContext): void => {
  describe('global order', () => {
    it('given appends interleaved across streams, when reading all, then positions strictly increase in append order', async () => {
      const start = await startOf(context.store);
      const appended = [
        { stream: context.stream('a'), events: newEvents(2) },
        { stream: context.stream('b'), events: newEvents(3) },
        { stream: context.stream('a'), events: newEvents(1) },
        { stream: context.stream('c'), events: newEvents(2) },
      ];
      const results = [];
      for (const { stream, events } of appended) results.push(await context.store.append(stream, events, 'any'));

      const all = await context.store.readAll({ from: start });

      expect(idsOf(all)).toEqual(appended.flatMap(({ events }) => idsOf(events)));
      expectStrictlyIncreasing(all);
      const lastOfEachAppend = [1, 4, 5, 7].map((index) => all[index].position);
      results.forEach((result, index) => expect(comparePositions(result.position, lastOfEachAppend[index])).toBe(0));
    });

    it('given 25 events, when reading all in pages of 7 continuing from the last position, then the pages join without gap or duplicate', async () => {
      const start = await startOf(context.store);
      for (const stream of ['a', 'b', 'c', 'a', 'b']) await context.store.append(context.stream(stream), newEvents(5), 'any');
      const everything = await context.store.readAll({ from: start, maxCount: 100 });

      const pages: StoredEvent[][] = [];
      let cursor = start;
      for (;;) {
        const page = await context.store.readAll({ from: cursor, maxCount: 7 });
        if (page.length === 0) break;
        pages.push(page);
        cursor = page[page.length - 1].position;
      }

      expect(pages.map((page) => page.length)).toEqual([7, 7, 7, 4]);
      expect(idsOf(pages.flat())).toEqual(idsOf(everything));
      expect(everything).toHaveLength(25);
    });

    it('given 1,200 events, when reading all without maxCount, then one page holds the first 1,000', async () => {
      const start = await startOf(context.store);
      for (let batch = 0; batch < 4; batch += 1) await context.store.append(context.stream(`bulk-${batch}`), newEvents(300), 'no_stream');

      const page = await context.store.readAll({ from: start });

      expect(page).toHaveLength(1_000);
      expectStrictlyIncreasing(page);
    });

    it('given a stored position, when serialized and parsed back, then it compares equal and reads from the same place', async () => {
      const start = await startOf(context.store);
      await context.store.append(context.stream('a'), newEvents(6), 'no_stream');
      const all = await readAllAfter(context.store, start);
      const middle = all[2].position;

      const parsed = parsePosition(serializePosition(middle));

      expect(comparePositions(parsed, middle)).toBe(0);
      expect(serializePosition(parsed)).toBe(serializePosition(middle));
      expect(idsOf(await context.store.readAll({ from: parsed }))).toEqual(idsOf(all.slice(3)));
      expect(comparePositions(all[1].position, middle)).toBe(-1);
      expect(comparePositions(all[3].position, middle)).toBe(1);
    });

    it('given the position of the last event, when reading all after it, then the page is empty', async () => {
      const last = await context.store.append(context.stream('a'), newEvents(3), 'no_stream');

      await expect(context.store.readAll({ from: last.position })).resolves.toEqual([]);
    });
  });
};
