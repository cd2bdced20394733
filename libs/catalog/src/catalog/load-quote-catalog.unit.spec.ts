import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlueprintException } from '@crm/blueprint';
import { loadQuoteCatalog } from './load-quote-catalog';

const SHIPPED = join(__dirname, '../../../../blueprints');

const problemsOf = (directory: string): string[] => {
  try {
    loadQuoteCatalog(directory);
  } catch (error) {
    if (error instanceof BlueprintException) return error.details.problems.map((problem) => `${problem.file} ${problem.path}: ${problem.message}`);
    throw error;
  }
  return [];
};

describe('quote catalog files', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'crm-catalog-'));
    cpSync(join(SHIPPED, 'catalog'), join(directory, 'catalog'), { recursive: true });
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('given the shipped catalog, when loaded, then every price book version is there with its content hash and prices in minor units', () => {
    const catalog = loadQuoteCatalog(SHIPPED);
    expect(catalog?.products.get('CONSULT-HOUR')).toEqual({ sku: 'CONSULT-HOUR', name: 'Consulting', unit: 'hour', family: 'service' });
    const usd = catalog?.priceBooks.filter((book) => book.id === 'list-usd-enterprise') ?? [];
    expect(usd.map((book) => [book.version, book.validFrom, book.validUntil])).toEqual([[1, '2025-01-01', '2025-12-31'], [2, '2026-01-01', null]]);
    expect(usd[1]?.prices['CONSULT-HOUR']).toBe(19_550);
    expect(usd[1]?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(catalog?.priceBooks.find((book) => book.id === 'list-jpy-enterprise')?.prices['CRM-PRO-SEAT']).toBe(180_000);
    expect(catalog?.taxRates.rates['US-NY']).toBe(88_750);
  });

  it('given no catalog folder, when loaded, then there is none (quotes have no lines)', () => {
    expect(loadQuoteCatalog(join(directory, 'nowhere'))).toBeNull();
  });

  it('given a price book with an unknown SKU, a price with three decimals and a reused version, when loaded, then every problem names its file and path', () => {
    writeFileSync(
      join(directory, 'catalog/price-books/zz-copy.yaml'),
      'id: list-usd-enterprise\nversion: 2\ncurrency: USD\nsegment: enterprise\nvalidFrom: 2026-01-01\nprices:\n  CRM-PRO-SEAT: 12.345\n  NOPE: 1\n',
    );
    writeFileSync(join(directory, 'catalog/tax-rates.yaml'), 'rates:\n  XX: 130\n');
    expect(problemsOf(directory)).toEqual([
      'catalog/tax-rates.yaml rates.XX: expected a percent from 0 to 100 with at most 4 decimals, got 130',
      'catalog/price-books/zz-copy.yaml prices.CRM-PRO-SEAT: expected a list price ≥ 0 in USD with at most 2 decimals, got 12.345',
      'catalog/price-books/zz-copy.yaml prices.NOPE: unknown SKU "NOPE"; products.yaml lists CRM-PRO-SEAT, CRM-ENT-SEAT, ONBOARD-PKG, CONSULT-HOUR, KIOSK-DEVICE',
    ]);
    writeFileSync(join(directory, 'catalog/tax-rates.yaml'), 'rates:\n  XX: 13\n');
    writeFileSync(join(directory, 'catalog/price-books/zz-copy.yaml'), 'id: list-usd-enterprise\nversion: 2\ncurrency: USD\nsegment: enterprise\nvalidFrom: 2026-01-01\nprices:\n  CRM-PRO-SEAT: 1\n');
    expect(problemsOf(directory)).toEqual([
      'catalog/price-books/zz-copy.yaml version: price book "list-usd-enterprise" version 2 is declared by another file too; a new version needs a new number',
    ]);
  });
});
