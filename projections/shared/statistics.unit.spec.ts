import { mean, median, percentile } from './statistics';

describe('statistics of durations', () => {
  it('given no values, then every statistic is null', () => {
    expect([mean([]), median([]), percentile([], 90)]).toEqual([null, null, null]);
  });

  it('given an odd and an even count, then the median is the middle value or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('given ten values, then p90 is the ninth smallest (nearest rank) and p100 the largest', () => {
    const values = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(percentile(values, 90)).toBe(9);
    expect(percentile(values, 100)).toBe(10);
    expect(percentile([7], 90)).toBe(7);
    expect(mean(values)).toBe(5.5);
  });
});
