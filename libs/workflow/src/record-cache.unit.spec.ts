import { RecordCache } from './record-cache';
import { initialRecordState } from './record.state';

describe('RecordCache', () => {
  it('given a full cache, when another record is added, then the least recently used one is evicted', () => {
    const cache = new RecordCache(2);
    cache.set('deal-a', initialRecordState('deal', 'a'));
    cache.set('deal-b', initialRecordState('deal', 'b'));
    cache.get('deal-a');

    cache.set('deal-c', initialRecordState('deal', 'c'));

    expect(cache.size).toBe(2);
    expect(cache.get('deal-b')).toBeUndefined();
    expect(cache.get('deal-a')?.recordId).toBe('a');
  });

  it('when the capacity is not a whole number, then it is refused', () => {
    expect(() => new RecordCache(-1)).toThrow(RangeError);
  });
});
