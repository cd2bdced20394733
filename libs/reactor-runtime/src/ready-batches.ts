import { setImmediate as nextTurn } from 'node:timers/promises';

const IDLE: unique symbol = Symbol('idle');

/**
 * Groups what an async source has ready into batches: during a catch-up the items arrive without a turn
 * of the event loop and fill a batch; live, the next item is not ready before the loop turns, so what
 * arrived goes as it is (the projection runner forms its batches the same way). Pulls, never pushes: the
 * source is read at most one item ahead of the batch being handled, however slow the consumer is.
 */
export async function* readyBatches<Item>(source: AsyncIterable<Item>, maxSize: number): AsyncGenerator<Item[]> {
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  for (;;) {
    const first = await pending;
    if (first.done === true) return;
    const batch = [first.value];
    pending = iterator.next();
    // Resolves after the loop has turned once: when it wins the race, nothing more was ready.
    const idle: Promise<typeof IDLE> = nextTurn().then(() => IDLE);
    while (batch.length < maxSize) {
      const next = await Promise.race([pending, idle]);
      if (next === IDLE) break;
      if (next.done === true) {
        yield batch;
        return;
      }
      batch.push(next.value);
      pending = iterator.next();
    }
    yield batch;
  }
}
