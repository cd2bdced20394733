import { EventStoreExceptionCode } from '../event-store.exception';
import { rejectionOf } from './async-probes';
import { newEvents } from './event-fixtures';
import type { StoreContext } from './store-context';

export const describeLifecycleContract = (context: StoreContext): void => {
  describe('lifecycle', () => {
    it('given a closed store, when used, then every call is refused with CLOSED; closing again is harmless', async () => {
      await context.store.append(context.stream('a'), newEvents(1), 'no_stream');

      await context.store.close();

      expect((await rejectionOf(context.store.append(context.stream('a'), newEvents(1), 'any'))).code).toBe(EventStoreExceptionCode.CLOSED);
      expect((await rejectionOf(context.store.readStream(context.stream('a')))).code).toBe(EventStoreExceptionCode.CLOSED);
      expect((await rejectionOf(context.store.readAll())).code).toBe(EventStoreExceptionCode.CLOSED);
      expect((await rejectionOf(context.store.headPosition())).code).toBe(EventStoreExceptionCode.CLOSED);
      await expect(context.store.close()).resolves.toBeUndefined();
    });
  });
};
