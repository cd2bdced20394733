import { isIsoDate, isIsoDateTime, normalizeIsoDateTime, parseIsoDate, parseIsoDateTime } from './iso-date';

const instant = (text: string): string | null => parseIsoDateTime(text)?.toISOString() ?? null;
const day = (text: string): string | null => parseIsoDate(text)?.toISOString() ?? null;

describe('parseIsoDate', () => {
  it.each([
    ['2026-03-01', '2026-03-01T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29', '2000-02-29T00:00:00.000Z'],
    ['2026-12-31', '2026-12-31T00:00:00.000Z'],
    ['0099-01-01', '0099-01-01T00:00:00.000Z'],
  ])('given %s, when parsed, then it is the start of that day, UTC: %s', (text, expected) => {
    expect(day(text)).toBe(expected);
    expect(isIsoDate(text)).toBe(true);
  });

  it.each([
    ['a day that does not exist', '2026-02-30'],
    ['February 29 of a common year', '2025-02-29'],
    ['February 29 of a century that is not a leap year', '1900-02-29'],
    ['April 31', '2026-04-31'],
    ['day zero', '2026-03-00'],
    ['month zero', '2026-00-10'],
    ['month 13', '2026-13-01'],
    ['a date-time', '2026-03-01T00:00:00Z'],
    ['no leading zeros', '2026-3-1'],
    ['a five-digit year', '20260-03-01'],
    ['surrounding spaces', ' 2026-03-01'],
    ['a trailing newline', '2026-03-01\n'],
    ['prose', 'yesterday'],
    ['nothing', ''],
  ])('given %s, when parsed, then it is refused', (_, text) => {
    expect(parseIsoDate(text)).toBeNull();
    expect(isIsoDate(text)).toBe(false);
  });

  it.each([[20260301], [null], [undefined], [new Date('2026-03-01')]])('given the non-text %p, when checked, then it is not a date', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('parseIsoDateTime', () => {
  it.each([
    ['2026-03-01T09:30:00Z', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01T09:30Z', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01T09:30:00.5Z', '2026-03-01T09:30:00.500Z'],
    ['2026-03-01T09:30:00.123456789Z', '2026-03-01T09:30:00.123Z'],
    ['2026-03-01T01:00:00+02:00', '2026-02-28T23:00:00.000Z'],
    ['2026-03-01T23:30:00-05:30', '2026-03-02T05:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
    ['0099-06-30T12:00:00Z', '0099-06-30T12:00:00.000Z'],
  ])('given %s, when parsed, then it is the instant %s', (text, expected) => {
    expect(instant(text)).toBe(expected);
    expect(isIsoDateTime(text)).toBe(true);
  });

  it.each([
    ['a day that does not exist', '2026-02-30T10:00:00Z'],
    ['February 29 of a common year', '2025-02-29T10:00:00Z'],
    ['month 13', '2026-13-01T10:00:00Z'],
    ['hour 24', '2026-03-01T24:00:00Z'],
    ['minute 60', '2026-03-01T10:60:00Z'],
    ['a leap second', '2026-03-01T23:59:60Z'],
    ['an offset of 24 hours', '2026-03-01T10:00:00+24:00'],
    ['an offset minute of 60', '2026-03-01T10:00:00+01:60'],
    ['no offset (local time is ambiguous)', '2026-03-01T10:00:00'],
    ['a date without time', '2026-03-01'],
    ['an offset without colon', '2026-03-01T10:00:00+0200'],
    ['a lower-case zone', '2026-03-01T10:00:00z'],
    ['a space instead of T', '2026-03-01 10:00:00Z'],
    ['a fraction of ten digits', '2026-03-01T10:00:00.1234567891Z'],
    ['prose', 'yesterday'],
    ['surrounding spaces', ' 2026-03-01T10:00:00Z'],
  ])('given %s, when parsed, then it is refused', (_, text) => {
    expect(parseIsoDateTime(text)).toBeNull();
    expect(isIsoDateTime(text)).toBe(false);
  });

  it.each([[1_772_000_000_000], [null], [{}]])('given the non-text %p, when checked, then it is not a date-time', (value) => {
    expect(isIsoDateTime(value)).toBe(false);
  });

  describe('normalized as stored', () => {
    it.each([
      ['text toISOString wrote', '2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z'],
      ['an offset', '2026-03-01T12:30:00+02:00', '2026-03-01T10:30:00.000Z'],
      ['no fraction', '2026-03-01T10:00:00Z', '2026-03-01T10:00:00.000Z'],
      ['year 50 in the form toISOString writes', '0050-01-01T00:00:00.000Z', '0050-01-01T00:00:00.000Z'],
    ])('given %s, when normalized, then it is %s as toISOString writes it', (_, text, expected) => {
      expect(normalizeIsoDateTime(text)).toBe(expected);
    });

    it.each([['2026-02-30T10:00:00.000Z'], ['2025-02-29T00:00:00.000Z'], ['2026-03-01T24:00:00.000Z'], ['2026-03-01T10:00:60.000Z'], ['2026-03-01T10:00:00.000']])(
      'given %s in the toISOString form but no instant, when normalized, then it is refused',
      (text) => {
        expect(normalizeIsoDateTime(text)).toBeNull();
      },
    );
  });
});
