import { StreamStateCache } from './stream-state-cache';

describe('StreamStateCache', () => {
  it('given a full cache, when another stream is added, then the least recently used one is evicted', () => {
    const cache = new StreamStateCache<{ readonly name: string }>(2);
    cache.set('deal-a', { name: 'a' });
    cache.set('deal-b', { name: 'b' });
    cache.get('deal-a');

    cache.set('deal-c', { name: 'c' });

    expect(cache.size).toBe(2);
    expect(cache.get('deal-b')).toBeUndefined();
    expect(cache.get('deal-a')?.name).toBe('a');
  });

  it('given a capacity of zero, when a state is set, then nothing is kept', () => {
    const cache = new StreamStateCache<number>(0);
    cache.set('deal-a', 1);
    expect(cache.get('deal-a')).toBeUndefined();
  });

  it('when the capacity is not a whole number, then it is refused', () => {
    expect(() => new StreamStateCache(-1)).toThrow(RangeError);
  });
});
