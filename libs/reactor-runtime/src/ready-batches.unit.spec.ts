import { setTimeout as later } from 'node:timers/promises';
import { readyBatches } from './ready-batches';

/** Yields `waves` of items; the items of one wave are ready together, each wave on a timer after the last (as a live event comes through I/O or a poll). */
async function* inWaves(waves: readonly (readonly number[])[]): AsyncGenerator<number> {
  for (const wave of waves) {
    await later(1);
    for (const item of wave) yield item;
  }
}

const collect = async (waves: readonly (readonly number[])[], maxSize: number): Promise<number[][]> => {
  const batches: number[][] = [];
  for await (const batch of readyBatches(inWaves(waves), maxSize)) batches.push(batch);
  return batches;
};

describe('readyBatches: what is ready before the event loop turns, at most maxSize', () => {
  it('given items that arrive together, then they form one batch', async () => {
    expect(await collect([[1, 2, 3]], 10)).toEqual([[1, 2, 3]]);
  });

  it('given items that arrive a turn apart, then each wave is its own batch', async () => {
    expect(await collect([[1, 2], [3], [4, 5]], 10)).toEqual([[1, 2], [3], [4, 5]]);
  });

  it('given more ready items than the batch size, then batches are cut at the size', async () => {
    expect(await collect([[1, 2, 3, 4, 5]], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('given nothing, then there is no batch', async () => {
    expect(await collect([], 2)).toEqual([]);
  });

  it('given a consumer that is slow, then the source is not read ahead by more than one item', async () => {
    let pulled = 0;
    async function* counted(): AsyncGenerator<number> {
      for (let item = 0; item < 100; item += 1) {
        pulled += 1;
        yield item;
      }
    }
    const batches = readyBatches(counted(), 10);

    await batches.next();

    expect(pulled).toBeLessThanOrEqual(11);
    await batches.return(undefined);
  });
});
