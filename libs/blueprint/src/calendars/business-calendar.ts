import { DateTime, Duration } from 'luxon';

/**
 * When a team works: days of the week, opening hours and holidays, in a time zone. Timers that name a
 * calendar count their duration in this working time ("4 business hours", "2 business days").
 */
export interface BusinessCalendar {
  readonly id: string;
  /** IANA time zone, e.g. `Asia/Shanghai`. */
  readonly timeZone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  readonly workingDays: readonly number[];
  /** Minutes after midnight, local time. */
  readonly opensAt: number;
  readonly closesAt: number;
  /** Local dates (`YYYY-MM-DD`) nobody works. */
  readonly holidays: ReadonlySet<string>;
}

const minuteOfDay = (time: DateTime): number => time.hour * 60 + time.minute + time.second / 60 + time.millisecond / 60_000;

const isWorkingDay = (calendar: BusinessCalendar, time: DateTime): boolean =>
  calendar.workingDays.includes(time.weekday) && !calendar.holidays.has(time.toISODate() ?? '');

const atMinute = (day: DateTime, minute: number): DateTime => day.startOf('day').plus({ minutes: minute });

/** Whether `at` falls in the calendar's working time: a working day, within opening hours (who may take work now). */
export const isWorkingTime = (calendar: BusinessCalendar, at: Date): boolean => {
  const time = DateTime.fromJSDate(at, { zone: calendar.timeZone });
  const minute = minuteOfDay(time);
  return isWorkingDay(calendar, time) && minute >= calendar.opensAt && minute < calendar.closesAt;
};

/** The first working moment at or after `time`. */
const nextWorkingMoment = (calendar: BusinessCalendar, time: DateTime): DateTime => {
  let day: DateTime = time;
  // A calendar with no working day at all is refused when loaded; 800 days covers any holiday list.
  for (let guard = 0; guard < 800; guard += 1) {
    if (isWorkingDay(calendar, day)) {
      const minute = minuteOfDay(day);
      if (minute < calendar.opensAt) return atMinute(day, calendar.opensAt);
      if (minute < calendar.closesAt) return day;
    }
    day = atMinute(day.plus({ days: 1 }), calendar.opensAt);
  }
  throw new Error(`business calendar "${calendar.id}" has no working time within 800 days of ${time.toISO()}`);
};

/**
 * `start` plus a duration counted in the calendar's working time: the days (weeks count five) as
 * working days at the same time of day, then the hours and minutes as open hours. A start outside
 * working time counts from the next opening. Months and years are plain calendar time.
 */
export const addBusinessTime = (calendar: BusinessCalendar, start: Date, isoDuration: string): Date => {
  const duration = Duration.fromISO(isoDuration).shiftTo('years', 'months', 'weeks', 'days', 'minutes');
  let time: DateTime = DateTime.fromJSDate(start, { zone: calendar.timeZone }).plus({ years: duration.years, months: duration.months });
  time = nextWorkingMoment(calendar, time);
  const workingDays = duration.weeks * 5 + duration.days;
  for (let day = 0; day < workingDays; day += 1) {
    time = time.plus({ days: 1 });
    while (!isWorkingDay(calendar, time)) time = time.plus({ days: 1 });
  }
  let minutes = duration.minutes;
  while (minutes > 0) {
    time = nextWorkingMoment(calendar, time);
    const open = calendar.closesAt - minuteOfDay(time);
    if (minutes <= open) {
      time = time.plus({ minutes });
      minutes = 0;
    } else {
      minutes -= open;
      time = atMinute(time, calendar.closesAt);
    }
  }
  return time.toJSDate();
};

/** The start of a local date in `timeZone`, moved by a signed ISO-8601 duration (`-P90D`). */
export const atDay = (date: string, offset: string | undefined, timeZone: string): Date => {
  const day = DateTime.fromISO(date, { zone: timeZone }).startOf('day');
  if (offset === undefined) return day.toJSDate();
  const negative = offset.startsWith('-');
  const duration = Duration.fromISO(negative ? offset.slice(1) : offset);
  return (negative ? day.minus(duration) : day.plus(duration)).toJSDate();
};

const fixedLengths = new Map<string, number | null>();

/**
 * The duration in milliseconds when every part of it has one length in UTC (whole weeks, days, hours,
 * minutes, seconds), else null (months and years vary, fractions are left to luxon). Timers ask for the
 * same few durations on every decision: each is read once.
 */
const fixedLengthMs = (isoDuration: string): number | null => {
  const known = fixedLengths.get(isoDuration);
  if (known !== undefined) return known;
  const duration = Duration.fromISO(isoDuration);
  const parts = duration.toObject();
  const fixed =
    duration.isValid && parts.years === undefined && parts.quarters === undefined && parts.months === undefined && Object.values(parts).every((part) => Number.isInteger(part))
      ? duration.as('milliseconds')
      : null;
  if (fixedLengths.size < 1_000) fixedLengths.set(isoDuration, fixed);
  return fixed;
};

/** Plain time: `start` plus the duration, in UTC. */
export const addPlainTime = (start: Date, isoDuration: string): Date => {
  const fixed = fixedLengthMs(isoDuration);
  return fixed === null ? DateTime.fromJSDate(start, { zone: 'UTC' }).plus(Duration.fromISO(isoDuration)).toJSDate() : new Date(start.getTime() + fixed);
};
