import { daysBetween, effectiveTime, nextPeriod, parseAsOf, parseInstant, periodOfDate, periodsBetween, periodStart } from './business-time';
import { ReadModelException } from './read-model.exception';

describe('business time', () => {
  it('given a bare date as as-of, then it means the end of that day in UTC; a date-time is normalized', () => {
    expect(parseAsOf('2017-06-30')).toBe('2017-06-30T23:59:59.999Z');
    expect(parseAsOf('2017-06-30T12:00:00+02:00')).toBe('2017-06-30T10:00:00.000Z');
    expect(parseInstant('2017-06-30')).toBe('2017-06-30T00:00:00.000Z');
  });

  it.each(['2017-02-30', 'yesterday', '2017-06-30T12:00', ''])('given %j, then it is refused as INVALID_QUERY', (text) => {
    expect(() => parseAsOf(text)).toThrow(ReadModelException);
  });

  it('given dates, then months and quarters are named and walked in order', () => {
    expect([periodOfDate('2017-03-31', 'month'), periodOfDate('2017-03-31', 'quarter'), periodOfDate('2017-10-01', 'quarter')]).toEqual([
      '2017-03',
      '2017-Q1',
      '2017-Q4',
    ]);
    expect(periodStart('2017-Q3')).toBe('2017-07-01T00:00:00.000Z');
    expect(nextPeriod('2017-12')).toBe('2018-01');
    expect(periodsBetween('2016-Q4', '2017-Q2')).toEqual(['2016-Q4', '2017-Q1', '2017-Q2']);
  });

  it('given an event dated before the record last changed, then it counts at that change (time only moves forward per record)', () => {
    expect(effectiveTime('2017-01-01T00:00:00.000Z', '2017-02-01T00:00:00.000Z')).toBe('2017-02-01T00:00:00.000Z');
    expect(effectiveTime('2017-03-01T00:00:00.000Z', '2017-02-01T00:00:00.000Z')).toBe('2017-03-01T00:00:00.000Z');
    expect(daysBetween('2017-01-01T00:00:00.000Z', '2017-01-02T12:00:00.000Z')).toBe(1.5);
  });
});
