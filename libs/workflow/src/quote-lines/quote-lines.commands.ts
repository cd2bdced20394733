import type { QuoteLineRequest } from '@crm/catalog';
import type { RecordCommandBase } from '../record/record-command';

/**
 * A rep sets the quote's lines: each priced from a price book version (pinned on the quote), with tax
 * from the rate table (README, Quote lines). The lines replace the current version's lines.
 */
export interface PriceQuote extends RecordCommandBase {
  readonly type: 'PriceQuote';
  readonly recordId: string;
  /** The price book's id; absent: the one the quote is pinned to. */
  readonly priceBook?: string;
  /** A version of it; absent: the pinned version for the pinned book, else the latest. */
  readonly priceBookVersion?: number;
  /** The tax region of the rate table; absent: the one the quote was priced with. */
  readonly taxRegion?: string;
  readonly lines: readonly QuoteLineRequest[];
}

export type QuoteLinesCommand = PriceQuote;
