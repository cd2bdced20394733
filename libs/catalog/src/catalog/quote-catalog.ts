/** Something a quote line can be for. */
export interface Product {
  readonly sku: string;
  readonly name: string;
  /** What one of quantity counts: seat, licence, hour, device. */
  readonly unit: string;
  /** The product family (subscription, service, hardware) for reports and approvals. */
  readonly family: string;
}

/** Which version of a price book priced a quote: pinned on the quote, so a later version changes nothing already priced. */
export interface PriceBookRef {
  readonly id: string;
  readonly version: number;
  /** sha256 of the version's canonical content: the same id and version with other prices is refused. */
  readonly contentHash: string;
}

/** One version of a price book: list prices in one currency for one segment, in force between two dates. */
export interface PriceBook extends PriceBookRef {
  readonly currency: string;
  /** The customers it prices for (enterprise, smb, public-sector). */
  readonly segment: string;
  /** First day in force (YYYY-MM-DD, UTC). */
  readonly validFrom: string;
  /** Last day in force; null: until a later version replaces it. */
  readonly validUntil: string | null;
  /** List price per SKU, in minor units of the currency. */
  readonly prices: Readonly<Record<string, number>>;
}

/** Tax by region, in parts per million of the taxed amount (7.25% is 72,500): 8.875% is exact too. */
export interface TaxRates {
  readonly rates: Readonly<Record<string, number>>;
}

/**
 * What one unit of each currency is worth in the reporting currency, as exact decimal text; recorded on
 * every quote priced in another currency.
 */
export interface ExchangeRates {
  readonly base: string;
  readonly rates: Readonly<Record<string, string>>;
}

/** Products, every version of every price book, tax rates and exchange rates (README, Products and price books). */
export interface QuoteCatalog {
  readonly products: ReadonlyMap<string, Product>;
  readonly priceBooks: readonly PriceBook[];
  readonly taxRates: TaxRates;
  readonly exchangeRates: ExchangeRates;
}

/** Every version of a price book, oldest first. */
export const priceBookVersions = (catalog: QuoteCatalog, id: string): PriceBook[] =>
  catalog.priceBooks.filter((book) => book.id === id).sort((a, b) => a.version - b.version);

/** Whether a price book version is in force on a day (YYYY-MM-DD). */
export const inForceOn = (book: Pick<PriceBook, 'validFrom' | 'validUntil'>, day: string): boolean =>
  book.validFrom <= day && (book.validUntil === null || day <= book.validUntil);
