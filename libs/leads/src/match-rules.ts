import { readFileSync } from 'node:fs';
import { invalidBlueprint, type BlueprintProblem } from '@crm/blueprint';
import { parseDocument } from 'yaml';
import { isPhoneRegion } from './normalize';

/** How an exact rule reads its field before comparing. */
export const EXACT_NORMALIZERS = ['email', 'phone', 'company', 'text'] as const;
export type ExactNormalizer = (typeof EXACT_NORMALIZERS)[number];

/** Equal when the field's normalized values are equal (race-free: one reservation per value). */
export interface ExactRule {
  readonly id: string;
  readonly type: 'exact';
  readonly field: string;
  readonly as: ExactNormalizer;
}

/**
 * Alike when both the normalized company and the normalized person name are at least `threshold`
 * similar (the lower of the two counts); at least `reviewFrom` but below it: a near match to review.
 */
export interface SimilarRule {
  readonly id: string;
  readonly type: 'similar';
  readonly company: string;
  readonly person: string;
  readonly threshold: number;
  readonly reviewFrom: number;
}

export type MatchRule = ExactRule | SimilarRule;

/** A `<kind>-matching.yaml` file: the rules in the order they are tried (README, Intake and dedup). */
export interface MatchRules {
  readonly file: string;
  /** The record kind the rules dedup. */
  readonly kind: string;
  /** Where a phone without its country code is read (ISO 3166-1 alpha-2). */
  readonly defaultRegion: string;
  readonly rules: readonly MatchRule[];
}

export interface MatchRulesContext {
  /** The fields of the kind's blueprint; rules naming others are refused. */
  readonly fields?: readonly string[];
}

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

const RULE_ID = /^[a-z][a-z0-9-]*$/;
const KIND = /^[a-z][a-z0-9_]*$/;
const ROOT_KEYS = ['kind', 'defaultRegion', 'rules'];

const shown = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));

/**
 * Reads a match rules file, reporting every problem at once with the file and its path, like a
 * blueprint (README, Blueprint reference). Thrown as INVALID_BLUEPRINT, so the engine refuses to start.
 */
export const parseMatchRules = (source: string, file: string, context: MatchRulesContext = {}): MatchRules => {
  const problems: BlueprintProblem[] = [];
  const problem = (path: string, message: string): void => void problems.push({ file, path, message });
  const document = parseDocument(source, { uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) {
    const first = document.errors[0];
    const line = first.linePos?.[0]?.line;
    throw invalidBlueprint([{ file, path: '', message: `YAML syntax error${line === undefined ? '' : ` at line ${line}`}: ${first.message.split('\n')[0]}`, ...(line === undefined ? {} : { line }) }]);
  }
  const root: unknown = document.toJS({ maxAliasCount: 100 });
  if (!isPlain(root)) throw invalidBlueprint([{ file, path: '', message: 'expected a mapping with kind, defaultRegion and rules' }]);

  const kind = root['kind'];
  if (typeof kind !== 'string' || !KIND.test(kind)) problem('kind', `expected the record kind the rules dedup (like lead), got ${shown(kind)}`);
  const region = root['defaultRegion'];
  if (typeof region !== 'string' || !isPhoneRegion(region)) {
    problem('defaultRegion', `unknown phone region ${typeof region === 'string' ? `"${region}"` : shown(region)}; expected an ISO 3166-1 alpha-2 code such as US or CN`);
  }
  const fieldProblem = (path: string, field: unknown): boolean => {
    if (typeof field !== 'string' || field.length === 0) {
      problem(path, `expected a field name, got ${shown(field)}`);
      return true;
    }
    if (context.fields !== undefined && !context.fields.includes(field)) {
      problem(path, `unknown field "${field}"; ${typeof kind === 'string' ? kind : 'the kind\u2019s'} fields: ${context.fields.join(', ')}`);
      return true;
    }
    return false;
  };

  const rules: MatchRule[] = [];
  const declared = root['rules'];
  if (!Array.isArray(declared) || declared.length === 0) problem('rules', 'expected a non-empty list of rules');
  const seen = new Map<string, number>();
  (Array.isArray(declared) ? declared : []).forEach((entry: unknown, index) => {
    const at = `rules[${index}]`;
    if (!isPlain(entry)) {
      problem(at, 'expected a rule: { id, exact: { field, as } } or { id, similar: { company, person }, threshold, reviewFrom }');
      return;
    }
    const id = entry['id'];
    if (typeof id !== 'string' || !RULE_ID.test(id)) problem(`${at}.id`, `expected lower-case letters, digits and - (like same-email), got ${shown(id)}`);
    else if (seen.has(id)) problem(`${at}.id`, `"${id}" is the id of rules[${seen.get(id)}] too; rule ids must be unique`);
    else seen.set(id, index);
    const exact = entry['exact'];
    const similar = entry['similar'];
    if ((exact === undefined) === (similar === undefined)) {
      problem(at, 'expected exactly one of exact or similar');
      return;
    }
    const ruleId = typeof id === 'string' ? id : '';
    if (exact !== undefined) {
      for (const key of Object.keys(entry)) if (key !== 'id' && key !== 'exact') problem(`${at}.${key}`, `unknown key "${key}" for an exact rule; known keys: id, exact`);
      if (!isPlain(exact)) {
        problem(`${at}.exact`, 'expected { field, as }');
        return;
      }
      const field = exact['field'];
      const as = exact['as'];
      const badField = fieldProblem(`${at}.exact.field`, field);
      const badAs = typeof as !== 'string' || !(EXACT_NORMALIZERS as readonly string[]).includes(as);
      if (badAs) problem(`${at}.exact.as`, `expected one of ${EXACT_NORMALIZERS.join(', ')}, got ${shown(as)}`);
      for (const key of Object.keys(exact)) if (key !== 'field' && key !== 'as') problem(`${at}.exact.${key}`, `unknown key "${key}"; known keys: field, as`);
      if (!badField && !badAs) rules.push({ id: ruleId, type: 'exact', field: field as string, as: as as ExactNormalizer });
      return;
    }
    for (const key of Object.keys(entry)) {
      if (!['id', 'similar', 'threshold', 'reviewFrom'].includes(key)) problem(`${at}.${key}`, `unknown key "${key}" for a similar rule; known keys: id, similar, threshold, reviewFrom`);
    }
    if (!isPlain(similar)) {
      problem(`${at}.similar`, 'expected { company, person }: the fields holding the company name and the person name');
      return;
    }
    const badCompany = fieldProblem(`${at}.similar.company`, similar['company']);
    const badPerson = fieldProblem(`${at}.similar.person`, similar['person']);
    for (const key of Object.keys(similar)) if (key !== 'company' && key !== 'person') problem(`${at}.similar.${key}`, `unknown key "${key}"; known keys: company, person`);
    const threshold = entry['threshold'];
    const badThreshold = typeof threshold !== 'number' || !(threshold > 0 && threshold <= 1);
    if (badThreshold) problem(`${at}.threshold`, `expected a number above 0 and at most 1, got ${shown(threshold)}`);
    const reviewFrom = entry['reviewFrom'] ?? threshold;
    const badReview =
      typeof reviewFrom !== 'number' || !(reviewFrom > 0) || (!badThreshold && (reviewFrom as number) > (threshold as number));
    if (badReview && !badThreshold) {
      problem(`${at}.reviewFrom`, `expected a number above 0 and at most the threshold (${String(threshold)}), got ${shown(reviewFrom)}`);
    }
    if (!badCompany && !badPerson && !badThreshold && !badReview) {
      rules.push({ id: ruleId, type: 'similar', company: similar['company'] as string, person: similar['person'] as string, threshold: threshold as number, reviewFrom: reviewFrom as number });
    }
  });
  for (const key of Object.keys(root)) if (!ROOT_KEYS.includes(key)) problem(key, `unknown key "${key}"; known keys: ${ROOT_KEYS.join(', ')}`);
  if (problems.length > 0) throw invalidBlueprint(problems);
  return { file, kind: kind as string, defaultRegion: region as string, rules };
};

export const loadMatchRules = (file: string, context: MatchRulesContext = {}): MatchRules => parseMatchRules(readFileSync(file, 'utf8'), file, context);

/** The file a kind's rules are kept in, beside the blueprints. */
export const matchRulesFileName = (kind: string): string => `${kind}-matching.yaml`;
