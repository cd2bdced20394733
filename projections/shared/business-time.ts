import { parseIsoDate, parseIsoDateTime } from '@crm/clock';
import { invalidQuery } from './read-model.exception';

export type PeriodKind = 'month' | 'quarter';
export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter'];

const monthPeriod = /^(\d{4})-(\d{2})$/;
const quarterPeriod = /^(\d{4})-Q([1-4])$/;
const dayMs = 86_400_000;

/**
 * An as-of moment as the stored business times are written (`toISOString`, UTC), so it compares as text.
 * A bare date means the end of that day (UTC): "the pipeline on 2017-06-30" includes what happened that day.
 */
export const parseAsOf = (text: string): string => {
  const day = parseIsoDate(text);
  if (day) return new Date(day.getTime() + dayMs - 1).toISOString();
  const moment = parseIsoDateTime(text);
  if (!moment) {
    throw invalidQuery(`"${text}" is not a date (YYYY-MM-DD) or an ISO-8601 date-time with offset`, { value: text });
  }
  return moment.toISOString();
};

/** The start of a day (UTC) given as `YYYY-MM-DD` or an ISO date-time: window bounds `--from`/`--to`. */
export const parseInstant = (text: string): string => {
  const day = parseIsoDate(text);
  if (day) return day.toISOString();
  return parseAsOf(text);
};

export const isCalendarDate = (text: string): boolean => parseIsoDate(text) !== null;

/** The business date (UTC) of a stored ISO date-time. */
export const dateOf = (isoDateTimeText: string): string => isoDateTimeText.slice(0, 10);

export const periodOfDate = (date: string, kind: PeriodKind): string => {
  const [year, month] = [date.slice(0, 4), Number(date.slice(5, 7))];
  return kind === 'month' ? `${year}-${date.slice(5, 7)}` : `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
};

export const periodKindOf = (period: string): PeriodKind => {
  if (monthPeriod.test(period)) return 'month';
  if (quarterPeriod.test(period)) return 'quarter';
  throw invalidQuery(`"${period}" is not a period (YYYY-MM or YYYY-Qn)`, { period });
};

/** First instant of a period, ISO UTC. */
export const periodStart = (period: string): string => {
  const kind = periodKindOf(period);
  const year = Number(period.slice(0, 4));
  const month = kind === 'month' ? Number(period.slice(5, 7)) - 1 : (Number(period.slice(6)) - 1) * 3;
  return new Date(Date.UTC(year, month, 1)).toISOString();
};

export const nextPeriod = (period: string): string => {
  const kind = periodKindOf(period);
  const start = new Date(periodStart(period));
  start.setUTCMonth(start.getUTCMonth() + (kind === 'month' ? 1 : 3));
  return periodOfDate(start.toISOString().slice(0, 10), kind);
};

/** The period containing an instant. */
export const periodOfInstant = (instant: string, kind: PeriodKind): string => periodOfDate(dateOf(instant), kind);

/** Periods from `first` to `last`, both included. */
export const periodsBetween = (first: string, last: string): string[] => {
  if (periodKindOf(first) !== periodKindOf(last)) throw invalidQuery(`periods ${first} and ${last} are of different kinds`);
  const periods: string[] = [];
  for (let period = first; period <= last; period = nextPeriod(period)) periods.push(period);
  return periods;
};

export const daysBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / dayMs;

/** Business time only moves forward within a record: an event dated before the record's last change counts at that change. */
export const effectiveTime = (occurredAt: string, notBefore: string | null | undefined): string =>
  notBefore !== null && notBefore !== undefined && notBefore > occurredAt ? notBefore : occurredAt;
