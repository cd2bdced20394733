import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FieldValue, MatchRule } from '@crm/blueprint';
import { loadMatchRules, matchRulesFileName, normalizeCompanyName, normalizeEmail, normalizePhone } from '@crm/leads';
import type { MatchKeyOf } from '@crm/workflow';

/** Where a phone number without its country code is read, when no match rules file says otherwise. */
export const DEFAULT_PHONE_REGION = 'US';

/**
 * A conversion recognises accounts and contacts by the same normalization as lead dedup (README,
 * "Intake and dedup"): "ACME Ltd." and "Acme Limited" are one company, `+1 415 555 2671` and
 * `(415) 555-2671` one phone.
 */
export const conversionMatchKey =
  (phoneRegion: string): MatchKeyOf =>
  (rule: MatchRule, value: FieldValue): string | null => {
    if (value === null) return null;
    const text = String(value);
    switch (rule) {
      case 'email':
        return normalizeEmail(text);
      case 'phone':
        return normalizePhone(text, phoneRegion);
      case 'company_name': {
        const name = normalizeCompanyName(text);
        return name === '' ? null : name;
      }
      case 'exact': {
        const trimmed = text.trim();
        return trimmed === '' ? null : trimmed;
      }
    }
  };

/** The lead match rules' `defaultRegion` (`lead-matching.yaml` beside the blueprints, checked as intake checks it), or the default. */
export const phoneRegionOf = (blueprintsDirectory: string): string => {
  const file = join(blueprintsDirectory, matchRulesFileName('lead'));
  return existsSync(file) ? loadMatchRules(file).defaultRegion : DEFAULT_PHONE_REGION;
};
