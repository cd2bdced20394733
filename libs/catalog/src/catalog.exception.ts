export enum CatalogExceptionCode {
  /** A quote line names a SKU the catalog does not list; `details.sku`, `details.line`. */
  UNKNOWN_SKU = 'UNKNOWN_SKU',
  /** No price book (or version) of that id; `details.priceBook`, `details.known`. */
  UNKNOWN_PRICE_BOOK = 'UNKNOWN_PRICE_BOOK',
  /** The price book's last day in force is past; `details.validUntil`. */
  PRICE_BOOK_EXPIRED = 'PRICE_BOOK_EXPIRED',
  /** The price book is not in force yet; `details.validFrom`. */
  PRICE_BOOK_NOT_YET_VALID = 'PRICE_BOOK_NOT_YET_VALID',
  /** The price book has no list price for a listed SKU; `details.sku`. */
  NO_LIST_PRICE = 'NO_LIST_PRICE',
  /** The tax rate table has no such region; `details.known`. */
  UNKNOWN_TAX_REGION = 'UNKNOWN_TAX_REGION',
  /** No exchange rate from the quote's currency to the reporting one. */
  NO_EXCHANGE_RATE = 'NO_EXCHANGE_RATE',
  /** Quotes cannot have lines: the blueprints folder has no catalog. */
  NO_CATALOG = 'NO_CATALOG',
  /** A PDF was asked for where no Chromium can print it; the HTML document is the contract and is always there. */
  DOCUMENT_PRINTER_UNAVAILABLE = 'DOCUMENT_PRINTER_UNAVAILABLE',
  /** The quote has no version with lines to show (never priced, or no such version). */
  QUOTE_DOCUMENT_NOT_FOUND = 'QUOTE_DOCUMENT_NOT_FOUND',
  /** The amounts would pass the largest amount a quote may hold. */
  AMOUNT_TOO_LARGE = 'AMOUNT_TOO_LARGE',
}

/** A quote that cannot be priced from the catalog, naming what is missing or out of date. */
export class CatalogException extends Error {
  constructor(
    readonly code: CatalogExceptionCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'CatalogException';
  }
}
