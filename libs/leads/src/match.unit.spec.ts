import { MatchIndex } from './match-index';
import type { MatchRules } from './match-rules';
import { decideMatch, exactKeysOf, matchFactsOf, normalizeFields } from './match';
import { similarity } from './similarity';

const rules: MatchRules = {
  file: 'lead-matching.yaml',
  kind: 'lead',
  defaultRegion: 'US',
  rules: [
    { id: 'same-email', type: 'exact', field: 'email', as: 'email' },
    { id: 'same-phone', type: 'exact', field: 'phone', as: 'phone' },
    { id: 'same-company-and-person', type: 'similar', company: 'company', person: 'name', threshold: 0.9, reviewFrom: 0.75 },
  ],
};

const noHolders = new Map<string, string>();

describe('similarity', () => {
  it('given equal texts, then it is 1; given nothing in common, then it is 0', () => {
    expect(similarity('acme', 'acme')).toBe(1);
    expect(similarity('abc', 'xyz')).toBe(0);
  });

  it('given one typo in ten letters, then it is 0.9', () => {
    expect(similarity('john smith', 'jon smithe')).toBeCloseTo(0.8);
    expect(similarity('john smith', 'jon smith')).toBeCloseTo(0.9);
  });

  it('given two empty texts, then they are not similar (nothing to compare)', () => {
    expect(similarity('', '')).toBe(0);
  });
});

describe('exact keys', () => {
  it('given an email in another case with spaces and a phone in another format, when keyed, then the keys are the normalized values', () => {
    expect(exactKeysOf(rules, { email: '  Ann@ACME.example ', phone: '(415) 555-2671' })).toEqual([
      { rule: 'same-email', key: 'email:ann@acme.example' },
      { rule: 'same-phone', key: 'phone:+14155552671' },
    ]);
  });

  it('given fields that are missing or not valid, when keyed, then they give no key', () => {
    expect(exactKeysOf(rules, { email: 'not an address', phone: null })).toEqual([]);
  });
});

describe('decideMatch', () => {
  const index = new MatchIndex();
  index.upsert('lead-1', matchFactsOf(rules, { company: 'ACME Ltd.', name: 'Ann Lee' }));
  index.upsert('lead-2', matchFactsOf(rules, { company: 'Globex Corporation', name: 'Hank Scorpio' }));

  it('given a lead holding the incoming email, when decided, then it matches by the email rule', () => {
    const holders = new Map([['email:ann@acme.example', 'lead-7']]);
    expect(decideMatch(rules, { email: 'ANN@acme.example' }, holders, index)).toEqual({ kind: 'match', rule: 'same-email', recordId: 'lead-7', score: 1 });
  });

  it('given "Acme Limited" with the same person, when decided, then it matches "ACME Ltd." by company and person', () => {
    expect(decideMatch(rules, { company: 'Acme Limited', name: 'ann lee' }, noHolders, index)).toEqual({
      kind: 'match',
      rule: 'same-company-and-person',
      recordId: 'lead-1',
      score: 1,
    });
  });

  it('given the same company and a person only somewhat alike, when decided, then it is a near match for review', () => {
    const outcome = decideMatch(rules, { company: 'Acme Inc', name: 'Anna Lee' }, noHolders, index);
    expect(outcome).toEqual({ kind: 'near', rule: 'same-company-and-person', recordId: 'lead-1', score: 0.875 });
  });

  it('given the same company and another person, when decided, then there is no match', () => {
    expect(decideMatch(rules, { company: 'Acme', name: 'Bob Stone' }, noHolders, index)).toEqual({ kind: 'none' });
  });

  it('given a near match by similarity and an exact one by a later rule, when decided, then the exact one wins', () => {
    const holders = new Map([['phone:+14155552671', 'lead-9']]);
    expect(decideMatch(rules, { company: 'Acme', name: 'Anna Lee', phone: '415 555 2671' }, holders, index)).toEqual({
      kind: 'match',
      rule: 'same-phone',
      recordId: 'lead-9',
      score: 1,
    });
  });

  it('given a lead left out of the index (merged away), when decided, then it is not matched any more', () => {
    const shrinking = new MatchIndex();
    shrinking.upsert('lead-1', matchFactsOf(rules, { company: 'ACME Ltd.', name: 'Ann Lee' }));
    shrinking.remove('lead-1');
    expect(decideMatch(rules, { company: 'Acme Limited', name: 'Ann Lee' }, noHolders, shrinking)).toEqual({ kind: 'none' });
  });

  it('given an excluded record, when decided, then it is never its own match', () => {
    expect(decideMatch(rules, { company: 'Acme Limited', name: 'ann lee' }, noHolders, index, { exclude: 'lead-1' })).toEqual({ kind: 'none' });
  });
});

describe('normalizeFields', () => {
  it('given an email and a phone as typed, when normalized, then they are stored as the rules compare them and the rest as sent', () => {
    expect(normalizeFields(rules, { name: ' Ann ', email: ' Ann@ACME.example', phone: '(415) 555-2671' })).toEqual({ name: ' Ann ', email: 'ann@acme.example', phone: '+14155552671' });
  });

  it('given a phone that is no valid number, when normalized, then it stays as sent', () => {
    expect(normalizeFields(rules, { phone: '12345' })).toEqual({ phone: '12345' });
  });
});
