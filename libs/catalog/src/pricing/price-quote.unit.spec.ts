import { testCatalog } from '../__fixtures__/test-catalog';
import { CatalogException } from '../catalog.exception';
import { priceQuote, quoteLineProblems, type PricingRequest } from './price-quote';

const catalog = testCatalog();
const request = (overrides: Partial<PricingRequest> = {}): PricingRequest => ({
  priceBook: { id: 'usd' },
  taxRegion: 'US-CA',
  lines: [{ sku: 'SEAT', quantity: 10, discountPercent: 25 }, { sku: 'HOUR', quantity: 2.5 }],
  day: '2026-03-02',
  ...overrides,
});

const refusal = (run: () => unknown): { code: string; message: string; details: Record<string, unknown> } => {
  try {
    run();
  } catch (error) {
    if (error instanceof CatalogException) return { code: error.code, message: error.message, details: error.details };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('pricing a quote', () => {
  it('given the latest USD price book, when 10 seats at 25% off and 2.5 hours are priced in California, then every amount is exact in cents', () => {
    const quote = priceQuote(catalog, request());
    expect(quote.priceBook).toMatchObject({ id: 'usd', version: 2, segment: 'enterprise' });
    expect(quote.lines.map(({ sku, listPrice, gross, discount, net, tax, total }) => ({ sku, listPrice, gross, discount, net, tax, total }))).toEqual([
      // 10 × 1,200.00 = 12,000.00; 25% off 3,000.00; tax 7.25% of 9,000.00 = 652.50
      { sku: 'SEAT', listPrice: 120_000, gross: 1_200_000, discount: 300_000, net: 900_000, tax: 65_250, total: 965_250 },
      // 2.5 × 195.50 = 488.75; tax 35.434375 rounds to 35.43
      { sku: 'HOUR', listPrice: 19_550, gross: 48_875, discount: 0, net: 48_875, tax: 3_543, total: 52_418 },
    ]);
    expect({ subtotal: quote.subtotal, discount: quote.discount, tax: quote.tax, total: quote.total }).toEqual({ subtotal: 1_248_875, discount: 300_000, tax: 68_793, total: 1_017_668 });
    expect(quote.effectiveDiscount).toBe(0.2402);
    expect(quote.exchange).toEqual({ base: 'USD', rate: '1', totalInBase: 1_017_668 });
  });

  it('given a CNY price book, when priced, then the exchange rate to the reporting currency and the converted total are recorded', () => {
    const quote = priceQuote(catalog, request({ priceBook: { id: 'cny' }, taxRegion: 'CN', lines: [{ sku: 'SEAT', quantity: 3 }] }));
    // 3 × 8,600.00 = 25,800.00 + 13% = 29,154.00 CNY; × 0.1389 = 4,049.49 USD (4,049.4906)
    expect(quote.total).toBe(2_915_400);
    expect(quote.exchange).toEqual({ base: 'USD', rate: '0.1389', totalInBase: 404_949 });
  });

  it('given a pinned older version, when priced after it expired, then PRICE_BOOK_EXPIRED names the last day in force', () => {
    const refused = refusal(() => priceQuote(catalog, request({ priceBook: { id: 'usd', version: 1 } })));
    expect(refused.code).toBe('PRICE_BOOK_EXPIRED');
    expect(refused.details).toMatchObject({ priceBook: 'usd', version: 1, validUntil: '2025-12-31', day: '2026-03-02' });
  });

  it('when a line names an unknown SKU, then UNKNOWN_SKU names the line and the SKU', () => {
    const refused = refusal(() => priceQuote(catalog, request({ lines: [{ sku: 'SEAT', quantity: 1 }, { sku: 'NOPE', quantity: 1 }] })));
    expect(refused).toMatchObject({ code: 'UNKNOWN_SKU', message: 'lines[1].sku: unknown SKU "NOPE"', details: { sku: 'NOPE', line: 1 } });
  });

  it('when the price book has no price for a listed product, or the book or tax region is unknown, then the refusal names it', () => {
    expect(refusal(() => priceQuote(catalog, request({ lines: [{ sku: 'KIOSK', quantity: 1 }] }))).code).toBe('NO_LIST_PRICE');
    expect(refusal(() => priceQuote(catalog, request({ priceBook: { id: 'gbp' } }))).details).toMatchObject({ priceBook: 'gbp', known: ['usd', 'cny', 'jpy'] });
    expect(refusal(() => priceQuote(catalog, request({ taxRegion: 'XX' }))).code).toBe('UNKNOWN_TAX_REGION');
  });

  it('when a line has a negative quantity or a discount above 100%, then its problems name the line and field', () => {
    expect(quoteLineProblems([{ sku: 'SEAT', quantity: -2 }, { sku: 'SEAT', quantity: 1, discountPercent: 700 }, { sku: 'SEAT', quantity: 1, discountPercent: 12.345, lineItems: 1 }])).toEqual([
      'lines[0].quantity: expected a quantity above 0 and at most 1000000 with at most 3 decimals, got -2',
      'lines[1].discountPercent: expected a percent from 0 to 100 with at most 2 decimals, got 700',
      'lines[2].lineItems: unknown field; a line has sku, quantity, discountPercent',
      'lines[2].discountPercent: expected a percent from 0 to 100 with at most 2 decimals, got 12.345',
    ]);
    expect(quoteLineProblems([])).toEqual(['lines: expected a list of 1 to 200 lines { sku, quantity, discountPercent? }']);
  });
});
