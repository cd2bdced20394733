/**
 * Runs `work` over `items` with `callers` concurrent callers, each taking the next item when it is done
 * with its last one (a closed loop, like users waiting for their answer). Stops taking items once
 * `shouldStop` says so; items already taken are finished.
 */
export const runConcurrentCallers = async <Item>(
  items: readonly Item[],
  callers: number,
  work: (item: Item) => Promise<void>,
  shouldStop: () => boolean = () => false,
): Promise<number> => {
  let next = 0;
  const caller = async (): Promise<void> => {
    while (next < items.length && !shouldStop()) {
      const item = items[next] as Item;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: callers }, caller));
  return next;
};
