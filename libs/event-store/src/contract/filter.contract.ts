import type { EventFilter, NewEvent } from '../event-store.port';
import { SubscriptionReader } from './async-probes';
import { idsOf, newEvent, readAllAfter, startOf } from './event-fixtures';
import type { StoreContext } from './store-context';

interface Appended {
  readonly stream: string;
  readonly event: NewEvent;
}

/** Streams chosen so a prefix that treated `_` or `%` as a wildcard would match too much. */
const appendMix = async (context: StoreContext): Promise<Appended[]> => {
  const plan: [string, string][] = [
    ['order-1', 'OrderPlaced'],
    ['customer-1', 'CustomerRegistered'],
    ['order-2', 'OrderPlaced'],
    ['order-1', 'OrderShipped'],
    ['order_9', 'OrderPlaced'],
    ['orderX%1', 'OrderPlaced'],
    ['customer-1', 'CustomerMoved'],
    ['order-2', 'OrderShipped'],
  ];
  const appended: Appended[] = [];
  for (const [name, type] of plan) {
    const stream = context.stream(name);
    const event = newEvent(type, { stream: name });
    await context.store.append(stream, [event], 'any');
    appended.push({ stream, event });
  }
  return appended;
};

const expectedIds = (appended: readonly Appended[], keep: (entry: Appended) => boolean): string[] =>
  appended.filter(keep).map((entry) => entry.event.id);

export const describeFilterContract = (context: StoreContext): void => {
  describe('filters', () => {
    const startsWithAny = (prefixes: readonly string[]) => (entry: Appended) => prefixes.some((prefix) => entry.stream.startsWith(prefix));

    it('given events in several streams, when reading all with a stream prefix, then only those streams are read, in global order', async () => {
      const start = await startOf(context.store);
      const appended = await appendMix(context);
      const prefixes = [context.stream('order-')];

      const events = await readAllAfter(context.store, start, { streamPrefixes: prefixes });

      expect(idsOf(events)).toEqual(expectedIds(appended, startsWithAny(prefixes)));
      expect(events).toHaveLength(4);
    });

    it('given prefixes holding _ and %, when reading all, then they match literally', async () => {
      const start = await startOf(context.store);
      const appended = await appendMix(context);

      const underscore = await readAllAfter(context.store, start, { streamPrefixes: [context.stream('order_')] });
      const percent = await readAllAfter(context.store, start, { streamPrefixes: [context.stream('orderX%')] });

      expect(idsOf(underscore)).toEqual(expectedIds(appended, (entry) => entry.stream === context.stream('order_9')));
      expect(idsOf(percent)).toEqual(expectedIds(appended, (entry) => entry.stream === context.stream('orderX%1')));
    });

    it('given several prefixes, when reading all, then events of any of them are read', async () => {
      const start = await startOf(context.store);
      const appended = await appendMix(context);
      const prefixes = [context.stream('customer-'), context.stream('order-2')];

      const events = await readAllAfter(context.store, start, { streamPrefixes: prefixes });

      expect(idsOf(events)).toEqual(expectedIds(appended, startsWithAny(prefixes)));
    });

    it('given several event types, when reading all filtered by types, then only those types are read', async () => {
      const start = await startOf(context.store);
      const appended = await appendMix(context);
      const types = ['OrderShipped', 'CustomerMoved'];

      const events = await readAllAfter(context.store, start, { eventTypes: types });

      expect(idsOf(events)).toEqual(expectedIds(appended, (entry) => types.includes(entry.event.type)));
    });

    it('given a prefix and types, when reading all, then an event must match both', async () => {
      const start = await startOf(context.store);
      const appended = await appendMix(context);
      const filter: EventFilter = { streamPrefixes: [context.stream('order-')], eventTypes: ['OrderShipped'] };

      const events = await readAllAfter(context.store, start, filter);

      expect(idsOf(events)).toEqual(
        expectedIds(appended, (entry) => entry.stream.startsWith(context.stream('order-')) && entry.event.type === 'OrderShipped'),
      );
      expect(events).toHaveLength(2);
    });

    it('given a filtered subscription, when matching and other events are appended before and after subscribing, then only matching ones arrive', async () => {
      const start = await startOf(context.store);
      const before = await appendMix(context);
      const filter: EventFilter = { streamPrefixes: [context.stream('order-')], eventTypes: ['OrderPlaced'] };
      const reader = new SubscriptionReader(context.store.subscribe({ from: start, filter }));
      try {
        const caughtUp = await reader.take(2);
        await context.store.append(context.stream('customer-2'), [newEvent('OrderPlaced')], 'any');
        await context.store.append(context.stream('order-3'), [newEvent('OrderShipped')], 'any');
        const sentinel = newEvent('OrderPlaced');
        await context.store.append(context.stream('order-3'), [sentinel], 'any');

        const live = await reader.take(1);

        expect(idsOf(caughtUp)).toEqual(
          expectedIds(before, (entry) => entry.stream.startsWith(context.stream('order-')) && entry.event.type === 'OrderPlaced'),
        );
        expect(idsOf(live)).toEqual([sentinel.id]);
      } finally {
        await reader.subscription.close();
      }
    });
  });
};
