import { MatchIndex, type SimilarFacts } from './match-index';
import type { MatchRules, SimilarRule } from './match-rules';
import { normalizeCompanyName, normalizeEmail, normalizePersonName, normalizePhone } from './normalize';
import { similarity } from './similarity';

/** Field values as a record or a request carries them; only strings are read. */
export type MatchFields = Readonly<Record<string, unknown>>;

/** A normalized value an exact rule compares, namespaced by how it was normalized (`email:ann@acme.example`). */
export interface ExactKey {
  readonly rule: string;
  readonly key: string;
}

export type MatchOutcome =
  /** The incoming record is the existing one: merge. `score` is 1 for exact rules. */
  | { readonly kind: 'match'; readonly rule: string; readonly recordId: string; readonly score: number }
  /** Alike, but below the rule's threshold: a person should look (a review task). */
  | { readonly kind: 'near'; readonly rule: string; readonly recordId: string; readonly score: number }
  | { readonly kind: 'none' };

const text = (fields: MatchFields, name: string): string | null => {
  const value = fields[name];
  return typeof value === 'string' && value.trim().length > 0 ? value : null;
};

const normalizers = {
  email: (value: string) => normalizeEmail(value),
  phone: (value: string, region: string) => normalizePhone(value, region),
  company: (value: string) => normalizeCompanyName(value) || null,
  text: (value: string) => value.normalize('NFKC').trim().toLowerCase() || null,
} as const;

/** The keys exact rules compare, in rule order; a missing or invalid value gives none. */
export const exactKeysOf = (rules: MatchRules, fields: MatchFields): ExactKey[] => {
  const keys: ExactKey[] = [];
  for (const rule of rules.rules) {
    if (rule.type !== 'exact') continue;
    const value = text(fields, rule.field);
    const normalized = value === null ? null : normalizers[rule.as](value, rules.defaultRegion);
    if (normalized !== null) keys.push({ rule: rule.id, key: `${rule.as}:${normalized}` });
  }
  return keys;
};

const similarRules = (rules: MatchRules): SimilarRule[] => rules.rules.filter((rule): rule is SimilarRule => rule.type === 'similar');

/** What the first similar rule compares of these fields; null without a company or a person. */
export const matchFactsOf = (rules: MatchRules, fields: MatchFields): SimilarFacts | null => {
  const rule = similarRules(rules)[0];
  if (rule === undefined) return null;
  const company = text(fields, rule.company);
  const person = text(fields, rule.person);
  if (company === null || person === null) return null;
  const facts = { company: normalizeCompanyName(company), person: normalizePersonName(person) };
  return facts.company.length > 0 && facts.person.length > 0 ? facts : null;
};

/** The lower of the company's and the person's similarity: both must be alike. */
export const similarityScore = (a: SimilarFacts, b: SimilarFacts): number => Math.min(similarity(a.company, b.company), similarity(a.person, b.person));

const rounded = (score: number): number => Math.round(score * 1000) / 1000;

const bestSimilar = (incoming: SimilarFacts, index: MatchIndex, exclude: string | undefined): { recordId: string; score: number } | null => {
  let best: { recordId: string; score: number } | null = null;
  for (const [recordId, facts] of index.candidates(incoming.company)) {
    if (recordId === exclude) continue;
    const score = similarityScore(incoming, facts);
    if (best === null || score > best.score) best = { recordId, score };
  }
  return best;
};

/**
 * Which existing record the incoming fields are, trying the rules in order: an exact rule matches when
 * `holders` names the record holding one of its keys; a similar rule when the best candidate of the
 * index reaches its threshold. The first match wins; otherwise the first near match, or none.
 */
export const decideMatch = (
  rules: MatchRules,
  fields: MatchFields,
  holders: ReadonlyMap<string, string>,
  index: MatchIndex,
  options: { readonly exclude?: string } = {},
): MatchOutcome => {
  const keys = new Map(exactKeysOf(rules, fields).map(({ rule, key }) => [rule, key]));
  const facts = matchFactsOf(rules, fields);
  let near: MatchOutcome = { kind: 'none' };
  for (const rule of rules.rules) {
    if (rule.type === 'exact') {
      const key = keys.get(rule.id);
      const holder = key === undefined ? undefined : holders.get(key);
      if (holder !== undefined && holder !== options.exclude) return { kind: 'match', rule: rule.id, recordId: holder, score: 1 };
      continue;
    }
    const incoming = facts === null ? null : { company: facts.company, person: facts.person };
    const best = incoming === null ? null : bestSimilar(incoming, index, options.exclude);
    if (best === null) continue;
    if (best.score >= rule.threshold) return { kind: 'match', rule: rule.id, recordId: best.recordId, score: rounded(best.score) };
    if (best.score >= rule.reviewFrom && near.kind === 'none') near = { kind: 'near', rule: rule.id, recordId: best.recordId, score: rounded(best.score) };
  }
  return near;
};

/**
 * The fields with the values exact rules compare in their normalized form (an email trimmed and
 * lower-cased, a phone in E.164): what an intake stores. Values that do not normalize stay as sent.
 */
export const normalizeFields = <F extends MatchFields>(rules: MatchRules, fields: F): F => {
  const normalized: Record<string, unknown> = { ...fields };
  for (const rule of rules.rules) {
    if (rule.type !== 'exact' || (rule.as !== 'email' && rule.as !== 'phone')) continue;
    const value = text(fields, rule.field);
    const clean = value === null ? null : normalizers[rule.as](value, rules.defaultRegion);
    if (clean !== null) normalized[rule.field] = clean;
  }
  return normalized as F;
};
