import type { PricedQuote } from '@crm/catalog';

/** The quote fields a document shows besides its lines. */
export interface DocumentFields {
  readonly customerEmail: string | null;
  readonly validUntil: string | null;
  readonly paymentTerms: string | null;
  readonly terms: string | null;
}

/** The current version's lines were priced; every amount in minor units of `currency` (README, Quote lines). */
export interface QuotePriced {
  readonly type: 'QuotePriced';
  readonly data: PricedQuote & {
    readonly recordId: string;
    /** The quote version these lines belong to (1, then 2 after a revision of a sent quote …). */
    readonly quoteVersion: number;
  };
}

/** A sent quote came back to be changed: its version is kept in history and a new one starts from its lines. */
export interface QuoteRevised {
  readonly type: 'QuoteRevised';
  readonly data: { readonly recordId: string; readonly from: number; readonly to: number; readonly reason: string | null };
}

/** The quote went to the customer as this document (README, Quote document): what was sent is provable by its hash. */
export interface QuoteSent {
  readonly type: 'QuoteSent';
  readonly data: {
    readonly recordId: string;
    readonly quoteVersion: number;
    readonly locale: string;
    /** sha256 (hex) of the HTML document, the contract; the PDF is printed from it. */
    readonly documentHash: string;
    /** The fields the document showed, so the same bytes can be rendered again whatever changes later. */
    readonly documentFields: DocumentFields;
    readonly total: number;
    readonly currency: string;
  };
}

export type QuoteLinesEvent = QuotePriced | QuoteRevised | QuoteSent;
