/**
 * The one strict reading of ISO-8601 dates and date-times in the code base. `Date.parse` alone is not
 * enough: V8 turns `2026-02-30` into March 2, reads offset-less text as local time and maps years
 * below 100 to the 1900s, so the calendar fields are checked here.
 */

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoDateTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

const MINUTE_MS = 60_000;

/** Midnight UTC of a calendar day, or null when the day does not exist (February 30, month 13, …). */
const calendarDay = (year: number, month: number, day: number): Date | null => {
  if (month < 1 || month > 12 || day < 1) return null;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
};

/** `YYYY-MM-DD` of a day that exists → midnight UTC of that day; anything else → null. */
export const parseIsoDate = (text: string): Date | null => {
  const match = isoDatePattern.exec(text);
  return match ? calendarDay(Number(match[1]), Number(match[2]), Number(match[3])) : null;
};

/**
 * An ISO-8601 date-time that names its offset (`Z` or `±hh:mm`): `YYYY-MM-DDThh:mm[:ss[.fraction]]`.
 * Fractions below the millisecond are cut. Anything else (no offset, a day that does not exist, hour 24,
 * a leap second) → null.
 */
export const parseIsoDateTime = (text: string): Date | null => {
  const match = isoDateTimePattern.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '0', fraction = '', zone, sign, offsetHours = '0', offsetMinutes = '0'] = match;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  if (Number(offsetHours) > 23 || Number(offsetMinutes) > 59) return null;
  const date = calendarDay(Number(year), Number(month), Number(day));
  if (!date) return null;
  date.setUTCHours(Number(hour), Number(minute), Number(second), Number(fraction.padEnd(3, '0').slice(0, 3)));
  const offsetMinutesTotal = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  return new Date(date.getTime() - offsetMinutesTotal * MINUTE_MS);
};

const toIsoStringPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The date-time as `toISOString` writes it, or null when `text` is not one `parseIsoDateTime` reads.
 * Text already in that form (what a clock writes: most events' occurredAt) is kept as it is when it
 * reads back to itself, without the strict parse; a day that does not exist never does.
 */
export const normalizeIsoDateTime = (text: string): string | null => {
  if (toIsoStringPattern.test(text)) {
    const date = new Date(text);
    if (!Number.isNaN(date.getTime()) && date.toISOString() === text) return text;
  }
  return parseIsoDateTime(text)?.toISOString() ?? null;
};

export const isIsoDate = (value: unknown): value is string => typeof value === 'string' && parseIsoDate(value) !== null;

export const isIsoDateTime = (value: unknown): value is string => typeof value === 'string' && parseIsoDateTime(value) !== null;
