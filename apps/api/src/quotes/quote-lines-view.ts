import type { PricedQuote } from '@crm/catalog';
import type { QuoteSending } from '@crm/workflow';

/** One quote version as GET /records/{kind}/{id}/lines answers it. */
export interface QuoteLinesView {
  readonly recordId: string;
  readonly version: number;
  readonly currentVersion: number;
  /** Every version the quote has had, oldest first. */
  readonly versions: readonly { readonly version: number; readonly priced: boolean; readonly sent: QuoteSending | null }[];
  readonly sent: QuoteSending | null;
  readonly priced: PricedQuote | null;
}
