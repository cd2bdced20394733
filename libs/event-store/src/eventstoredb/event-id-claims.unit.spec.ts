import { claimStreamOf, mapWithConcurrency } from './event-id-claims';

describe('event id claims', () => {
  it('given an event id, then its claim stream is a user stream (no admin needed) named after it, under the reserved prefix', () => {
    expect(claimStreamOf('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe('_crm-event-id-0f8fad5b-d9cb-469f-a165-70867728950e');
  });

  it('given more items than the limit, then at most the limit run at once and results keep the order of the items', async () => {
    let running = 0;
    let most = 0;

    const results = await mapWithConcurrency([5, 1, 4, 2, 3, 0], 2, async (wait) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, wait));
      running -= 1;
      return wait * 10;
    });

    expect(results).toEqual([50, 10, 40, 20, 30, 0]);
    expect(most).toBe(2);
  });

  it('given a failing item, then the whole map rejects with its error', async () => {
    await expect(mapWithConcurrency([1, 2, 3], 2, async (item) => (item === 2 ? Promise.reject(new Error('boom')) : item))).rejects.toThrow('boom');
  });
});
