import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BlueprintException } from '@crm/blueprint';
import { parseMatchRules, type MatchRules } from './match-rules';

const file = 'lead-matching.yaml';

const problemsOf = (source: string, fields?: readonly string[]): string[] => {
  try {
    parseMatchRules(source, file, fields === undefined ? undefined : { fields });
  } catch (error) {
    if (error instanceof BlueprintException) return error.details.problems.map((problem) => `${problem.file}: ${problem.path}: ${problem.message}`);
    throw error;
  }
  return [];
};

const valid = `
kind: lead
defaultRegion: US
rules:
  - id: same-email
    exact: { field: email, as: email }
  - id: same-phone
    exact: { field: phone, as: phone }
  - id: same-company-and-person
    similar: { company: company, person: name }
    threshold: 0.9
    reviewFrom: 0.75
`;

describe('match rules file', () => {
  it('given the documented shape, when parsed, then the rules come back in their order', () => {
    const rules: MatchRules = parseMatchRules(valid, file);
    expect(rules).toEqual({
      file,
      kind: 'lead',
      defaultRegion: 'US',
      rules: [
        { id: 'same-email', type: 'exact', field: 'email', as: 'email' },
        { id: 'same-phone', type: 'exact', field: 'phone', as: 'phone' },
        { id: 'same-company-and-person', type: 'similar', company: 'company', person: 'name', threshold: 0.9, reviewFrom: 0.75 },
      ],
    });
  });

  it('given the shipped lead-matching.yaml, when parsed against the lead fields, then it is valid', () => {
    const shipped = join(__dirname, '..', '..', '..', 'blueprints', 'lead-matching.yaml');
    const rules = parseMatchRules(readFileSync(shipped, 'utf8'), shipped, { fields: ['name', 'company', 'email', 'phone'] });
    expect(rules.rules.map((rule) => rule.id)).toEqual(['same-email', 'same-phone', 'same-company-and-person']);
  });

  it('given several mistakes, when parsed, then every one is named with the file and its path', () => {
    const source = `
kind: lead
defaultRegion: XX
rules:
  - id: same-email
    exact: { field: email, as: mail }
  - id: same-email
    exact: { field: phone, as: phone }
  - id: Fuzzy
    similar: { company: company, person: fullName }
    threshold: 1.5
    reviewFrom: 0.95
  - id: nothing
surprise: true
`;
    expect(problemsOf(source, ['name', 'company', 'email', 'phone'])).toEqual([
      'lead-matching.yaml: defaultRegion: unknown phone region "XX"; expected an ISO 3166-1 alpha-2 code such as US or CN',
      'lead-matching.yaml: rules[0].exact.as: expected one of email, phone, company, text, got "mail"',
      'lead-matching.yaml: rules[1].id: "same-email" is the id of rules[0] too; rule ids must be unique',
      'lead-matching.yaml: rules[2].id: expected lower-case letters, digits and - (like same-email), got "Fuzzy"',
      'lead-matching.yaml: rules[2].similar.person: unknown field "fullName"; lead fields: name, company, email, phone',
      'lead-matching.yaml: rules[2].threshold: expected a number above 0 and at most 1, got 1.5',
      'lead-matching.yaml: rules[3]: expected exactly one of exact or similar',
      'lead-matching.yaml: surprise: unknown key "surprise"; known keys: kind, defaultRegion, rules',
    ]);
  });

  it('given a review band above the threshold, when parsed, then it is refused at its path', () => {
    const source = valid.replace('reviewFrom: 0.75', 'reviewFrom: 0.95');
    expect(problemsOf(source)).toEqual(['lead-matching.yaml: rules[2].reviewFrom: expected a number above 0 and at most the threshold (0.9), got 0.95']);
  });

  it('given broken YAML, when parsed, then the syntax error names the file and line', () => {
    expect(problemsOf('rules: [\n')[0]).toMatch(/^lead-matching\.yaml: : YAML syntax error at line 2/);
  });
});
