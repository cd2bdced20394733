const isoDateTimePattern =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

const minutesOfOffset = (sign: string, hours: string, minutes: string): number =>
  (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));

/**
 * Parses an ISO-8601 date-time that names its offset (`Z` or `±hh:mm`). Returns `null` otherwise.
 * `Date.parse` alone is not enough: V8 turns `2026-02-30` into March 2 and accepts offset-less text
 * as local time, so the calendar fields are checked here.
 */
export const parseIsoDateTime = (text: string): Date | null => {
  const match = isoDateTimePattern.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '0', fraction = '', zone, sign, offsetHours, offsetMinutes] = match;
  const fields = [Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second)];
  const [y, mo, d, h, mi, s] = fields;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const offset = zone === 'Z' ? 0 : minutesOfOffset(sign, offsetHours, offsetMinutes);
  if (zone !== 'Z' && (Number(offsetHours) > 23 || Number(offsetMinutes) > 59)) return null;

  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  date.setUTCHours(h, mi, s, Number(fraction.padEnd(3, '0').slice(0, 3)));
  return new Date(date.getTime() - offset * 60_000);
};
