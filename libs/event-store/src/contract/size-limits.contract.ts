import { eventSizeOf, maxAppendBytes } from '../append-input.validation';
import { EventStoreExceptionCode } from '../event-store.exception';
import type { NewEvent } from '../event-store.port';
import { comparePositions } from '../position';
import { rejectionOf } from './async-probes';
import { idsOf, newEvent } from './event-fixtures';
import type { StoreContext } from './store-context';

/** An event whose size, as both stores count it, is `size` bytes. */
const eventOfSize = (size: number): NewEvent => {
  const type = 'DocumentAttached';
  return newEvent(type, { text: 'x'.repeat(size - eventSizeOf({ type, data: '{"text":""}', metadata: '{}' })) });
};

export const describeSizeLimitsContract = (context: StoreContext): void => {
  describe('size limits (EventStoreDB\'s, in every store)', () => {
    it('given events adding up to exactly the most one append may carry, when appended, then they are stored whole', async () => {
      const stream = context.stream('attachment-1');
      const events = [eventOfSize(maxAppendBytes - 200_000), eventOfSize(200_000)];

      await context.store.append(stream, events, 'no_stream');

      const stored = await context.store.readStream(stream);
      expect(idsOf(stored)).toEqual(idsOf(events));
      expect(stored.map((event) => event.data)).toEqual(events.map((event) => event.data));
    });

    it('given an append one byte over that limit, when appended, then INVALID_APPEND names the limit and nothing is stored', async () => {
      const stream = context.stream('attachment-1');
      const headBefore = await context.store.headPosition();

      const error = await rejectionOf(context.store.append(stream, [eventOfSize(maxAppendBytes - 200_000), eventOfSize(200_001)], 'no_stream'));

      expect(error.code).toBe(EventStoreExceptionCode.INVALID_APPEND);
      expect(error.message).toContain(`at most ${maxAppendBytes}`);
      expect(await context.store.readStream(stream)).toEqual([]);
      const headAfter = await context.store.headPosition();
      expect(headAfter === null || headBefore === null ? headAfter === headBefore : comparePositions(headAfter, headBefore) === 0).toBe(true);
    });
  });
};
