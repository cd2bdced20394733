import type { BlueprintDefinition } from '@crm/blueprint';
import { CURRENCIES, isCurrency, majorUnits, minorDigitsOf, scaledInteger, type PricedLine, type PricedQuote } from '@crm/catalog';
import type { JsonObject } from '@crm/event-store';
import { quoteLinesOf, WorkflowException, WorkflowExceptionCode, type ExistingRecord } from '@crm/workflow';

/** What an accepted quote sold: its lines, currency and total in minor units, as the order copies them. */
export interface QuoteTerms {
  readonly currency: string;
  readonly minorDigits: number;
  readonly lines: readonly JsonObject[];
  readonly totalMinor: number;
  /** The total as the quote's money field holds it (major units). */
  readonly total: number;
}

/** A priced line as an order keeps it: what was sold, at the price it was sold, every amount in minor units. */
export const copiedLine = (line: PricedLine): JsonObject => ({
  line: line.line,
  sku: line.sku,
  name: line.name,
  unit: line.unit,
  family: line.family,
  quantity: line.quantity,
  discountPercent: line.discountPercent,
  listPrice: line.listPrice,
  gross: line.gross,
  discount: line.discount,
  net: line.net,
  tax: line.tax,
  total: line.total,
});

const pricedTerms = (priced: PricedQuote): QuoteTerms => ({
  currency: priced.currency,
  minorDigits: minorDigitsOf(priced.currency),
  lines: priced.lines.map(copiedLine),
  totalMinor: priced.total,
  total: majorUnits(priced.total, priced.currency),
});

const unreadable = (quote: ExistingRecord, problem: string): WorkflowException =>
  new WorkflowException(WorkflowExceptionCode.INVALID_FIELDS, `quote "${quote.recordId}" cannot be ordered: ${problem}`, { problems: [problem] });

/**
 * A quote opened without lines (a hand-set `total`, README, Quote lines): no lines to copy, the total in
 * minor units of its currency (the blueprint's when the quote names none), exactly as written.
 */
const handSetTerms = (quote: ExistingRecord, blueprint: BlueprintDefinition, total: number): QuoteTerms => {
  const named = quote.fields['currency'];
  const currency = typeof named === 'string' ? named : blueprint.currency;
  if (!isCurrency(currency)) throw unreadable(quote, `currency: "${currency}" is none of ${CURRENCIES.join(', ')}`);
  const minorDigits = minorDigitsOf(currency);
  const totalMinor = scaledInteger(total, minorDigits);
  if (totalMinor === null) throw unreadable(quote, `total: ${total} is not a whole number of ${currency} minor units (${minorDigits} decimals)`);
  return { currency, minorDigits, lines: [], totalMinor: Number(totalMinor), total };
};

/**
 * The quote's terms as an order copies them (README, Orders, payments and renewals): its priced lines
 * (the current version's, README, Quote lines) with their total, in minor units of the price book's
 * currency; for a quote never priced, its hand-set total. Null for a quote with neither.
 */
export const quoteTermsOf = (quote: ExistingRecord, blueprint: BlueprintDefinition): QuoteTerms | null => {
  const priced = quoteLinesOf(quote);
  if (priced !== null) return pricedTerms(priced);
  const total = quote.fields['total'];
  return typeof total === 'number' ? handSetTerms(quote, blueprint, total) : null;
};
