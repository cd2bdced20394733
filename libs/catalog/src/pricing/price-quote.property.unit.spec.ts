import fc from 'fast-check';
import { testCatalog } from '../__fixtures__/test-catalog';
import { priceQuote, type QuoteLineRequest } from './price-quote';

const catalog = testCatalog();

/** The independent reading: a line's amounts as exact fractions of minor units, rounded half up once each. */
const halfUp = (numerator: bigint, denominator: bigint): bigint => (numerator * 2n + denominator) / (denominator * 2n);

const books = [
  { id: 'usd', taxRegion: 'US-NY', taxPpm: 88_750n, skus: ['SEAT', 'HOUR'] },
  { id: 'cny', taxRegion: 'CN', taxPpm: 130_000n, skus: ['SEAT', 'HOUR', 'KIOSK'] },
  { id: 'jpy', taxRegion: 'JP', taxPpm: 100_000n, skus: ['SEAT', 'HOUR', 'KIOSK'] },
] as const;

const lineOf = (skus: readonly string[]): fc.Arbitrary<QuoteLineRequest> =>
  fc.record({
    sku: fc.constantFrom(...skus),
    // Thousandths of a unit and hundredths of a percent: the finest a line may ask for.
    quantity: fc.integer({ min: 1, max: 5_000_000 }).map((milli) => milli / 1000),
    discountPercent: fc.integer({ min: 0, max: 10_000 }).map((basisPoints) => basisPoints / 100),
  });

const quoteOf = fc.constantFrom(...books).chain((book) => fc.record({ book: fc.constant(book), lines: fc.array(lineOf(book.skus), { minLength: 1, maxLength: 12 }) }));

describe('quote money is exact (property)', () => {
  it('for random quotes in USD, CNY and JPY, the total equals the sum of the lines and taxes to the minor unit, and each line matches an independent exact reading', () => {
    fc.assert(
      fc.property(quoteOf, ({ book, lines }) => {
        const quote = priceQuote(catalog, { priceBook: { id: book.id }, taxRegion: book.taxRegion, lines, day: '2026-06-30' });
        const prices = catalog.priceBooks.find((candidate) => candidate.id === book.id && candidate.version === quote.priceBook.version)?.prices ?? {};
        let nets = 0n;
        let taxes = 0n;
        quote.lines.forEach((line, index) => {
          const asked = lines[index];
          const quantityMilli = BigInt(Math.round(asked.quantity * 1000));
          const basisPoints = BigInt(Math.round((asked.discountPercent ?? 0) * 100));
          const gross = halfUp(BigInt(prices[asked.sku] ?? Number.NaN) * quantityMilli, 1000n);
          const discount = halfUp(gross * basisPoints, 10_000n);
          const tax = halfUp((gross - discount) * book.taxPpm, 1_000_000n);
          expect([line.gross, line.discount, line.net, line.tax, line.total].map(BigInt)).toEqual([gross, discount, gross - discount, tax, gross - discount + tax]);
          for (const amount of [line.gross, line.discount, line.net, line.tax, line.total]) expect(Number.isSafeInteger(amount)).toBe(true);
          nets += gross - discount;
          taxes += tax;
        });
        expect(BigInt(quote.total)).toBe(nets + taxes);
        expect(quote.total).toBe(quote.lines.reduce((sum, line) => sum + line.total, 0));
        expect(quote.total).toBe(quote.subtotal - quote.discount + quote.tax);
        expect(quote.tax).toBe(Number(taxes));
      }),
      { numRuns: 300 },
    );
  });
});
