export { CatalogException, CatalogExceptionCode } from './catalog.exception';
export { inForceOn, priceBookVersions } from './catalog/quote-catalog';
export type { ExchangeRates, PriceBook, PriceBookRef, Product, QuoteCatalog, TaxRates } from './catalog/quote-catalog';
export {
  CATALOG_DIRECTORY,
  EXCHANGE_RATES_FILE,
  loadQuoteCatalog,
  PRICE_BOOKS_DIRECTORY,
  PRODUCTS_FILE,
  parseExchangeRates,
  parsePriceBook,
  parseProducts,
  parseTaxRates,
  TAX_RATES_FILE,
} from './catalog/load-quote-catalog';
export { CURRENCIES, CURRENCY_DIGITS, isCurrency, MAX_MINOR_UNITS, minorDigitsOf } from './money/currency';
export { decimalText, divideRounded, scaledInteger } from './money/exact-decimal';
export { convertMinorUnits, majorUnits, MAX_QUOTE_LINES, priceQuote, quoteLineProblems, resolvePriceBook } from './pricing/price-quote';
export type { PricedLine, PricedQuote, PricingRequest, QuoteExchange, QuoteLineRequest } from './pricing/price-quote';
export { formatMoney, isQuoteLocale, QUOTE_LOCALES, quoteDocumentHash, renderQuoteDocument } from './document/quote-document';
export type { QuoteDocumentInput, QuoteLocale } from './document/quote-document';
export { chromiumPath, printPdf } from './document/print-pdf';
