import { EventStoreExceptionCode } from '../event-store.exception';
import { rejectionOf } from './async-probes';
import { idsOf, newEvent, newEvents } from './event-fixtures';
import type { StoreContext } from './store-context';

export const describeConflictContract = (context: StoreContext): void => {
  describe('expected revision', () => {
    it('given a stream at revision 2, when appending with the stale revision 1, then WRONG_EXPECTED_REVISION names revision 2 and nothing is stored', async () => {
      const stream = context.stream('deal-1');
      await context.store.append(stream, newEvents(3), 'no_stream');

      const error = await rejectionOf(context.store.append(stream, [newEvent('DealWon')], 1));

      expect(error.code).toBe(EventStoreExceptionCode.WRONG_EXPECTED_REVISION);
      expect(error.details.actualRevision).toBe(2);
      expect(await context.store.readStream(stream)).toHaveLength(3);
    });

    it('given a stream at revision 2, when appending with a revision ahead of it, then it conflicts', async () => {
      const stream = context.stream('deal-1');
      await context.store.append(stream, newEvents(3), 'no_stream');

      const error = await rejectionOf(context.store.append(stream, [newEvent()], 5));

      expect(error.code).toBe(EventStoreExceptionCode.WRONG_EXPECTED_REVISION);
      expect(error.details.actualRevision).toBe(2);
    });

    it('given an existing stream, when appending with no_stream, then it conflicts and nothing is stored', async () => {
      const stream = context.stream('deal-1');
      await context.store.append(stream, newEvents(1), 'no_stream');

      const error = await rejectionOf(context.store.append(stream, newEvents(2), 'no_stream'));

      expect(error.code).toBe(EventStoreExceptionCode.WRONG_EXPECTED_REVISION);
      expect(error.details.actualRevision).toBe(0);
      expect(await context.store.readStream(stream)).toHaveLength(1);
    });

    it('given no stream, when appending with a revision, then it conflicts with actualRevision no_stream', async () => {
      const stream = context.stream('deal-1');

      const error = await rejectionOf(context.store.append(stream, [newEvent()], 0));

      expect(error.code).toBe(EventStoreExceptionCode.WRONG_EXPECTED_REVISION);
      expect(error.details.actualRevision).toBe('no_stream');
      expect(await context.store.readStream(stream)).toEqual([]);
    });

    it('given new and existing streams, when appending with any, then it always appends', async () => {
      const stream = context.stream('deal-1');
      const events = [newEvent('A'), newEvent('B'), newEvent('C')];

      const first = await context.store.append(stream, [events[0]], 'any');
      const second = await context.store.append(stream, [events[1], events[2]], 'any');

      expect(first.nextExpectedRevision).toBe(0);
      expect(second.nextExpectedRevision).toBe(2);
      expect(idsOf(await context.store.readStream(stream))).toEqual(idsOf(events));
    });
  });
};
