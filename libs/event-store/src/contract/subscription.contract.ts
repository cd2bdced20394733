import { setTimeout as delay } from 'node:timers/promises';
import type { StoredEvent } from '../event-store.port';
import { comparePositions } from '../position';
import { eventually, SubscriptionReader } from './async-probes';
import { idsOf, newEvent, newEvents, readAllAfter, startOf } from './event-fixtures';
import type { StoreContext } from './store-context';
import { SLOW_TEST_TIMEOUT_MS } from './test-timeouts';


const expectGlobalOrderWithoutDuplicates = (events: readonly StoredEvent[]): void => {
  events.slice(1).forEach((event, index) => expect(comparePositions(event.position, events[index].position)).toBe(1));
  expect(new Set(idsOf(events)).size).toBe(events.length);
};

export const describeSubscriptionContract = (context: StoreContext): void => {
  describe('subscriptions', () => {
    const readers: SubscriptionReader[] = [];
    const subscribe = (options: Parameters<StoreContext['store']['subscribe']>[0]): SubscriptionReader => {
      const reader = new SubscriptionReader(context.store.subscribe(options));
      readers.push(reader);
      return reader;
    };

    afterEach(async () => {
      await Promise.all(readers.splice(0).map((reader) => reader.subscription.close()));
    });

    it(
      'given events before, during and after catch-up, when subscribed from the start, then each arrives exactly once in global order',
      async () => {
        const start = await startOf(context.store);
        for (let batch = 0; batch < 12; batch += 1) {
          await context.store.append(context.stream(`before-${batch % 3}`), newEvents(100), 'any');
        }
        const reader = subscribe({ from: start });

        // The consumer yields to the event loop now and then, like a projection writing its own state,
        // and starts an append every 60 events, so appends commit while the catch-up is under way.
        const caughtUp: StoredEvent[] = [];
        const duringCatchUp: Promise<unknown>[] = [];
        while (caughtUp.length < 1_200 + 20 * 10) {
          caughtUp.push(...(await reader.take(1)));
          if (caughtUp.length % 60 === 0 && duringCatchUp.length < 20) {
            const index = duringCatchUp.length;
            duringCatchUp.push(context.store.append(context.stream(`during-${index % 4}`), newEvents(10), 'any'));
            await delay(1);
          }
        }
        await Promise.all(duringCatchUp);
        for (let index = 0; index < 5; index += 1) await context.store.append(context.stream('after'), [newEvent('Live')], 'any');
        const live = await reader.take(5);

        const delivered = [...caughtUp, ...live];
        expectGlobalOrderWithoutDuplicates(delivered);
        expect(idsOf(delivered)).toEqual(idsOf(await readAllAfter(context.store, start)));
      },
      SLOW_TEST_TIMEOUT_MS,
    );

    it('given a position, when subscribed from it, then delivery starts strictly after it', async () => {
      const start = await startOf(context.store);
      await context.store.append(context.stream('a'), newEvents(5), 'no_stream');
      const stored = await readAllAfter(context.store, start);

      const reader = subscribe({ from: stored[1].position });

      expect(idsOf(await reader.take(3))).toEqual(idsOf(stored.slice(2)));
    });

    it('given stored events, when subscribed from end, then only events appended afterwards arrive', async () => {
      await context.store.append(context.stream('a'), newEvents(3), 'no_stream');
      const reader = subscribe({ from: 'end' });
      const later = newEvent('Later');

      await context.store.append(context.stream('a'), [later], 2);

      expect(idsOf(await reader.take(1))).toEqual([later.id]);
    });

    it('given a subscription that caught up, when events are appended, then they arrive live', async () => {
      const start = await startOf(context.store);
      await context.store.append(context.stream('a'), newEvents(2), 'no_stream');
      const reader = subscribe({ from: start });
      await reader.take(2);

      const live = newEvents(3);
      await context.store.append(context.stream('b'), live, 'no_stream');

      expect(idsOf(await reader.take(3))).toEqual(idsOf(live));
    });

    it('given two subscribers, when events are appended, then both receive all of them in the same order', async () => {
      const start = await startOf(context.store);
      await context.store.append(context.stream('a'), newEvents(10), 'no_stream');
      const first = subscribe({ from: start });
      const second = subscribe({ from: start });

      await context.store.append(context.stream('b'), newEvents(10), 'no_stream');
      const [firstEvents, secondEvents] = await Promise.all([first.take(20), second.take(20)]);

      expect(idsOf(firstEvents)).toEqual(idsOf(secondEvents));
      expect(idsOf(firstEvents)).toEqual(idsOf(await readAllAfter(context.store, start)));
    });

    it('given a for-await loop waiting for events, when the subscription is closed, then the loop ends', async () => {
      const start = await startOf(context.store);
      await context.store.append(context.stream('a'), newEvents(2), 'no_stream');
      const subscription = context.store.subscribe({ from: start });
      const received: StoredEvent[] = [];
      const loop = (async () => {
        for await (const event of subscription) received.push(event);
      })();
      await eventually(() => expect(received).toHaveLength(2));

      await subscription.close();

      await expect(loop).resolves.toBeUndefined();
      await context.store.append(context.stream('a'), newEvents(1), 1);
      expect(received).toHaveLength(2);
    });

    it('given a pending next(), when the subscription is closed, then next() resolves done', async () => {
      const subscription = context.store.subscribe({ from: 'end' });
      const pending = subscription[Symbol.asyncIterator]().next();

      await subscription.close();

      await expect(pending).resolves.toMatchObject({ done: true });
    });

    it('given a for-await loop, when it breaks after the first event, then the store keeps serving appends and new subscriptions', async () => {
      const start = await startOf(context.store);
      await context.store.append(context.stream('a'), newEvents(3), 'no_stream');
      const seen: string[] = [];

      for await (const event of context.store.subscribe({ from: start })) {
        seen.push(event.id);
        break;
      }
      await context.store.append(context.stream('a'), newEvents(1), 2);

      expect(seen).toHaveLength(1);
      expect(await subscribe({ from: start }).take(4)).toHaveLength(4);
    });
  });
};
