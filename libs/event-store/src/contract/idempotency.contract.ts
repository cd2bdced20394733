import { EventStoreExceptionCode } from '../event-store.exception';
import { comparePositions } from '../position';
import { rejectionOf } from './async-probes';
import { idsOf, newEvent, newEvents, readAllAfter, startOf } from './event-fixtures';
import type { StoreContext } from './store-context';

export const describeIdempotencyContract = (context: StoreContext): void => {
  describe('idempotency by event id', () => {
    it('given an append, when the same append (same ids) is made again, then it returns the same result and stores the events once', async () => {
      const start = await startOf(context.store);
      const stream = context.stream('quote-1');
      const events = newEvents(3, 'QuoteDrafted');

      const first = await context.store.append(stream, events, 'no_stream');
      const retry = await context.store.append(stream, events, 'no_stream');

      expect(retry.nextExpectedRevision).toBe(first.nextExpectedRevision);
      expect(comparePositions(retry.position, first.position)).toBe(0);
      expect(idsOf(await readAllAfter(context.store, start))).toEqual(idsOf(events));
    });

    it('given an append and later appends, when the first is retried with its now stale expected revision, then it returns the original result', async () => {
      const stream = context.stream('quote-1');
      const events = newEvents(2);
      await context.store.append(stream, newEvents(1), 'no_stream');
      const original = await context.store.append(stream, events, 0);
      await context.store.append(stream, newEvents(4), original.nextExpectedRevision);

      const retry = await context.store.append(stream, events, 0);

      expect(retry).toEqual(original);
      expect(await context.store.readStream(stream)).toHaveLength(7);
    });

    it('given an append, when retried with any, then it returns the original result', async () => {
      const stream = context.stream('quote-1');
      const events = newEvents(2);
      const original = await context.store.append(stream, events, 'no_stream');
      await context.store.append(stream, newEvents(1), 'any');

      await expect(context.store.append(stream, events, 'any')).resolves.toEqual(original);
    });

    it('given a stored event, when an event with its id but other data is appended, then DUPLICATE_EVENT_ID and nothing is stored', async () => {
      const stream = context.stream('quote-1');
      const event = newEvent('QuoteDrafted', { total: 100 });
      await context.store.append(stream, [event], 'no_stream');

      const error = await rejectionOf(context.store.append(stream, [{ ...event, data: { total: 999 } }], 'any'));

      expect(error.code).toBe(EventStoreExceptionCode.DUPLICATE_EVENT_ID);
      expect(error.message).toContain(event.id);
      expect(await context.store.readStream(stream)).toHaveLength(1);
    });

    it('given a stored event, when an event with its id but another type is appended, then DUPLICATE_EVENT_ID', async () => {
      const stream = context.stream('quote-1');
      const event = newEvent('QuoteDrafted', { total: 100 });
      await context.store.append(stream, [event], 'no_stream');

      const error = await rejectionOf(context.store.append(stream, [{ ...event, type: 'QuoteSent' }], 'any'));

      expect(error.code).toBe(EventStoreExceptionCode.DUPLICATE_EVENT_ID);
    });

    it('given a stored event, when the same event is appended to another stream, then DUPLICATE_EVENT_ID and the other stream stays empty', async () => {
      const event = newEvent('QuoteDrafted', { total: 100 });
      await context.store.append(context.stream('quote-1'), [event], 'no_stream');

      const error = await rejectionOf(context.store.append(context.stream('quote-2'), [event], 'no_stream'));

      expect(error.code).toBe(EventStoreExceptionCode.DUPLICATE_EVENT_ID);
      expect(await context.store.readStream(context.stream('quote-2'))).toEqual([]);
    });

    it('given a stored event, when it is appended again together with new events, then DUPLICATE_EVENT_ID and the new events are not stored', async () => {
      const stream = context.stream('quote-1');
      const stored = newEvent();
      await context.store.append(stream, [stored], 'no_stream');
      const fresh = newEvent();

      const error = await rejectionOf(context.store.append(stream, [stored, fresh], 'any'));

      expect(error.code).toBe(EventStoreExceptionCode.DUPLICATE_EVENT_ID);
      expect(idsOf(await context.store.readStream(stream))).toEqual([stored.id]);
    });

    it('given a stored event, when retried with the same data in another key order, then it is the same event', async () => {
      const stream = context.stream('quote-1');
      const event = newEvent('QuoteDrafted', { total: 100, currency: 'EUR', lines: [{ a: 1, b: 2 }] }, { metadata: { x: 1, y: 2 } });
      const original = await context.store.append(stream, [event], 'no_stream');

      const retry = await context.store.append(
        stream,
        [{ ...event, data: { lines: [{ b: 2, a: 1 }], currency: 'EUR', total: 100 }, metadata: { y: 2, x: 1 } }],
        'no_stream',
      );

      expect(retry).toEqual(original);
    });
  });
};
