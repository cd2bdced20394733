import { CatalogException, CatalogExceptionCode } from '../catalog.exception';
import { inForceOn, priceBookVersions, type PriceBook, type PriceBookRef, type QuoteCatalog } from '../catalog/quote-catalog';
import { MAX_MINOR_UNITS, minorDigitsOf } from '../money/currency';
import { decimalText, divideRounded, pow10, scaledInteger, toSafeNumber } from '../money/exact-decimal';

/** A line as a rep asks for it. */
export interface QuoteLineRequest {
  readonly sku: string;
  /** Positive, at most 3 decimals (hours, part licences). */
  readonly quantity: number;
  /** Percent off the list price, 0 to 100, at most 2 decimals; default 0. */
  readonly discountPercent?: number;
}

/** A priced line; every amount in minor units of the quote's currency. */
export interface PricedLine {
  readonly line: number;
  readonly sku: string;
  readonly name: string;
  readonly unit: string;
  readonly family: string;
  readonly quantity: number;
  readonly discountPercent: number;
  /** List price of one unit from the pinned price book. */
  readonly listPrice: number;
  /** listPrice × quantity. */
  readonly gross: number;
  readonly discount: number;
  /** gross − discount. */
  readonly net: number;
  readonly tax: number;
  /** net + tax. */
  readonly total: number;
}

/** The quote's currency converted to the reporting currency at the rate of the day it was priced. */
export interface QuoteExchange {
  readonly base: string;
  /** What one unit of the quote's currency is worth in `base`, exact decimal text. */
  readonly rate: string;
  /** The total in minor units of `base`. */
  readonly totalInBase: number;
}

/** A quote's lines priced from one price book version (README, Quote lines). */
export interface PricedQuote {
  readonly priceBook: PriceBookRef & { readonly segment: string };
  readonly currency: string;
  readonly taxRegion: string;
  /** Parts per million of the net amount. */
  readonly taxRate: number;
  readonly lines: readonly PricedLine[];
  /** Sum of the lines' gross amounts. */
  readonly subtotal: number;
  /** Sum of the lines' discounts. */
  readonly discount: number;
  /** Sum of the lines' taxes. */
  readonly tax: number;
  /** subtotal − discount + tax, equal to the sum of the lines' totals. */
  readonly total: number;
  /** discount ÷ subtotal, to 4 decimals (0.25 for 25%): what approval thresholds read. */
  readonly effectiveDiscount: number;
  readonly exchange: QuoteExchange;
}

export interface PricingRequest {
  /** The price book's id; `version`: the pinned one (absent: the latest version of that id). */
  readonly priceBook: { readonly id: string; readonly version?: number };
  readonly taxRegion: string;
  readonly lines: readonly QuoteLineRequest[];
  /** The day the quote is priced (YYYY-MM-DD, UTC): the price book must be in force then. */
  readonly day: string;
}

export const MAX_QUOTE_LINES = 200;
const MAX_QUANTITY = 1_000_000;
const QUANTITY_DECIMALS = 3;
const PERCENT_DECIMALS = 2;

const shown = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));

/**
 * Problems with the lines as asked, each naming the line and field (`lines[1].quantity: …`): a
 * negative or zero quantity, a discount outside 0–100%. Empty when they can be priced.
 */
export const quoteLineProblems = (lines: unknown, path = 'lines'): string[] => {
  if (!Array.isArray(lines) || lines.length === 0 || lines.length > MAX_QUOTE_LINES) return [`${path}: expected a list of 1 to ${MAX_QUOTE_LINES} lines { sku, quantity, discountPercent? }`];
  return lines.flatMap((line: unknown, index) => {
    const at = `${path}[${index}]`;
    if (typeof line !== 'object' || line === null || Array.isArray(line)) return [`${at}: expected { sku, quantity, discountPercent? }`];
    const entry = line as Record<string, unknown>;
    const problems: string[] = [];
    for (const key of Object.keys(entry)) if (!['sku', 'quantity', 'discountPercent'].includes(key)) problems.push(`${at}.${key}: unknown field; a line has sku, quantity, discountPercent`);
    if (typeof entry['sku'] !== 'string' || entry['sku'].length === 0 || entry['sku'].length > 64) problems.push(`${at}.sku: expected a SKU, got ${shown(entry['sku'])}`);
    const quantity = entry['quantity'];
    if (typeof quantity !== 'number' || !(quantity > 0) || quantity > MAX_QUANTITY || scaledInteger(quantity, QUANTITY_DECIMALS) === null) {
      problems.push(`${at}.quantity: expected a quantity above 0 and at most ${MAX_QUANTITY} with at most ${QUANTITY_DECIMALS} decimals, got ${shown(quantity)}`);
    }
    const discount = entry['discountPercent'];
    if (discount !== undefined && (typeof discount !== 'number' || !(discount >= 0 && discount <= 100) || scaledInteger(discount, PERCENT_DECIMALS) === null)) {
      problems.push(`${at}.discountPercent: expected a percent from 0 to 100 with at most ${PERCENT_DECIMALS} decimals, got ${shown(discount)}`);
    }
    return problems;
  });
};

/** The price book version a quote is priced with: the pinned one, or the latest of that id. */
export const resolvePriceBook = (catalog: QuoteCatalog, wanted: PricingRequest['priceBook']): PriceBook => {
  const versions = priceBookVersions(catalog, wanted.id);
  const book = wanted.version === undefined ? versions.at(-1) : versions.find((candidate) => candidate.version === wanted.version);
  if (book === undefined) {
    const known = [...new Set(catalog.priceBooks.map((candidate) => candidate.id))];
    throw new CatalogException(
      CatalogExceptionCode.UNKNOWN_PRICE_BOOK,
      wanted.version === undefined ? `unknown price book "${wanted.id}"; known: ${known.join(', ')}` : `price book "${wanted.id}" has no version ${wanted.version}`,
      { priceBook: wanted.id, ...(wanted.version === undefined ? {} : { version: wanted.version }), known },
    );
  }
  return book;
};

const requireInForce = (book: PriceBook, day: string): void => {
  if (inForceOn(book, day)) return;
  if (book.validUntil !== null && day > book.validUntil) {
    throw new CatalogException(CatalogExceptionCode.PRICE_BOOK_EXPIRED, `price book "${book.id}" version ${book.version} expired on ${book.validUntil}; price the quote with a book in force on ${day}`, {
      priceBook: book.id,
      version: book.version,
      validUntil: book.validUntil,
      day,
    });
  }
  throw new CatalogException(CatalogExceptionCode.PRICE_BOOK_NOT_YET_VALID, `price book "${book.id}" version ${book.version} is in force from ${book.validFrom}, not on ${day}`, {
    priceBook: book.id,
    version: book.version,
    validFrom: book.validFrom,
    day,
  });
};

const checkedAmount = (units: bigint, what: string): number => {
  if (units > BigInt(MAX_MINOR_UNITS)) throw new CatalogException(CatalogExceptionCode.AMOUNT_TOO_LARGE, `${what} would pass the largest amount a quote may hold`, { what });
  return toSafeNumber(units);
};

/** What `total` minor units of `currency` are worth in minor units of `base`, at `rate` (decimal text). */
export const convertMinorUnits = (total: bigint, currency: string, base: string, rate: string): bigint => {
  const rateUnits = scaledInteger(rate, 8);
  if (rateUnits === null) throw new Error(`exchange rate "${rate}" is not a decimal with at most 8 decimals`);
  return divideRounded(total * rateUnits * pow10(minorDigitsOf(base)), pow10(8 + minorDigitsOf(currency)));
};

const exchangeOf = (catalog: QuoteCatalog, currency: string, total: bigint): QuoteExchange => {
  const { base } = catalog.exchangeRates;
  if (currency === base) return { base, rate: '1', totalInBase: toSafeNumber(total) };
  const rate = catalog.exchangeRates.rates[currency];
  if (rate === undefined) {
    throw new CatalogException(CatalogExceptionCode.NO_EXCHANGE_RATE, `no exchange rate from ${currency} to ${base}; the catalog's exchange rates list ${Object.keys(catalog.exchangeRates.rates).join(', ')}`, { currency, base });
  }
  return { base, rate, totalInBase: checkedAmount(convertMinorUnits(total, currency, base, rate), 'the total in the reporting currency') };
};

/**
 * Prices lines from the catalog, exactly: amounts in integer minor units, each line's discount and tax
 * rounded once (half away from zero), sums of the rounded line amounts, so the total is always the sum
 * of the lines. Call `quoteLineProblems` first; refuses with a CatalogException naming the problem.
 */
export const priceQuote = (catalog: QuoteCatalog, request: PricingRequest): PricedQuote => {
  const problems = quoteLineProblems(request.lines);
  if (problems.length > 0) throw new Error(`lines to price must be checked first: ${problems.join('; ')}`);
  const book = resolvePriceBook(catalog, request.priceBook);
  requireInForce(book, request.day);
  const taxRate = catalog.taxRates.rates[request.taxRegion];
  if (taxRate === undefined) {
    const known = Object.keys(catalog.taxRates.rates);
    throw new CatalogException(CatalogExceptionCode.UNKNOWN_TAX_REGION, `unknown tax region "${request.taxRegion}"; the tax rates list ${known.join(', ')}`, { taxRegion: request.taxRegion, known });
  }
  const lines = request.lines.map((asked, index): PricedLine => {
    const product = catalog.products.get(asked.sku);
    if (product === undefined) throw new CatalogException(CatalogExceptionCode.UNKNOWN_SKU, `lines[${index}].sku: unknown SKU "${asked.sku}"`, { sku: asked.sku, line: index });
    const listPrice = book.prices[asked.sku];
    if (listPrice === undefined) {
      throw new CatalogException(CatalogExceptionCode.NO_LIST_PRICE, `lines[${index}].sku: price book "${book.id}" version ${book.version} has no list price for "${asked.sku}"`, {
        sku: asked.sku,
        line: index,
        priceBook: book.id,
        version: book.version,
      });
    }
    // Checked by quoteLineProblems above: both are plain decimals within their scales.
    const quantity = scaledInteger(asked.quantity, QUANTITY_DECIMALS) ?? 0n;
    const discountBasisPoints = scaledInteger(asked.discountPercent ?? 0, PERCENT_DECIMALS) ?? 0n;
    const gross = divideRounded(BigInt(listPrice) * quantity, pow10(QUANTITY_DECIMALS));
    const discount = divideRounded(gross * discountBasisPoints, 10_000n);
    const net = gross - discount;
    const tax = divideRounded(net * BigInt(taxRate), 1_000_000n);
    return {
      line: index + 1,
      sku: product.sku,
      name: product.name,
      unit: product.unit,
      family: product.family,
      quantity: asked.quantity,
      discountPercent: asked.discountPercent ?? 0,
      listPrice,
      gross: checkedAmount(gross, `lines[${index}]`),
      discount: toSafeNumber(discount),
      net: toSafeNumber(net),
      tax: checkedAmount(tax, `lines[${index}] tax`),
      total: checkedAmount(net + tax, `lines[${index}]`),
    };
  });
  const sum = (pick: (line: PricedLine) => number): bigint => lines.reduce((total, line) => total + BigInt(pick(line)), 0n);
  const subtotal = sum((line) => line.gross);
  const discount = sum((line) => line.discount);
  const tax = sum((line) => line.tax);
  const total = subtotal - discount + tax;
  return {
    priceBook: { id: book.id, version: book.version, contentHash: book.contentHash, segment: book.segment },
    currency: book.currency,
    taxRegion: request.taxRegion,
    taxRate,
    lines,
    subtotal: checkedAmount(subtotal, 'the subtotal'),
    discount: toSafeNumber(discount),
    tax: checkedAmount(tax, 'the tax'),
    total: checkedAmount(total, 'the total'),
    effectiveDiscount: subtotal === 0n ? 0 : Number(divideRounded(discount * 10_000n, subtotal)) / 10_000,
    exchange: exchangeOf(catalog, book.currency, total),
  };
};

/** Minor units as the major-unit number a money field holds (1999 USD cents → 19.99). */
export const majorUnits = (minor: number, currency: string): number => Number(decimalText(BigInt(minor), minorDigitsOf(currency)));
