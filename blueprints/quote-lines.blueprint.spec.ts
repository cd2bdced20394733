import { join } from 'node:path';
import { loadQuoteCatalog, type QuoteCatalog } from '@crm/catalog';
import { commandProblems, quoteDocument, quoteLinesOf, quotePricingOf, type RecordCommandBase } from '@crm/workflow';
import { RecordScenario, type ScenarioCommand } from '@crm/workflow/testing';
import { ada, defaultBlueprint, errorCodeOf, eventTypes, max, rita } from './blueprint-spec.fixtures';

const catalog = (): QuoteCatalog => {
  const loaded = loadQuoteCatalog(join(__dirname));
  if (loaded === null) throw new Error('the shipped blueprints have a catalog');
  return loaded;
};
const quote = defaultBlueprint('quote');
const scenario = (): RecordScenario => new RecordScenario(quote, rita, new Date('2026-03-02T09:00:00.000Z'), 'quote-1').withCatalog(catalog());

const open: ScenarioCommand = { type: 'OpenRecord', fields: { opportunity: 'opp-1', validUntil: '2026-04-30', customerEmail: 'buyer@initech.example', paymentTerms: 'net_30' } };
type PriceCommand = Extract<ScenarioCommand, { readonly type: 'PriceQuote' }>;
const price = (discountPercent: number): PriceCommand => ({
  type: 'PriceQuote',
  priceBook: 'list-usd-enterprise',
  taxRegion: 'US-NY',
  lines: [
    { sku: 'CRM-ENT-SEAT', quantity: 40, discountPercent },
    { sku: 'ONBOARD-PKG', quantity: 1 },
  ],
});
const submit: ScenarioCommand = { type: 'FireTransition', event: 'submit' };
const approve: ScenarioCommand = { type: 'FireTransition', event: 'approve' };
const send: ScenarioCommand = { type: 'FireTransition', event: 'send' };

const refusal = (outcome: ReturnType<RecordScenario['when']>): { code: string; message: string; details: Record<string, unknown> } => {
  if (outcome.ok) throw new Error(`expected a refusal, got ${outcome.events.map((event) => event.type).join(', ')}`);
  return { code: outcome.error.code, message: outcome.error.message, details: outcome.error.details };
};

describe('quote lines (quote blueprint v4 with the shipped catalog)', () => {
  describe('pricing', () => {
    it('given a draft, when a rep prices 40 enterprise seats at 25% off and onboarding, then the lines pin price book version 2 and the totals follow into the fields', () => {
      const record = scenario().given(open);
      expect(eventTypes(record.when(price(25)))).toEqual(['QuotePriced', 'FieldsChanged']);
      const priced = quoteLinesOf(record.current);
      expect(priced?.priceBook).toMatchObject({ id: 'list-usd-enterprise', version: 2, segment: 'enterprise' });
      // 40 × 1,980.00 = 79,200.00, 25% off 19,800.00; onboarding 5,000.00; tax 8.875% of 64,400.00 = 5,715.50
      expect(priced && { subtotal: priced.subtotal, discount: priced.discount, tax: priced.tax, total: priced.total }).toEqual({ subtotal: 8_420_000, discount: 1_980_000, tax: 571_550, total: 7_011_550 });
      expect(record.current.fields).toMatchObject({ total: 70_115.5, discount: 0.2352, currency: 'USD' });
    });

    it('when a line asks for a negative quantity or 700% off, then the command’s problems name the line and field', () => {
      const command = { commandId: 'cmd-1', actor: rita, kind: 'quote', recordId: 'quote-1', type: 'PriceQuote', priceBook: 'list-usd-enterprise', taxRegion: 'US-NY' };
      expect(commandProblems({ ...command, lines: [{ sku: 'CRM-ENT-SEAT', quantity: -3 }, { sku: 'ONBOARD-PKG', quantity: 1, discountPercent: 700 }] } as RecordCommandBase)).toEqual([
        'lines[0].quantity: expected a quantity above 0 and at most 1000000 with at most 3 decimals, got -3',
        'lines[1].discountPercent: expected a percent from 0 to 100 with at most 2 decimals, got 700',
      ]);
      expect(commandProblems({ ...command, kind: 'opportunity', lines: [{ sku: 'CRM-ENT-SEAT', quantity: 1 }] } as RecordCommandBase)).toEqual(['kind: only quotes have lines, not opportunity']);
    });

    it('given a draft never priced, when lines come without a price book, then INVALID_COMMAND names it', () => {
      const refused = refusal(scenario().given(open).when({ type: 'PriceQuote', lines: [{ sku: 'CRM-ENT-SEAT', quantity: 1 }] }));
      expect(refused).toMatchObject({ code: 'INVALID_COMMAND', message: 'priceBook: required when the quote is priced the first time; taxRegion: required when the quote is priced the first time' });
    });

    it('when a line names an unknown SKU, or the pinned book version expired, then UNKNOWN_SKU or PRICE_BOOK_EXPIRED', () => {
      const record = scenario().given(open);
      expect(errorCodeOf(record.when({ ...price(0), lines: [{ sku: 'NOPE', quantity: 1 }] }))).toBe('UNKNOWN_SKU');
      const expired = refusal(record.when({ ...price(0), priceBookVersion: 1 }));
      expect(expired).toMatchObject({ code: 'PRICE_BOOK_EXPIRED', details: { validUntil: '2025-12-31' } });
    });

    it('given priced lines, when a rep sets the total or discount by hand, then INVALID_FIELDS: they come from the lines', () => {
      const record = scenario().given(open, price(5));
      const refused = refusal(record.when({ type: 'UpdateFields', fields: { total: 1, discount: 0 } }));
      expect(refused.code).toBe('INVALID_FIELDS');
      expect(refused.message).toContain("total, discount: set by the quote's lines");
    });

    it('given a quote in review, when its lines are priced, then QUOTE_NOT_EDITABLE names the stage', () => {
      const record = scenario().given(open, price(5), submit);
      expect(refusal(record.when(price(5)))).toMatchObject({ code: 'QUOTE_NOT_EDITABLE', details: { stage: 'in_review', editableIn: 'draft' } });
    });

    it('given a quote priced in CNY, then the rate to the reporting currency and the converted total are recorded on it', () => {
      const record = scenario().given(open, { type: 'PriceQuote', priceBook: 'list-cny-enterprise', taxRegion: 'CN', lines: [{ sku: 'CRM-PRO-SEAT', quantity: 10 }] });
      expect(quoteLinesOf(record.current)?.exchange).toEqual({ base: 'USD', rate: '0.1389', totalInBase: 1_349_830 });
      expect(record.current.fields).toMatchObject({ total: 97_180, currency: 'CNY' });
    });
  });

  describe('discount approvals', () => {
    it('given 25% off, when approval is asked, then a sales manager and then finance must approve', () => {
      const record = scenario().given(open, price(30), submit);
      expect(eventTypes(record.when(approve))).toEqual(['ApprovalRequested']);
      expect(record.current.approvals[0]?.steps.map((step) => step.title)).toEqual(['Sales manager', 'Finance (admin)']);
      record.given({ type: 'GrantApproval', approvalId: record.approvalId('approve'), actor: max });
      expect(eventTypes(record.when({ type: 'GrantApproval', approvalId: record.approvalId('approve'), actor: ada }))).toEqual(['ApprovalGranted', 'Transitioned']);
      expect(record.current.stage).toBe('approved');
    });

    it('given 5% off and standard terms, then the rep approves it alone; with custom terms both approvers are needed', () => {
      expect(eventTypes(scenario().given(open, price(5), submit).when(approve))).toEqual(['Transitioned']);
      const custom = scenario().given({ ...open, fields: { ...(open as { fields: Record<string, unknown> }).fields, paymentTerms: 'custom' } }, price(5), submit);
      custom.given(approve);
      expect(custom.current.approvals[0]?.steps.map((step) => step.title)).toEqual(['Sales manager', 'Finance (admin)']);
    });

    it('given a quote without lines on net 60, when approval is asked, then the sales manager is needed for the terms alone', () => {
      const record = scenario().given({ type: 'OpenRecord', fields: { opportunity: 'opp-1', total: 500, validUntil: '2026-04-30', paymentTerms: 'net_60' } }, submit);
      record.given(approve);
      expect(record.current.approvals[0]?.steps.map((step) => step.title)).toEqual(['Sales manager']);
    });

    it('given a pending approval, when the quote is sent back and repriced, then the approval is invalidated and a new one is asked', () => {
      const record = scenario().given(open, price(25), submit, approve);
      const pending = record.approvalId('approve');
      record.given({ type: 'FireTransition', event: 'send_back', actor: max });
      expect(record.current.approvals.find((request) => request.approvalId === pending)?.status).toBe('invalidated');
    });
  });

  describe('sending', () => {
    it('given an approved quote in Chinese, when sent, then QuoteSent holds the hash of the zh-CN document of version 1', () => {
      const record = scenario().given({ ...open, fields: { ...(open as { fields: Record<string, unknown> }).fields, language: 'zh-CN' } }, price(5), submit, approve);
      const outcome = record.when(send);
      if (!outcome.ok) throw new Error(outcome.error.message);
      const sent = outcome.events.find((event) => event.type === 'QuoteSent');
      const document = quoteDocument('quote-1', quotePricingOf(record.current).current, record.current.fields, 'zh-CN');
      expect(sent?.data).toEqual({
        recordId: 'quote-1',
        quoteVersion: 1,
        locale: 'zh-CN',
        documentHash: document?.hash,
        documentFields: { customerEmail: 'buyer@initech.example', validUntil: '2026-04-30', paymentTerms: 'net_30', terms: null },
        total: 8_736_130,
        currency: 'USD',
      });
      expect(document?.html).toContain('报价单');
      expect(document?.html).toContain('87,361.30 USD');
      expect(quotePricingOf(record.current).current.sent?.documentHash).toBe(document?.hash);
      // Fields changed after sending: the sent version still renders the bytes its hash names.
      record.given({ type: 'UpdateFields', fields: { validUntil: '2026-05-15' } });
      expect(quoteDocument('quote-1', quotePricingOf(record.current).current, record.current.fields, 'zh-CN')?.hash).toBe(document?.hash);
    });

    it('given a quote without lines (priced by hand before lines existed), when sent, then no document is sent', () => {
      const record = scenario().given({ type: 'OpenRecord', fields: { opportunity: 'opp-1', total: 500, validUntil: '2026-04-30', customerEmail: 'b@x.example' } }, submit, approve);
      expect(eventTypes(record.when(send))).not.toContain('QuoteSent');
    });
  });

  describe('revision', () => {
    it('given a sent quote, when it is revised, then version 2 starts from its lines, version 1 stays in history, and the approvals must be given again', () => {
      const record = scenario().given(open, price(25), submit, approve);
      record.given({ type: 'GrantApproval', approvalId: record.approvalId('approve'), actor: max }, { type: 'GrantApproval', approvalId: record.approvalId('approve'), actor: ada }, send);
      const revised = record.when({ type: 'FireTransition', event: 'revise', reason: 'customer asked for 50 seats' });
      expect(eventTypes(revised)).toContain('QuoteRevised');
      expect(record.current.stage).toBe('draft');
      const pricing = quotePricingOf(record.current);
      expect(pricing.current.version).toBe(2);
      expect(pricing.history.map((version) => version.version)).toEqual([1]);
      expect(pricing.history[0]?.sent).not.toBeNull();
      record.given({ ...price(25), lines: [{ sku: 'CRM-ENT-SEAT', quantity: 50, discountPercent: 25 }] }, submit);
      expect(quotePricingOf(record.current).history[0]?.priced?.lines[0]?.quantity).toBe(40);
      expect(eventTypes(record.when(approve))).toEqual(['ApprovalRequested']);
    });
  });
});
