import type { BlueprintDefinition } from '@crm/blueprint';
import type { JsonObject } from '@crm/event-store';
import type { ExistingRecord } from '@crm/workflow';

/** What an accepted quote sold: its lines, currency and total in minor units, as the order copies them. */
export interface QuoteTerms {
  readonly currency: string;
  readonly minorDigits: number;
  readonly lines: readonly JsonObject[];
  readonly totalMinor: number;
  /** The total as the quote's money field holds it (major units). */
  readonly total: number;
}

const TWO_DIGITS = 2;

/**
 * The quote's terms from its fields: `total` and `currency` (the blueprint's currency when the quote
 * names none).
 * TODO: copy the priced lines (quote-lines' part) once the quote line model is on main; until then
 * the order keeps the total only.
 */
export const quoteTermsOf = (quote: ExistingRecord, blueprint: BlueprintDefinition): QuoteTerms | null => {
  const total = quote.fields['total'];
  if (typeof total !== 'number') return null;
  const currency = typeof quote.fields['currency'] === 'string' ? quote.fields['currency'] : blueprint.currency;
  return { currency, minorDigits: TWO_DIGITS, lines: [], totalMinor: Math.round(total * 10 ** TWO_DIGITS), total };
};
