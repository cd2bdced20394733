import {
  addBusinessTime,
  addPlainTime,
  atDay,
  calendarFor,
  standardCalendars,
  type BusinessCalendars,
  type FieldValues,
  type TimerDefinition,
  type TimerPlanner,
} from '@crm/blueprint';

/**
 * How the engine dates timers: the business calendars (working hours, holidays, time zones) and which
 * team each owner is in. Decisions ask it for a planner at the decision's moment; the due time it gives
 * is stored in TimerScheduled, so history never depends on calendars later.
 */
export interface Timing {
  plannerFor(owner: string | null, now: Date): TimerPlanner;
  /** The team a user is in now (null: none): whose pool a lead returns to when it leaves them. */
  teamOf(user: string): string | null;
  /** The calendars, for start-up checks of the blueprints' timers. */
  readonly calendars: BusinessCalendars;
}

/** When a timer is due for these field values, or null when its date field is empty. */
export const dueAtOf = (timer: TimerDefinition, fields: FieldValues, now: Date, calendars: BusinessCalendars, ownerTeam: string | null): Date | null => {
  const calendar = timer.calendar === undefined ? null : calendarFor(calendars, timer.calendar, ownerTeam);
  if (timer.after !== undefined) return calendar === null ? addPlainTime(now, timer.after) : addBusinessTime(calendar, now, timer.after);
  if (timer.at === undefined) return null;
  const value = Object.prototype.hasOwnProperty.call(fields, timer.at.field) ? fields[timer.at.field] : undefined;
  return typeof value === 'string' ? atDay(value, timer.at.offset, calendar?.timeZone ?? 'UTC') : null;
};

export const businessTiming = (calendars: BusinessCalendars, teamOf: (user: string) => string | null): Timing => ({
  calendars,
  teamOf,
  plannerFor: (owner, now) => ({
    dueIn: (timer, fields) => {
      const due = dueAtOf(timer, fields, now, calendars, owner === null ? null : teamOf(owner));
      return due === null ? Number.POSITIVE_INFINITY : due.getTime() - now.getTime();
    },
  }),
});

/** Plain time and the standard calendar (Monday to Friday, 09:00-17:00 UTC), nobody in a team. */
export const standardTiming = (): Timing => businessTiming(standardCalendars(), () => null);
