import { comparePositions } from '../position';
import { idsOf, newEvent, newEvents } from './event-fixtures';
import { present } from './present';
import type { StoreContext } from './store-context';

export const describeAppendContract = (context: StoreContext): void => {
  describe('append', () => {
    it('given a new stream, when appending with no_stream, then the events get revisions 0..n-1 in order', async () => {
      const stream = context.stream('order-1');
      const events = newEvents(3, 'OrderPlaced');

      const result = await context.store.append(stream, events, 'no_stream');

      const stored = await context.store.readStream(stream);
      expect(stored.map((event) => event.revision)).toEqual([0, 1, 2]);
      expect(idsOf(stored)).toEqual(idsOf(events));
      expect(stored.every((event) => event.stream === stream && event.type === 'OrderPlaced')).toBe(true);
      expect(stored.map((event) => event.data)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
      expect(result.nextExpectedRevision).toBe(2);
      expect(comparePositions(result.position, stored[2].position)).toBe(0);
    });

    it('given a stream at revision 2, when appending with expected revision 2, then the new events continue at revision 3', async () => {
      const stream = context.stream('order-1');
      const first = await context.store.append(stream, newEvents(3), 'no_stream');

      const second = await context.store.append(stream, newEvents(2), first.nextExpectedRevision);

      expect(second.nextExpectedRevision).toBe(4);
      expect((await context.store.readStream(stream)).map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
      expect(comparePositions(second.position, first.position)).toBeGreaterThan(0);
    });

    it('given an occurredAt with an offset, when appended, then it is kept as the same instant in UTC', async () => {
      const stream = context.stream('import-1');

      await context.store.append(stream, [newEvent('DealImported', {}, { occurredAt: '2020-05-17T08:30:00+02:00' })], 'no_stream');

      const [stored] = await context.store.readStream(stream);
      expect(stored.occurredAt).toBe('2020-05-17T06:30:00.000Z');
      expect(new Date(stored.recordedAt).toISOString()).toBe(stored.recordedAt);
    });

    it('given no occurredAt, when appended, then it is the store clock at append and recordedAt is set', async () => {
      context.clock?.set('2026-04-01T12:00:00.000Z');
      const stream = context.stream('order-1');
      const before = Date.now();

      await context.store.append(stream, [newEvent()], 'no_stream');

      const [stored] = await context.store.readStream(stream);
      expect(new Date(stored.recordedAt).toISOString()).toBe(stored.recordedAt);
      if (context.clock) {
        expect(stored.occurredAt).toBe('2026-04-01T12:00:00.000Z');
      } else {
        expect(Date.parse(stored.occurredAt)).toBeGreaterThanOrEqual(before - 1_000);
        expect(Date.parse(stored.occurredAt)).toBeLessThanOrEqual(Date.now() + 1_000);
      }
    });

    it('given metadata and nested data, when read back, then both round-trip unchanged; missing metadata reads as {}', async () => {
      const stream = context.stream('order-1');
      const data = { amount: 1234.5, lines: [{ sku: 'GTX Pro', qty: 2 }], note: 'Grüße — 東京 ✓', flags: [true, false, null], zero: 0 };
      const metadata = { correlationId: 'c-1', causation: { command: 'PlaceOrder' }, actor: 'agent-7' };

      await context.store.append(stream, [newEvent('OrderPlaced', data, { metadata }), newEvent('OrderNoted', {})], 'no_stream');

      const [withMetadata, withoutMetadata] = await context.store.readStream(stream);
      expect(withMetadata.data).toEqual(data);
      expect(withMetadata.metadata).toEqual(metadata);
      expect(withoutMetadata.metadata).toEqual({});
      const [fromAll] = await context.store.readAll({ filter: { streamPrefixes: [stream] } });
      expect(fromAll).toEqual(withMetadata);
    });

    it('given an unknown stream, when reading it, then it reads as empty', async () => {
      await expect(context.store.readStream(context.stream('never-written'))).resolves.toEqual([]);
    });

    it('given appends, when asking for the head, then it is the position of the last appended event', async () => {
      await context.store.append(context.stream('a'), newEvents(2), 'no_stream');
      const last = await context.store.append(context.stream('b'), newEvents(3), 'no_stream');

      const head = await context.store.headPosition();

      expect(comparePositions(present(head, 'the head position'), last.position)).toBe(0);
    });
  });
};
