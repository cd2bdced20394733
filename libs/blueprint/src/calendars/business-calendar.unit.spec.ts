import { addBusinessTime, addPlainTime, atDay, type BusinessCalendar } from './business-calendar';
import { calendarFor, parseBusinessCalendars, STANDARD_CALENDAR } from './business-calendars';

const weekdays: BusinessCalendar = { ...STANDARD_CALENDAR, id: 'berlin', timeZone: 'UTC', holidays: new Set(['2026-06-05']) };
const at = (iso: string): Date => new Date(iso);
const plus = (start: string, duration: string, calendar: BusinessCalendar = weekdays): string => addBusinessTime(calendar, at(start), duration).toISOString();

describe('business time', () => {
  // 2026-06-01 is a Monday; 2026-06-05 (Friday) is a holiday of this calendar.
  it.each([
    ['within the day', '2026-06-01T10:00:00.000Z', 'PT4H', '2026-06-01T14:00:00.000Z'],
    ['over closing time', '2026-06-01T15:00:00.000Z', 'PT4H', '2026-06-02T11:00:00.000Z'],
    ['from before opening', '2026-06-01T06:00:00.000Z', 'PT1H', '2026-06-01T10:00:00.000Z'],
    ['over a weekend and a holiday', '2026-06-04T16:30:00.000Z', 'PT1H', '2026-06-08T09:30:00.000Z'],
    ['from a Saturday', '2026-06-06T10:00:00.000Z', 'PT1H', '2026-06-08T10:00:00.000Z'],
    ['two working days over a holiday', '2026-06-03T10:00:00.000Z', 'P2D', '2026-06-08T10:00:00.000Z'],
    ['days then hours', '2026-06-01T16:00:00.000Z', 'P1DT2H', '2026-06-03T10:00:00.000Z'],
  ])('given a weekday 09:00-17:00 calendar, when %s, then the due time counts working time only', (_case, start, duration, due) => {
    expect(plus(start, duration)).toBe(due);
  });

  it('given a calendar in another time zone, when an hour is added at its opening, then the hour is counted in its local hours', () => {
    const shanghai: BusinessCalendar = { ...weekdays, timeZone: 'Asia/Shanghai', holidays: new Set() };
    // 01:00 UTC is 09:00 in Shanghai.
    expect(plus('2026-06-01T01:00:00.000Z', 'PT1H', shanghai)).toBe('2026-06-01T02:00:00.000Z');
    expect(plus('2026-06-01T08:30:00.000Z', 'PT1H', shanghai)).toBe('2026-06-02T01:30:00.000Z');
  });

  it('given plain time and date anchors, when computed, then they are exact', () => {
    expect(addPlainTime(at('2026-06-06T10:00:00.000Z'), 'PT4H').toISOString()).toBe('2026-06-06T14:00:00.000Z');
    expect(atDay('2026-06-30', '-P90D', 'UTC').toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(atDay('2026-06-30', 'P1D', 'Asia/Shanghai').toISOString()).toBe('2026-06-30T16:00:00.000Z');
  });
});

describe('business calendars file', () => {
  const file = `
calendars:
  default: { timeZone: UTC, workingDays: [mon, tue, wed, thu, fri], hours: "09:00-17:00" }
  china: { timeZone: Asia/Shanghai, workingDays: [mon, tue, wed, thu, fri], hours: "09:00-18:00", holidays: [2026-10-01] }
teams:
  east: china
`;

  it('given calendars and teams, when a timer names team, then the owner team’s calendar is used, else the default', () => {
    const calendars = parseBusinessCalendars(file, 'business-calendars.yaml');
    expect(calendarFor(calendars, 'team', 'east').id).toBe('china');
    expect(calendarFor(calendars, 'team', 'west').id).toBe('default');
    expect(calendarFor(calendars, 'team', null).id).toBe('default');
    expect(calendarFor(calendars, 'china', null).holidays.has('2026-10-01')).toBe(true);
  });

  it('given a broken file, when read, then every problem is named with its path', () => {
    const broken = `
calendars:
  china: { timeZone: Mars/Olympus, workingDays: [mon, funday], hours: "18:00-09:00", holidays: [tomorrow], lunch: 1 }
teams:
  east: nowhere
`;
    let problems: unknown;
    try {
      parseBusinessCalendars(broken, 'business-calendars.yaml');
    } catch (error) {
      problems = (error as { details: { problems: { path: string }[] } }).details.problems.map((problem) => problem.path);
    }
    expect(problems).toEqual([
      'calendars.china.timeZone',
      'calendars.china.workingDays',
      'calendars.china.hours',
      'calendars.china.holidays[0]',
      'calendars.china.lunch',
      'calendars',
      'teams.east',
    ]);
  });

  it('given a holiday on a day that does not exist, when read, then it is refused at its path, not moved to March', () => {
    const impossible = `
calendars:
  default: { timeZone: UTC, workingDays: [mon, tue, wed, thu, fri], hours: "09:00-17:00", holidays: ["2026-03-02", "2026-02-30"] }
`;

    expect(() => parseBusinessCalendars(impossible, 'business-calendars.yaml')).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({
          problems: [expect.objectContaining({ path: 'calendars.default.holidays[1]', message: 'expected a date (YYYY-MM-DD), got "2026-02-30"' })],
        }),
      }),
    );
  });
});
