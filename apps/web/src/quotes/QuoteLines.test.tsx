import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiRefusal } from '../api/api-refusal';
import type { Catalog, PricedQuote } from '../api/api-types';
import { QuoteLinesEditor } from './QuoteLinesEditor';
import { QuoteLinesTable } from './QuoteLinesTable';

const usd: PricedQuote = {
  priceBook: { id: 'list-usd-enterprise', version: 2, contentHash: 'h', segment: 'enterprise' },
  currency: 'USD',
  taxRegion: 'US-NY',
  taxRate: 88_750,
  lines: [
    { line: 1, sku: 'CRM-ENT-SEAT', name: 'CRM Enterprise seat (12 months)', unit: 'seat', family: 'subscription', quantity: 40, discountPercent: 25, listPrice: 198_000, gross: 7_920_000, discount: 1_980_000, net: 5_940_000, tax: 527_175, total: 6_467_175 },
    { line: 2, sku: 'ONBOARD-PKG', name: 'Onboarding package', unit: 'package', family: 'service', quantity: 1, discountPercent: 0, listPrice: 500_000, gross: 500_000, discount: 0, net: 500_000, tax: 44_375, total: 544_375 },
  ],
  subtotal: 8_420_000,
  discount: 1_980_000,
  tax: 571_550,
  total: 7_011_550,
  effectiveDiscount: 0.2352,
  exchange: { base: 'USD', rate: '1', totalInBase: 7_011_550 },
};

const jpy: PricedQuote = {
  ...usd,
  priceBook: { id: 'list-jpy-enterprise', version: 1, contentHash: 'h', segment: 'enterprise' },
  currency: 'JPY',
  taxRegion: 'JP',
  taxRate: 100_000,
  lines: [{ line: 1, sku: 'CRM-ENT-SEAT', name: 'CRM Enterprise seat (12 months)', unit: 'seat', family: 'subscription', quantity: 3, discountPercent: 0, listPrice: 297_000, gross: 891_000, discount: 0, net: 891_000, tax: 89_100, total: 980_100 }],
  subtotal: 891_000,
  discount: 0,
  tax: 89_100,
  total: 980_100,
  effectiveDiscount: 0,
  exchange: { base: 'USD', rate: '0.0067', totalInBase: 656_667 },
};

const rowsOf = (table: HTMLElement): string[][] =>
  within(table)
    .getAllByRole('row')
    .map((row) => within(row).queryAllByRole('cell').map((cell) => cell.textContent ?? ''))
    .filter((cells) => cells.length > 0);

const inMantine = (node: ReactNode) => render(<MantineProvider>{node}</MantineProvider>);

describe('a quote’s lines', () => {
  it('given a USD quote at 25% off one line, then every amount shows with cents and the totals are the API’s', () => {
    inMantine(<QuoteLinesTable priced={usd} />);
    expect(rowsOf(screen.getByRole('table', { name: 'Lines' }))).toEqual([
      ['1', 'CRM Enterprise seat (12 months) (CRM-ENT-SEAT)', '40 seat', '$1,980.00', '25% (−$19,800.00)', '$5,271.75', '$64,671.75'],
      ['2', 'Onboarding package (ONBOARD-PKG)', '1 package', '$5,000.00', '—', '$443.75', '$5,443.75'],
    ]);
    expect(rowsOf(screen.getByRole('table', { name: 'Totals' }))).toEqual([['$84,200.00'], ['-$19,800.00'], ['$5,715.50'], ['$70,115.50']]);
    expect(screen.getByText('Discount (23.52% effective)')).toBeTruthy();
    expect(screen.getByLabelText('Priced with').textContent).toBe('Price book list-usd-enterprise version 2 (enterprise) · tax US-NY 8.875% · USD');
  });

  it('given a JPY quote, then amounts have no minor digits', () => {
    inMantine(<QuoteLinesTable priced={jpy} />);
    expect(rowsOf(screen.getByRole('table', { name: 'Lines' }))).toEqual([['1', 'CRM Enterprise seat (12 months) (CRM-ENT-SEAT)', '3 seat', '¥297,000', '—', '¥89,100', '¥980,100']]);
    expect(rowsOf(screen.getByRole('table', { name: 'Totals' })).at(-1)).toEqual(['¥980,100']);
  });
});

describe('the lines editor', () => {
  const catalog: Catalog = {
    products: [
      { sku: 'CRM-ENT-SEAT', name: 'CRM Enterprise seat (12 months)', unit: 'seat', family: 'subscription' },
      { sku: 'ONBOARD-PKG', name: 'Onboarding package', unit: 'package', family: 'service' },
    ],
    priceBooks: [{ id: 'list-usd-enterprise', version: 2, contentHash: 'h', currency: 'USD', segment: 'enterprise', validFrom: '2026-01-01', validUntil: null, prices: {} }],
    taxRates: { 'US-NY': 88_750 },
    reportingCurrency: 'USD',
    exchangeRates: {},
  };

  it('given a negative quantity typed in, when saved, then it is sent as typed at the revision shown: the API judges it', async () => {
    const onSave = vi.fn();
    inMantine(<QuoteLinesEditor catalog={catalog} priced={usd} revision={7} busy={false} error={null} onSave={onSave} />);
    const quantity = screen.getByLabelText('Quantity, line 1');
    await userEvent.clear(quantity);
    await userEvent.type(quantity, '-5');
    await userEvent.click(screen.getByRole('button', { name: 'Price and save lines' }));
    expect(onSave).toHaveBeenCalledWith({
      priceBook: 'list-usd-enterprise',
      taxRegion: 'US-NY',
      expectedRevision: 7,
      lines: [
        { sku: 'CRM-ENT-SEAT', quantity: -5, discountPercent: 25 },
        { sku: 'ONBOARD-PKG', quantity: 1 },
      ],
    });
  });

  it('given the API refused the lines, then its code and message are shown', () => {
    const refusal = new ApiRefusal(400, { error: 'INVALID_COMMAND', message: 'invalid command: lines[0].quantity: expected a quantity above 0', details: {} });
    inMantine(<QuoteLinesEditor catalog={catalog} priced={usd} revision={7} busy={false} error={refusal} onSave={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toContain('INVALID_COMMAND: invalid command: lines[0].quantity: expected a quantity above 0');
  });
});
