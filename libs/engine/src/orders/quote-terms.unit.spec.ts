import { join } from 'node:path';
import { compileBlueprint, loadBlueprintDirectory, type CompiledBlueprint } from '@crm/blueprint';
import { loadQuoteCatalog, type QuoteCatalog } from '@crm/catalog';
import { quoteLinesOf, WorkflowException } from '@crm/workflow';
import { RecordScenario } from '@crm/workflow/testing';
import { quoteTermsOf } from './quote-terms';

const shippedBlueprints = join(__dirname, '..', '..', '..', '..', 'blueprints');
const rita = { id: 'rita', roles: ['rep'] };

const shippedQuote = (): CompiledBlueprint => {
  const definition = loadBlueprintDirectory(shippedBlueprints).find((candidate) => candidate.kind === 'quote');
  if (definition === undefined) throw new Error('the shipped blueprints have a quote');
  return compileBlueprint(definition);
};
const shippedCatalog = (): QuoteCatalog => {
  const catalog = loadQuoteCatalog(shippedBlueprints);
  if (catalog === null) throw new Error('the shipped blueprints have a catalog');
  return catalog;
};

const quote = shippedQuote();
const catalog = shippedCatalog();
const open = { type: 'OpenRecord', fields: { opportunity: 'opp-1', validUntil: '2026-04-30' } } as const;

const pricedQuote = (priceBook: string, taxRegion: string, lines: readonly { sku: string; quantity: number; discountPercent?: number }[]): RecordScenario =>
  new RecordScenario(quote, rita, new Date('2026-03-02T09:00:00.000Z'), 'quote-1').withCatalog(catalog).given(open, { type: 'PriceQuote', priceBook, taxRegion, lines });

describe('the terms an accepted quote gives its order', () => {
  it.each([
    ['USD', 'list-usd-enterprise', 'US-NY', 2, [{ sku: 'CRM-ENT-SEAT', quantity: 40, discountPercent: 25 }, { sku: 'ONBOARD-PKG', quantity: 1 }, { sku: 'CONSULT-HOUR', quantity: 7.5, discountPercent: 12.5 }]],
    ['CNY', 'list-cny-enterprise', 'CN', 2, [{ sku: 'CRM-PRO-SEAT', quantity: 13, discountPercent: 7.25 }, { sku: 'CONSULT-HOUR', quantity: 0.333 }]],
    ['JPY', 'list-jpy-enterprise', 'JP', 0, [{ sku: 'CRM-ENT-SEAT', quantity: 3, discountPercent: 33.33 }, { sku: 'CONSULT-HOUR', quantity: 1.5 }]],
  ])('given a quote priced in %s, then the terms carry every priced line and the total to the minor unit, in the currency’s minor digits', (currency, priceBook, taxRegion, minorDigits, lines) => {
    const record = pricedQuote(priceBook, taxRegion, lines).current;
    const priced = quoteLinesOf(record);
    if (priced === null) throw new Error('the quote was priced');

    const terms = quoteTermsOf(record, quote.definition);

    expect(terms).toMatchObject({ currency, minorDigits, totalMinor: priced.total, total: record.fields['total'] });
    expect(terms?.lines).toEqual(priced.lines);
    expect(terms?.lines.reduce((sum, line) => sum + Number(line['total']), 0)).toBe(priced.total);
    expect(terms?.lines.map((line) => [line['sku'], line['quantity'], line['listPrice'], line['discount'], line['tax'], line['total']])).toEqual(
      priced.lines.map((line) => [line.sku, line.quantity, line.listPrice, line.discount, line.tax, line.total]),
    );
  });

  it('given a quote revised after sending and priced again, then the terms are the current version’s lines', () => {
    const scenario = pricedQuote('list-usd-enterprise', 'US-NY', [{ sku: 'CRM-PRO-SEAT', quantity: 10 }]).given(
      { type: 'UpdateFields', fields: { customerEmail: 'buyer@initech.example', paymentTerms: 'net_30' } },
      { type: 'FireTransition', event: 'submit' },
      { type: 'FireTransition', event: 'approve' },
      { type: 'FireTransition', event: 'send' },
      { type: 'FireTransition', event: 'revise' },
      { type: 'PriceQuote', lines: [{ sku: 'CRM-PRO-SEAT', quantity: 12 }] },
    );

    const terms = quoteTermsOf(scenario.current, quote.definition);

    expect(terms?.lines.map((line) => line['quantity'])).toEqual([12]);
    expect(terms?.totalMinor).toBe(quoteLinesOf(scenario.current)?.total);
  });

  it('given a quote never priced with a hand-set total, then no lines and the total in minor units of the blueprint’s currency; in yen, a total with cents is refused', () => {
    const handSet = new RecordScenario(quote, rita).given({ type: 'OpenRecord', fields: { total: 1234.56 } }).current;
    expect(quoteTermsOf(handSet, quote.definition)).toEqual({ currency: 'USD', minorDigits: 2, lines: [], totalMinor: 123_456, total: 1234.56 });

    const yen = new RecordScenario(quote, rita).given({ type: 'OpenRecord', fields: { total: 1234.5, currency: 'JPY' } }).current;
    expect(() => quoteTermsOf(yen, quote.definition)).toThrow(WorkflowException);
    expect(() => quoteTermsOf(yen, quote.definition)).toThrow('total: 1234.5 is not a whole number of JPY minor units (0 decimals)');

    expect(quoteTermsOf(new RecordScenario(quote, rita).given({ type: 'OpenRecord', fields: {} }).current, quote.definition)).toBeNull();
  });
});
