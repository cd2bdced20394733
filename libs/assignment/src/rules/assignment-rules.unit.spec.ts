import { BlueprintException, parseBusinessCalendars, type BlueprintProblem } from '@crm/blueprint';
import { assignmentLeadBlueprint } from '../__fixtures__/assignment-lead.blueprint';
import { parseAssignmentRules, type AssignmentRules } from './assignment-rules';

const calendars = parseBusinessCalendars(
  `
calendars:
  default:  { timeZone: UTC, workingDays: [mon, tue, wed, thu, fri], hours: "09:00-17:00" }
  shanghai: { timeZone: Asia/Shanghai, workingDays: [mon, tue, wed, thu, fri], hours: "09:00-18:00" }
teams: { east: shanghai }
`,
  'business-calendars.yaml',
);
const FILE = 'lead-assignment.yaml';
const parse = (source: string): AssignmentRules => parseAssignmentRules(source, FILE, { lead: assignmentLeadBlueprint(), calendars });

const problemsOf = (source: string): string[] => {
  try {
    parse(source);
  } catch (error) {
    if (error instanceof BlueprintException) return error.details.problems.map((problem: BlueprintProblem) => `${problem.file}: ${problem.path}: ${problem.message}`);
    throw error;
  }
  throw new Error('expected the rules to be refused');
};

describe('assignment rules file', () => {
  it('given a full file, when parsed, then rules keep their order, defaults are filled in and the pool settings are read', () => {
    const rules = parse(`
rules:
  - id: china-partners
    title: Partner leads from China
    match: { source: [partner, referral] }
    when: email.endsWith('.cn')
    team: east
    strategy: round_robin
    capacity: { default: 25, rita: 10 }
    workingHours: true
    on: [intake]
  - id: everyone-else
    team: west
    strategy: balanced
pool:
  claimCap: 20
  cooldown: P3D
  returnAfter: P5D
  returnCalendar: team
`);
    expect(rules.rules.map((rule) => rule.id)).toEqual(['china-partners', 'everyone-else']);
    const [china, rest] = rules.rules;
    expect(china).toMatchObject({ team: 'east', strategy: 'round_robin', workingHours: true, on: ['intake'], capacity: { default: 25, reps: { rita: 10 } } });
    expect(china.match).toEqual([{ field: 'source', values: ['partner', 'referral'] }]);
    expect(china.when?.source).toBe("email.endsWith('.cn')");
    expect(rest).toMatchObject({ team: 'west', strategy: 'balanced', workingHours: false, on: ['intake', 'return'], capacity: { default: null, reps: {} }, match: [] });
    expect(rest.when).toBeUndefined();
    expect(rules.pool).toEqual({ claimCap: 20, cooldown: 'P3D', returnAfter: { after: 'P5D', calendar: 'team' } });
  });

  it('given an empty file, when parsed, then there are no rules and no pool limits', () => {
    expect(parse('')).toMatchObject({ rules: [], pool: { claimCap: null, cooldown: null, returnAfter: null } });
  });

  it('given every kind of mistake, when parsed, then every problem is named with file and path at once', () => {
    expect(
      problemsOf(`
rules:
  - id: Bad Id
    match: { region: [east], source: [fax], email: 3 }
    when: budjet > 10.0
    strategy: lottery
    capacity: -1
    workingHours: sometimes
    on: [birthday]
    colour: red
  - id: twice
    team: east
  - id: twice
    team: east
    when: name
pool:
  claimCap: 0
  cooldown: three days
  returnAfter: P5D
  returnCalendar: mars
  lottery: true
surprise: 1
`),
    ).toEqual([
      `${FILE}: rules[0].id: expected a lower-case id (letters, digits, - and _), got "Bad Id"`,
      `${FILE}: rules[0].match.region: the lead blueprint has no field "region"; fields: name, company, email, source, budget`,
      `${FILE}: rules[0].match.source[0]: "fax" is not a value of source; values: web, referral, event, partner`,
      `${FILE}: rules[0].match.email: expected a value or a list of values of email`,
      `${FILE}: rules[0].when: names unknown field "budjet" (did you mean "budget"?): Unknown variable: budjet (at column 1)`,
      `${FILE}: rules[0].team: expected the team whose reps the rule assigns to`,
      `${FILE}: rules[0].strategy: expected round_robin or balanced, got "lottery"`,
      `${FILE}: rules[0].capacity: expected a whole number ≥ 1, or { default?, <rep>: <number> }`,
      `${FILE}: rules[0].workingHours: expected true or false`,
      `${FILE}: rules[0].on[0]: expected intake or return, got "birthday"`,
      `${FILE}: rules[0].colour: unknown key "colour"; known keys: id, title, match, when, team, strategy, capacity, workingHours, on`,
      `${FILE}: rules[2].when: must be a condition (true or false), but it yields a string`,
      `${FILE}: rules[2].id: "twice" is used by rules[1] already`,
      `${FILE}: pool.claimCap: expected a whole number ≥ 1 or null, got 0`,
      `${FILE}: pool.cooldown: expected an ISO-8601 duration such as P3D, got "three days"`,
      `${FILE}: pool.returnCalendar: unknown business calendar "mars"; calendars: default, shanghai, or team`,
      `${FILE}: pool.lottery: unknown key "lottery"; known keys: claimCap, cooldown, returnAfter, returnCalendar`,
      `${FILE}: surprise: unknown key "surprise"; known keys: rules, pool`,
    ]);
  });

  it('given no lead blueprint, when rules are declared, then the file is refused naming why', () => {
    expect(() => parseAssignmentRules('rules: [{ id: a, team: east }]', FILE, { lead: null, calendars })).toThrow(
      `${FILE}: rules: no blueprint governs kind lead, so no rule can match a lead`,
    );
  });

  it('given YAML that does not parse, when parsed, then the syntax error is named with the file', () => {
    expect(problemsOf('rules: [')[0]).toMatch(new RegExp(`^${FILE}: : YAML syntax error`));
  });
});
