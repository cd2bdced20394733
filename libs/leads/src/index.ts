export { isPhoneRegion, companyBlockKey, normalizeCompanyName, normalizeEmail, normalizePersonName, normalizePhone } from './normalize';
export { similarity } from './similarity';
export { EXACT_NORMALIZERS, loadMatchRules, matchRulesFileName, parseMatchRules } from './match-rules';
export type { ExactNormalizer, ExactRule, MatchRule, MatchRules, MatchRulesContext, SimilarRule } from './match-rules';
export { MatchIndex } from './match-index';
export type { SimilarFacts } from './match-index';
export { decideMatch, exactKeysOf, matchFactsOf, normalizeFields, similarityScore } from './match';
export type { ExactKey, MatchFields, MatchOutcome } from './match';
