import { isWorkingTime, type BusinessCalendar } from './business-calendar';

const shanghai: BusinessCalendar = {
  id: 'shanghai',
  timeZone: 'Asia/Shanghai',
  workingDays: [1, 2, 3, 4, 5],
  opensAt: 9 * 60,
  closesAt: 18 * 60,
  holidays: new Set(['2026-10-01']),
};

describe('working time', () => {
  it.each([
    ['2026-03-02T01:00:00.000Z', true, 'Monday 09:00 in Shanghai: opening'],
    ['2026-03-02T09:59:59.000Z', true, 'Monday 17:59:59 in Shanghai'],
    ['2026-03-02T10:00:00.000Z', false, 'Monday 18:00 in Shanghai: closed'],
    ['2026-03-02T00:59:00.000Z', false, 'Monday 08:59 in Shanghai'],
    ['2026-03-07T03:00:00.000Z', false, 'Saturday'],
    ['2026-10-01T03:00:00.000Z', false, 'a holiday'],
  ])('given %s, then working time is %s (%s)', (at, expected) => {
    expect(isWorkingTime(shanghai, new Date(at))).toBe(expected);
  });
});
