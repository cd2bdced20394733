import { compileBlueprint } from '../compile-blueprint';
import { blueprintContentHash } from '../blueprint-content-hash';
import { DEAL_TRANSITIONS, dealDefinition, problemsOf, dealBlueprint } from '../__fixtures__/deal-blueprint';

const SCORED_FIELDS = {
  industry: { type: 'enum', values: ['software', 'retail', 'other'] },
  employees: { type: 'number', min: 0 },
  title: { type: 'string' },
  newsletter: { type: 'boolean' },
};

const SCORING = {
  attributes: [
    { id: 'target_industry', points: 15, field: 'industry', values: ['software'] },
    { id: 'enterprise', title: 'Enterprise size', points: 20, when: 'employees >= 1000.0' },
    { id: 'opted_in', points: 5, field: 'newsletter', values: [true] },
  ],
  behaviours: [
    { activity: 'demo_requested', points: 30 },
    { activity: 'email_opened', title: 'Opened an email', points: 2, max: 10 },
    { activity: 'unsubscribed', points: -20 },
  ],
  decay: { percentPerWeek: 20 },
  thresholds: [
    { id: 'mql', at: 50, fire: 'negotiate' },
    { id: 'sql', title: 'Sales ready', at: 80, fire: 'win' },
  ],
};

const scored = (scoring: unknown = SCORING, fields: Record<string, unknown> = SCORED_FIELDS) =>
  dealBlueprint({ fields, top: { scoring }, transitions: DEAL_TRANSITIONS });

describe('blueprint scoring section', () => {
  it('given attribute and behaviour rules, a decay and thresholds, when parsed, then they are normalized into the definition', () => {
    const definition = dealDefinition({ fields: SCORED_FIELDS, top: { scoring: SCORING } });

    expect(definition.scoring).toEqual({
      attributes: [
        { id: 'target_industry', title: 'Target industry', points: 15, field: 'industry', values: ['software'] },
        { id: 'enterprise', title: 'Enterprise size', points: 20, when: 'employees >= 1000.0' },
        { id: 'opted_in', title: 'Opted in', points: 5, field: 'newsletter', values: [true] },
      ],
      behaviours: [
        { activity: 'demo_requested', title: 'Demo requested', points: 30 },
        { activity: 'email_opened', title: 'Opened an email', points: 2, max: 10 },
        { activity: 'unsubscribed', title: 'Unsubscribed', points: -20 },
      ],
      decay: { percentPerWeek: 20 },
      thresholds: [
        { id: 'mql', title: 'Mql', at: 50, fire: 'negotiate' },
        { id: 'sql', title: 'Sales ready', at: 80, fire: 'win' },
      ],
    });
  });

  it('given a blueprint without scoring, when parsed, then the definition has no scoring key (its content hash stays what it was)', () => {
    const plain = dealDefinition();

    expect(plain).not.toHaveProperty('scoring');
    expect(blueprintContentHash(plain)).toBe(blueprintContentHash({ ...plain, scoring: undefined }));
  });

  it('given a scored blueprint, when compiled, then its attribute conditions are compiled with the criteria', () => {
    const compiled = compileBlueprint(dealDefinition({ fields: SCORED_FIELDS, top: { scoring: SCORING } }));

    expect(compiled.expressionFor('employees >= 1000.0').evaluate({ employees: 5000 })).toEqual({ holds: true });
    expect(compiled.expressionFor('employees >= 1000.0').evaluate({})).toMatchObject({ holds: false });
  });

  it('given broken rules, when parsed, then every problem is named with its path', () => {
    const problems = problemsOf(
      scored({
        attributes: [
          { id: 'a', points: 15, field: 'industri', values: ['software'] },
          { id: 'b', points: 5, field: 'industry', values: ['softwear', 3] },
          { id: 'c', points: 5, when: 'employes > 10.0' },
          { id: 'd', points: 5, field: 'industry', values: ['retail'], when: 'employees > 10.0' },
          { id: 'e', points: 5 },
          { id: 'a', points: 0, field: 'employees', values: ['many'] },
          { id: 'f', points: 2.5, field: 'newsletter', values: ['yes'] },
        ],
        behaviours: [
          { activity: 'demo_requested', points: 30, max: 0 },
          { activity: 'demo_requested', points: 5 },
          { activity: 'Email Opened', points: 5000 },
        ],
        decay: { percentPerWeek: 0, every: 'P1W' },
        thresholds: [
          { id: 'mql', at: 50, fire: 'negotiat' },
          { id: 'mql', at: 0, fire: 'win' },
        ],
        extra: true,
      }),
    );

    expect(problems).toEqual(
      expect.arrayContaining([
        'scoring.attributes[0].field: unknown field "industri" (did you mean "industry"?)',
        'scoring.attributes[1].values[0]: "softwear" is not one of industry’s values (software, retail, other)',
        'scoring.attributes[1].values[1]: 3 is not one of industry’s values (software, retail, other)',
        'scoring.attributes[3]: an attribute rule matches a field’s values (field and values) or a CEL condition (when), not both',
        'scoring.attributes[4]: an attribute rule needs field and values, or a CEL condition (when)',
        'scoring.attributes[5].id: rule "a" is listed twice; score rules (attribute ids and behaviour activities) are unique per blueprint',
        'scoring.attributes[5].points: must be a whole number of points from -1000 to 1000, other than 0',
        'scoring.attributes[5].values[0]: "many" is not a number (employees is a number field)',
        'scoring.attributes[6].points: must be a whole number of points from -1000 to 1000, other than 0',
        'scoring.attributes[6].values[0]: "yes" is not true or false (newsletter is a boolean field)',
        'scoring.behaviours[0].max: must be a whole number of points, 1 or more',
        'scoring.behaviours[1].activity: rule "demo_requested" is listed twice; score rules (attribute ids and behaviour activities) are unique per blueprint',
        `scoring.behaviours[2].activity: must be a lower-case identifier (a-z, 0-9, _; starting with a letter)`,
        'scoring.behaviours[2].points: must be a whole number of points from -1000 to 1000, other than 0',
        'scoring.decay.percentPerWeek: must be a whole percentage from 1 to 100',
        'scoring.thresholds[0].fire: no transition "negotiat" (did you mean "negotiate"?)',
        'scoring.thresholds[1].id: threshold "mql" is listed twice',
        'scoring.thresholds[1].at: must be a whole number of points, 1 or more',
      ]),
    );
    expect(problems.some((problem) => problem.startsWith('scoring.attributes[2].when: names unknown field "employes"'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('scoring.decay.every: unknown key "every"'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('scoring.extra: unknown key "extra"'))).toBe(true);
  });

  it('given scoring with no rules at all, when parsed, then it says a score needs rules', () => {
    expect(problemsOf(scored({ thresholds: [{ id: 'mql', at: 50, fire: 'negotiate' }] }))).toEqual([
      'scoring: declares no attributes and no behaviours; a score needs at least one rule',
    ]);
  });
});
