import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, invalidBlueprint, type BlueprintProblem } from '@crm/blueprint';
import { isIsoDate } from '@crm/clock';
import { parseDocument } from 'yaml';
import { CURRENCIES, isCurrency, MAX_MINOR_UNITS, minorDigitsOf } from '../money/currency';
import { scaledInteger, toSafeNumber } from '../money/exact-decimal';
import type { ExchangeRates, PriceBook, Product, QuoteCatalog, TaxRates } from './quote-catalog';

/** The catalog's folder beside the blueprints, and its files (README, Products and price books). */
export const CATALOG_DIRECTORY = 'catalog';
export const PRODUCTS_FILE = 'products.yaml';
export const PRICE_BOOKS_DIRECTORY = 'price-books';
export const TAX_RATES_FILE = 'tax-rates.yaml';
export const EXCHANGE_RATES_FILE = 'exchange-rates.yaml';

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);
const shown = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const ID = /^[a-z][a-z0-9-]*$/;
/** Exchange rates carry at most 8 decimals; tax rates are percentages with at most 4 (parts per million). */
const RATE_DECIMALS = 8;
const TAX_PERCENT_DECIMALS = 4;

class Problems {
  readonly list: BlueprintProblem[] = [];
  constructor(private readonly file: string) {}
  add(path: string, message: string): void {
    this.list.push({ file: this.file, path, message });
  }
  unknownKeys(at: string, value: Plain, known: readonly string[]): void {
    for (const key of Object.keys(value)) if (!known.includes(key)) this.add(at === '' ? key : `${at}.${key}`, `unknown key "${key}"; known keys: ${known.join(', ')}`);
  }
}

const readYamlFile = (file: string, shown: string): unknown => {
  const document = parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) {
    const first = document.errors[0];
    const line = first.linePos?.[0]?.line;
    throw invalidBlueprint([{ file: shown, path: '', message: `YAML syntax error${line === undefined ? '' : ` at line ${line}`}: ${first.message.split('\n')[0]}`, ...(line === undefined ? {} : { line }) }]);
  }
  return document.toJS({ maxAliasCount: 100 });
};

const text = (problems: Problems, path: string, value: unknown, what: string): string | null => {
  if (typeof value === 'string' && value.trim().length > 0 && value.length <= 255) return value;
  problems.add(path, `expected ${what}, got ${shown(value)}`);
  return null;
};

export const parseProducts = (root: unknown, file: string): { products: Map<string, Product>; problems: BlueprintProblem[] } => {
  const problems = new Problems(file);
  const products = new Map<string, Product>();
  if (!isPlain(root) || !Array.isArray(root['products'])) {
    problems.add('products', 'expected a list of products: { sku, name, unit, family }');
    return { products, problems: problems.list };
  }
  problems.unknownKeys('', root, ['products']);
  root['products'].forEach((entry: unknown, index) => {
    const at = `products[${index}]`;
    if (!isPlain(entry)) return problems.add(at, 'expected { sku, name, unit, family }');
    problems.unknownKeys(at, entry, ['sku', 'name', 'unit', 'family']);
    const sku = entry['sku'];
    const okSku = typeof sku === 'string' && CODE.test(sku) ? sku : null;
    if (okSku === null) problems.add(`${at}.sku`, `expected a SKU of letters, digits, ., _ and -, got ${shown(sku)}`);
    else if (products.has(okSku)) problems.add(`${at}.sku`, `SKU "${okSku}" is listed twice`);
    const name = text(problems, `${at}.name`, entry['name'], 'the product name');
    const unit = text(problems, `${at}.unit`, entry['unit'], 'the unit one of quantity counts (seat, hour)');
    const family = text(problems, `${at}.family`, entry['family'], 'the product family');
    if (okSku !== null && name !== null && unit !== null && family !== null && !products.has(okSku)) products.set(okSku, { sku: okSku, name, unit, family });
  });
  return { products, problems: problems.list };
};

export const parsePriceBook = (root: unknown, file: string, products: ReadonlyMap<string, Product>): { book: PriceBook | null; problems: BlueprintProblem[] } => {
  const problems = new Problems(file);
  if (!isPlain(root)) {
    problems.add('', 'expected a price book: { id, version, currency, segment, validFrom, validUntil, prices }');
    return { book: null, problems: problems.list };
  }
  problems.unknownKeys('', root, ['id', 'version', 'currency', 'segment', 'validFrom', 'validUntil', 'prices']);
  const id = root['id'];
  if (typeof id !== 'string' || !ID.test(id)) problems.add('id', `expected lower-case letters, digits and - (like list-usd-enterprise), got ${shown(id)}`);
  const version = root['version'];
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) problems.add('version', `expected a whole number ≥ 1, got ${shown(version)}`);
  const currency = root['currency'];
  if (!isCurrency(currency)) problems.add('currency', `unknown currency ${shown(currency)}; known: ${CURRENCIES.join(', ')}`);
  const segment = root['segment'];
  if (typeof segment !== 'string' || !ID.test(segment)) problems.add('segment', `expected a segment name (like enterprise), got ${shown(segment)}`);
  const validFrom = root['validFrom'];
  if (!isIsoDate(validFrom)) problems.add('validFrom', `expected the first day in force as YYYY-MM-DD, got ${shown(validFrom)}`);
  const validUntil = root['validUntil'] ?? null;
  if (validUntil !== null && !isIsoDate(validUntil)) problems.add('validUntil', `expected the last day in force as YYYY-MM-DD (or nothing), got ${shown(validUntil)}`);
  else if (validUntil !== null && isIsoDate(validFrom) && validUntil < validFrom) problems.add('validUntil', `${validUntil} is before validFrom ${validFrom}`);
  const prices: Record<string, number> = {};
  const declared = root['prices'];
  if (!isPlain(declared) || Object.keys(declared).length === 0) problems.add('prices', 'expected a mapping of SKU to list price, like { CRM-SEAT: 1200.00 }');
  else if (isCurrency(currency)) {
    const digits = minorDigitsOf(currency);
    for (const [sku, price] of Object.entries(declared)) {
      if (!products.has(sku)) problems.add(`prices.${sku}`, `unknown SKU "${sku}"; ${PRODUCTS_FILE} lists ${[...products.keys()].join(', ')}`);
      const minor = scaledInteger(price, digits);
      if (minor === null || minor > BigInt(MAX_MINOR_UNITS)) problems.add(`prices.${sku}`, `expected a list price ≥ 0 in ${currency} with at most ${digits} decimals, got ${shown(price)}`);
      else prices[sku] = toSafeNumber(minor);
    }
  }
  if (problems.list.length > 0) return { book: null, problems: problems.list };
  const content = { id, version, currency, segment, validFrom, validUntil, prices };
  const contentHash = createHash('sha256').update(canonicalJson(content)).digest('hex');
  return { book: { ...(content as Omit<PriceBook, 'contentHash'>), contentHash }, problems: [] };
};

export const parseTaxRates = (root: unknown, file: string): { taxRates: TaxRates; problems: BlueprintProblem[] } => {
  const problems = new Problems(file);
  const rates: Record<string, number> = {};
  if (!isPlain(root) || !isPlain(root['rates'])) {
    problems.add('rates', 'expected a mapping of tax region to percent, like { US-CA: 7.25, CN: 13 }');
    return { taxRates: { rates }, problems: problems.list };
  }
  problems.unknownKeys('', root, ['rates']);
  for (const [region, percent] of Object.entries(root['rates'])) {
    const ppm = scaledInteger(percent, TAX_PERCENT_DECIMALS);
    if (!CODE.test(region)) problems.add(`rates.${region}`, 'expected a region code of letters, digits and -');
    if (ppm === null || ppm > 1_000_000n) problems.add(`rates.${region}`, `expected a percent from 0 to 100 with at most ${TAX_PERCENT_DECIMALS} decimals, got ${shown(percent)}`);
    else rates[region] = Number(ppm);
  }
  return { taxRates: { rates }, problems: problems.list };
};

export const parseExchangeRates = (root: unknown, file: string): { exchangeRates: ExchangeRates; problems: BlueprintProblem[] } => {
  const problems = new Problems(file);
  const rates: Record<string, string> = {};
  const base = isPlain(root) ? root['base'] : undefined;
  if (!isCurrency(base)) problems.add('base', `expected the reporting currency, one of ${CURRENCIES.join(', ')}; got ${shown(base)}`);
  if (!isPlain(root) || !isPlain(root['rates'])) {
    problems.add('rates', 'expected a mapping of currency to what one unit is worth in the base currency, like { EUR: "1.08" }');
    return { exchangeRates: { base: typeof base === 'string' ? base : '', rates }, problems: problems.list };
  }
  problems.unknownKeys('', root, ['base', 'rates']);
  for (const [currency, rate] of Object.entries(root['rates'])) {
    if (!isCurrency(currency)) problems.add(`rates.${currency}`, `unknown currency "${currency}"; known: ${CURRENCIES.join(', ')}`);
    const units = scaledInteger(rate, RATE_DECIMALS);
    if (units === null || units === 0n) problems.add(`rates.${currency}`, `expected a rate above 0 with at most ${RATE_DECIMALS} decimals, got ${shown(rate)}`);
    else rates[currency] = String(rate);
  }
  return { exchangeRates: { base: base as string, rates }, problems: problems.list };
};

/**
 * Reads the catalog folder (products, every price book version, tax and exchange rates), reporting every
 * problem of every file at once with the file and path, like a blueprint; thrown as INVALID_BLUEPRINT so
 * the engine refuses to start. Null when the folder is absent: quotes then have no lines.
 */
export const loadQuoteCatalog = (blueprintsDirectory: string): QuoteCatalog | null => {
  const directory = join(blueprintsDirectory, CATALOG_DIRECTORY);
  if (!existsSync(directory)) return null;
  const named = (name: string): string => `${CATALOG_DIRECTORY}/${name}`;
  const problems: BlueprintProblem[] = [];
  const required = (name: string): unknown => {
    const file = join(directory, name);
    if (existsSync(file)) return readYamlFile(file, named(name));
    problems.push({ file: named(name), path: '', message: `missing: the catalog needs ${name}` });
    return undefined;
  };
  const products = parseProducts(required(PRODUCTS_FILE), named(PRODUCTS_FILE));
  const taxRates = parseTaxRates(required(TAX_RATES_FILE), named(TAX_RATES_FILE));
  const exchangeRates = parseExchangeRates(required(EXCHANGE_RATES_FILE), named(EXCHANGE_RATES_FILE));
  problems.push(...products.problems, ...taxRates.problems, ...exchangeRates.problems);
  const booksDirectory = join(directory, PRICE_BOOKS_DIRECTORY);
  const bookFiles = existsSync(booksDirectory) ? readdirSync(booksDirectory).filter((name) => name.endsWith('.yaml')).sort() : [];
  const priceBooks: PriceBook[] = [];
  for (const name of bookFiles) {
    const file = named(`${PRICE_BOOKS_DIRECTORY}/${name}`);
    const parsed = parsePriceBook(readYamlFile(join(booksDirectory, name), file), file, products.products);
    problems.push(...parsed.problems);
    if (parsed.book === null) continue;
    const { book } = parsed;
    if (priceBooks.some((other) => other.id === book.id && other.version === book.version)) {
      problems.push({ file, path: 'version', message: `price book "${book.id}" version ${book.version} is declared by another file too; a new version needs a new number` });
    } else priceBooks.push(book);
  }
  if (bookFiles.length === 0) problems.push({ file: named(PRICE_BOOKS_DIRECTORY), path: '', message: 'expected at least one price book file (*.yaml)' });
  if (problems.length > 0) throw invalidBlueprint(problems);
  return { products: products.products, priceBooks, taxRates: taxRates.taxRates, exchangeRates: exchangeRates.exchangeRates };
};
