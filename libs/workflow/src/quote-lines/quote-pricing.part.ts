import type { PricedQuote } from '@crm/catalog';
import { recordPart, type ExistingRecord } from '../record/record.state';
import type { DocumentFields } from './quote-lines.events';

/** One version of a quote: its priced lines and, once sent, the document it went out as. */
export interface QuoteVersion {
  readonly version: number;
  /** Null until its lines are priced. */
  readonly priced: PricedQuote | null;
  readonly sent: QuoteSending | null;
}

/** When and how a version went to the customer. */
export interface QuoteSending {
  readonly at: string;
  readonly locale: string;
  readonly documentHash: string;
  readonly documentFields: DocumentFields;
}

/** The quote's versions: the current one, and every earlier one kept as it was (README, Quote lines). */
export interface QuotePricing {
  readonly current: QuoteVersion;
  readonly history: readonly QuoteVersion[];
}

export const quotePricing = recordPart<QuotePricing>('quote-pricing', { current: { version: 1, priced: null, sent: null }, history: [] });

export const quotePricingOf = (record: ExistingRecord): QuotePricing => quotePricing.read(record);

/** The lines the quote has now (its current version's), none when it was never priced. */
export const quoteLinesOf = (record: ExistingRecord): PricedQuote | null => quotePricing.read(record).current.priced;
