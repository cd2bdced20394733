import { readFileSync } from 'node:fs';
import { IANAZone } from 'luxon';
import { isIsoDate } from '@crm/clock';
import { parse } from 'yaml';
import { invalidBlueprint, type BlueprintProblem } from '../blueprint.exception';
import type { BusinessCalendar } from './business-calendar';

/** The calendars a deployment works by, and which team works by which (`default` for the rest). */
export interface BusinessCalendars {
  readonly calendars: ReadonlyMap<string, BusinessCalendar>;
  readonly teams: ReadonlyMap<string, string>;
}

export const DEFAULT_CALENDAR = 'default';
/** A timer's `calendar: team` means the calendar of the record owner's team. */
export const TEAM_CALENDAR = 'team';

/** Monday to Friday, 09:00-17:00 UTC, no holidays: what a deployment without a calendars file works by. */
export const STANDARD_CALENDAR: BusinessCalendar = {
  id: DEFAULT_CALENDAR,
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  opensAt: 9 * 60,
  closesAt: 17 * 60,
  holidays: new Set(),
};

export const standardCalendars = (): BusinessCalendars => ({ calendars: new Map([[DEFAULT_CALENDAR, STANDARD_CALENDAR]]), teams: new Map() });

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const HOURS = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;
const ID = /^[a-z][a-z0-9_]*$/;

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

const readCalendar = (id: string, value: unknown, problem: (path: string, message: string) => void): BusinessCalendar | null => {
  const at = `calendars.${id}`;
  if (!ID.test(id)) problem(at, `calendar id "${id}" must be lower-case letters, digits and _`);
  if (!isPlain(value)) {
    problem(at, 'expected { timeZone, workingDays, hours, holidays? }');
    return null;
  }
  const timeZone = value['timeZone'];
  if (typeof timeZone !== 'string' || !IANAZone.isValidZone(timeZone)) problem(`${at}.timeZone`, `expected an IANA time zone such as Asia/Shanghai, got ${JSON.stringify(timeZone)}`);
  const days = value['workingDays'];
  const workingDays = Array.isArray(days) ? days.map((day) => WEEKDAYS.indexOf(String(day)) + 1) : [];
  if (!Array.isArray(days) || workingDays.length === 0 || workingDays.some((day) => day === 0)) {
    problem(`${at}.workingDays`, `expected a non-empty list of ${WEEKDAYS.join(', ')}`);
  }
  const hours = typeof value['hours'] === 'string' ? HOURS.exec(value['hours']) : null;
  const opensAt = hours === null ? 0 : Number(hours[1]) * 60 + Number(hours[2]);
  const closesAt = hours === null ? 0 : Number(hours[3]) * 60 + Number(hours[4]);
  if (hours === null || closesAt <= opensAt) problem(`${at}.hours`, `expected opening hours like "09:00-18:00", got ${JSON.stringify(value['hours'])}`);
  const holidayList = value['holidays'] ?? [];
  const holidays = Array.isArray(holidayList) ? holidayList.map(String) : [];
  if (!Array.isArray(holidayList)) problem(`${at}.holidays`, 'expected a list of dates (YYYY-MM-DD)');
  holidays.forEach((day, index) => {
    if (!isIsoDate(day)) problem(`${at}.holidays[${index}]`, `expected a date (YYYY-MM-DD), got ${JSON.stringify(day)}`);
  });
  for (const key of Object.keys(value)) {
    if (!['timeZone', 'workingDays', 'hours', 'holidays'].includes(key)) problem(`${at}.${key}`, `unknown key "${key}"; known keys: timeZone, workingDays, hours, holidays`);
  }
  return typeof timeZone === 'string' ? { id, timeZone, workingDays, opensAt, closesAt, holidays: new Set(holidays) } : null;
};

/**
 * Reads a calendars file (`business-calendars.yaml` beside the blueprints): every problem with its path,
 * as for blueprints. A `default` calendar is required; teams map to calendar ids.
 */
export const parseBusinessCalendars = (source: string, file: string): BusinessCalendars => {
  const problems: BlueprintProblem[] = [];
  const problem = (path: string, message: string): void => void problems.push({ file, path, message });
  let document: unknown;
  try {
    document = parse(source);
  } catch (error) {
    throw invalidBlueprint([{ file, path: '', message: `YAML syntax error: ${error instanceof Error ? error.message : String(error)}` }]);
  }
  const root = isPlain(document) ? document : {};
  const calendars = new Map<string, BusinessCalendar>();
  const declared = root['calendars'];
  if (!isPlain(declared)) problem('calendars', 'expected a mapping of calendar id to { timeZone, workingDays, hours, holidays? }');
  else
    for (const [id, value] of Object.entries(declared)) {
      const calendar = readCalendar(id, value, problem);
      if (calendar !== null) calendars.set(id, calendar);
    }
  if (isPlain(declared) && !(DEFAULT_CALENDAR in declared)) problem('calendars', `a "${DEFAULT_CALENDAR}" calendar is required (teams without one of their own use it)`);
  const teams = new Map<string, string>();
  const teamMap = root['teams'] ?? {};
  if (!isPlain(teamMap)) problem('teams', 'expected a mapping of team to calendar id');
  else
    for (const [team, calendar] of Object.entries(teamMap)) {
      if (typeof calendar !== 'string' || !calendars.has(calendar)) problem(`teams.${team}`, `unknown calendar ${JSON.stringify(calendar)}; calendars: ${[...calendars.keys()].join(', ')}`);
      else teams.set(team, calendar);
    }
  for (const key of Object.keys(root)) if (key !== 'calendars' && key !== 'teams') problem(key, `unknown key "${key}"; known keys: calendars, teams`);
  if (problems.length > 0) throw invalidBlueprint(problems);
  return { calendars, teams };
};

export const loadBusinessCalendars = (file: string): BusinessCalendars => parseBusinessCalendars(readFileSync(file, 'utf8'), file);

/** The calendar a timer names: an id, or `team` (the owner's team's, else the default one). */
export const calendarFor = (calendars: BusinessCalendars, name: string, ownerTeam: string | null): BusinessCalendar => {
  const id = name === TEAM_CALENDAR ? ((ownerTeam === null ? undefined : calendars.teams.get(ownerTeam)) ?? DEFAULT_CALENDAR) : name;
  const calendar = calendars.calendars.get(id);
  if (calendar === undefined) throw new Error(`business calendar "${id}" is not defined; check blueprint calendars at start-up`);
  return calendar;
};
