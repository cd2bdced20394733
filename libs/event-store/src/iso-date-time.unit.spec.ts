import { parseIsoDateTime } from './iso-date-time';

const iso = (text: string): string | null => parseIsoDateTime(text)?.toISOString() ?? null;

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
  ])('given %s, when parsed, then it is the instant %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it.each([
    ['a day that does not exist', '2026-02-30T10:00:00Z'],
    ['February 29 of a common year', '2025-02-29T10:00:00Z'],
    ['month 13', '2026-13-01T10:00:00Z'],
    ['hour 24', '2026-03-01T24:00:00Z'],
    ['a leap second', '2026-03-01T23:59:60Z'],
    ['no offset (local time is ambiguous)', '2026-03-01T10:00:00'],
    ['a date without time', '2026-03-01'],
    ['an offset without colon', '2026-03-01T10:00:00+0200'],
    ['prose', 'yesterday'],
    ['surrounding spaces', ' 2026-03-01T10:00:00Z'],
  ])('given %s, when parsed, then it is refused', (_, text) => {
    expect(parseIsoDateTime(text)).toBeNull();
  });
});
