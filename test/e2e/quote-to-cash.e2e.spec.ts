import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { paymentSignature } from '@crm/engine';
import { PROBE_TIMEOUT_MS } from '@crm/event-store/contract';
import { ApiHarness, type ApiResponse, type DemoUser } from './api-harness';

interface RecordBody {
  readonly id: string;
  readonly stage: string;
  readonly owner: string | null;
  readonly fields: Record<string, unknown>;
  /** Open tasks. */
  readonly tasks: readonly { readonly taskId: string; readonly template: string; readonly title: string }[];
  readonly approvals: readonly { readonly approvalId: string; readonly waitingFor: readonly string[] }[];
}
interface WriteBody {
  readonly record: RecordBody;
  readonly events: readonly { readonly type: string }[];
}
interface HistoryEvent {
  readonly id: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}
interface ErrorBody {
  readonly error: string;
  readonly message: string;
  readonly details: Record<string, unknown>;
}
interface Receipt {
  readonly order: string;
  readonly stage: string;
  readonly paidMinor: number;
  readonly balanceMinor: number;
  readonly events: readonly string[];
}
interface PricedLine {
  readonly sku: string;
  readonly name: string;
  readonly quantity: number;
  readonly listPrice: number;
  readonly discount: number;
  readonly tax: number;
  readonly total: number;
}
interface QuoteLines {
  readonly priced: { readonly currency: string; readonly total: number; readonly lines: readonly PricedLine[] } | null;
}
interface Page {
  readonly items: readonly { readonly recordId: string; readonly fields: Record<string, unknown> }[];
}

// 2026-03-02 is a Monday.
const START = '2026-03-02T09:00:00.000Z';
// A short last term, so the clock moves to its renewal window within the demo tokens' lifetime.
const CONTRACT_END = '2026-06-10';
/** The day the 90-day renewal timer falls due: contract end minus 90 days. */
const NINETY_DAYS_BEFORE = '2026-03-12T00:00:00.000Z';
/** 40 enterprise seats at 1,980.00 (price book list-usd-enterprise v2), 25% off: 59,400.00 net, 8.875% New York tax 5,271.75. */
const SEATS = { sku: 'CRM-ENT-SEAT', quantity: 40, discountPercent: 25 };
const QUOTE_TOTAL = 64_671.75;
const QUOTE_TOTAL_MINOR = 6_467_175;

/**
 * Quote to cash over HTTP (README, Orders and payments; Renewals): lead → opportunity → quote with a 25%
 * discount and two approvals → accepted by the customer's link → order with the quote's lines → two
 * part payments through the signed webhook → paid → renewal opportunity at 90 days, the clock moved.
 */
describe('quote to cash (over HTTP)', () => {
  const clock = new ManualClock(START);
  let harness: ApiHarness;

  beforeAll(async () => {
    harness = await ApiHarness.start({ clock });
  });
  afterAll(async () => {
    await harness.stop();
  });

  const ok = <T>(answer: ApiResponse<T>, status = 200): T => {
    if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const get = async (kind: string, id: string, as: DemoUser = 'rita'): Promise<RecordBody> => ok(await harness.request<RecordBody>(as, 'GET', `/records/${kind}/${id}`));
  const historyOf = async (kind: string, id: string): Promise<HistoryEvent[]> =>
    ok(await harness.request<{ events: HistoryEvent[] }>('rita', 'GET', `/records/${kind}/${id}/history`)).events;
  const fire = async (as: DemoUser, kind: string, id: string, event: string, fields?: Record<string, unknown>) =>
    harness.request<WriteBody & ErrorBody>(as, 'POST', `/records/${kind}/${id}/transitions`, { event, ...(fields === undefined ? {} : { fields }) });
  const head = async (): Promise<string | null> => ok(await harness.request<{ store: { headPosition: string | null } }>('ada', 'GET', '/health')).store.headPosition;

  /** Waits for what the engine's reactors store (an event, not a time). */
  const until = async <T>(what: string, probe: () => Promise<T | null | undefined>): Promise<T> => {
    const started = Date.now();
    for (;;) {
      const found = await probe();
      if (found !== null && found !== undefined) return found;
      if (Date.now() - started > PROBE_TIMEOUT_MS) throw new Error(`${what}: not there after ${PROBE_TIMEOUT_MS} ms; reactors: ${JSON.stringify(await harness.api.engine.reactors.status())}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const recordOf = async (kind: string, field: string, value: string): Promise<string | undefined> => {
    await harness.untilProjectionsCaughtUp();
    const page = ok(await harness.request<Page>('rita', 'GET', `/records/${kind}?limit=200`));
    return page.items.find((item) => item.fields[field] === value)?.recordId;
  };

  const paymentsSecret = (): string => readFileSync(join(harness.dataDirectory, 'payments-secret'), 'utf8').trim();
  const pay = (body: Record<string, unknown>, signature?: string) => {
    const raw = JSON.stringify(body);
    return harness.request<Receipt & ErrorBody>(null, 'POST', '/payments', raw, { 'content-type': 'application/json', 'x-payment-signature': signature ?? paymentSignature(paymentsSecret(), raw) });
  };

  let opportunityId: string;
  let accountId: string;
  let quoteId: string;
  let acceptEventId: string;
  let orderId: string;
  let subscriptionId: string;

  it('given a qualified lead converted and worked to negotiation, when a quote at 25% off is submitted, then a manager and an admin approve it and it is sent', async () => {
    const lead = ok(await harness.request<WriteBody>('rita', 'POST', '/records/lead', { fields: { name: 'Quinn Buyer', company: 'Cashflow Ltd.', email: 'quinn@cashflow.example', source: 'web' } }), 201).record.id;
    ok(await fire('rita', 'lead', lead, 'contact'));
    ok(await fire('rita', 'lead', lead, 'qualify', { budget: 50_000, authority: 'decision_maker', need: 'A CRM', timeline: '2026-06-30' }));
    const converted = ok(await fire('rita', 'lead', lead, 'convert'));
    opportunityId = String(converted.record.fields['opportunity']);
    accountId = String((await get('opportunity', opportunityId)).fields['account']);
    ok(await fire('rita', 'opportunity', opportunityId, 'analyze_needs', { decisionMaker: 'Quinn Buyer' }));
    ok(await fire('rita', 'opportunity', opportunityId, 'propose', { proposalDocument: 'doc-1' }));
    const proposal = await get('opportunity', opportunityId);
    const sendProposal = proposal.tasks.find((task) => task.template === 'send_proposal');
    ok(await harness.request('rita', 'POST', `/records/opportunity/${opportunityId}/tasks/${sendProposal?.taskId ?? 'none'}/complete`, {}));
    ok(await fire('rita', 'opportunity', opportunityId, 'negotiate', { amount: 50_000 }));

    const quote = ok(
      await harness.request<WriteBody>('rita', 'POST', '/records/quote', {
        fields: { opportunity: opportunityId, validUntil: '2026-04-30', contractEnd: CONTRACT_END },
      }),
      201,
    );
    quoteId = quote.record.id;
    const priced = ok(await harness.request<WriteBody>('rita', 'PUT', `/records/quote/${quoteId}/lines`, { priceBook: 'list-usd-enterprise', taxRegion: 'US-NY', lines: [SEATS] }));
    expect(priced.record.fields).toMatchObject({ total: QUOTE_TOTAL, discount: 0.25, currency: 'USD' });
    ok(await fire('rita', 'quote', quoteId, 'submit'));
    const asked = ok(await fire('rita', 'quote', quoteId, 'approve'), 202);
    const approval = asked.record.approvals[0];
    expect(approval?.waitingFor).toEqual(['Sales manager']);
    const path = `/records/quote/${quoteId}/approvals/${approval?.approvalId ?? 'none'}/grant`;
    expect(ok(await harness.request<WriteBody>('max', 'POST', path, { comment: 'ok for 25%' })).record.approvals[0]?.waitingFor).toEqual(['Finance (admin)']);
    expect(ok(await harness.request<WriteBody>('ada', 'POST', path, { comment: 'finance ok' })).record.stage).toBe('approved');
    expect(ok(await fire('rita', 'quote', quoteId, 'send', { customerEmail: 'quinn@cashflow.example' })).record.stage).toBe('sent');
  });

  it('given the sent quote, when the customer accepts through the signed link, then it is accepted once; the link cannot be used again, nor forged', async () => {
    const link = ok(await harness.request<{ token: string; expiresAt: string }>('rita', 'POST', `/records/quote/${quoteId}/acceptance-link`, { expiresInDays: 7 }));
    expect(link.expiresAt).toBe('2026-03-09T09:00:00.000Z');
    const [payload] = link.token.split('.');
    expect(ok(await harness.request<ErrorBody>(null, 'POST', '/quote-acceptance', { token: `${payload ?? ''}.forged` }), 401).error).toBe('ACCEPTANCE_LINK_INVALID');

    const accepted = ok(await harness.request<{ quote: string; stage: string }>(null, 'POST', '/quote-acceptance', { token: link.token, acceptedBy: 'Quinn Buyer' }));

    expect(accepted).toMatchObject({ quote: quoteId, stage: 'accepted' });
    expect(ok(await harness.request<ErrorBody>(null, 'POST', '/quote-acceptance', { token: link.token }), 410).error).toBe('ACCEPTANCE_LINK_USED');
    const accept = (await historyOf('quote', quoteId)).find((event) => event.type === 'Transitioned' && event.data['event'] === 'accept');
    expect(accept?.metadata).toMatchObject({ actor: 'system:acceptance-link' });
    expect(accept?.data['reason']).toContain('Quinn Buyer');
    // The link is the acceptance's evidence.
    expect((await get('quote', quoteId)).fields).toMatchObject({ acceptanceEvidence: expect.stringMatching(/^acceptance link /), acceptanceNote: "Accepted by Quinn Buyer through the customer's signed link" });
    acceptEventId = String(accept?.id);
  });

  it('given the accepted quote, then the reactor opens the order with its lines copied and closes the opportunity won with the quote total, both caused by the acceptance', async () => {
    orderId = await until('the order', () => recordOf('order', 'quote', quoteId));
    const won = await until('the opportunity won', async () => {
      const opportunity = await get('opportunity', opportunityId);
      return opportunity.stage === 'closed_won' ? opportunity : null;
    });
    expect(won.fields).toMatchObject({ amount: QUOTE_TOTAL, quote: quoteId, closeDate: '2026-03-02' });

    const order = await get('order', orderId);
    expect(order).toMatchObject({ stage: 'booked', owner: 'rita', fields: { quote: quoteId, opportunity: opportunityId, account: accountId, total: QUOTE_TOTAL, balance: QUOTE_TOTAL, contractEnd: CONTRACT_END } });
    const orderHistory = await historyOf('order', orderId);
    expect(orderHistory.map((event) => event.type)).toEqual(['RecordOpened', 'LinesCopied']);
    expect(orderHistory[1]?.data).toMatchObject({ source: { kind: 'quote', recordId: quoteId }, currency: 'USD', minorDigits: 2, totalMinor: QUOTE_TOTAL_MINOR });
    // The order's lines are the quote's, to the minor unit: what was sold, at the price it was sold.
    const quoteLines = ok(await harness.request<QuoteLines>('rita', 'GET', `/records/quote/${quoteId}/lines`)).priced;
    const orderLines = orderHistory[1]?.data['lines'] as PricedLine[];
    expect(orderLines).toEqual(quoteLines?.lines);
    expect(orderLines.map((line) => [line.sku, line.quantity, line.listPrice, line.discount, line.tax, line.total])).toEqual([['CRM-ENT-SEAT', 40, 198_000, 1_980_000, 527_175, QUOTE_TOTAL_MINOR]]);
    expect(orderLines.reduce((sum, line) => sum + line.total, 0)).toBe(quoteLines?.total);
    expect(orderHistory[0]?.metadata).toMatchObject({ actor: 'system:reactor:quote-acceptance', causationId: acceptEventId });
    const closed = (await historyOf('opportunity', opportunityId)).find((event) => event.type === 'Transitioned' && event.data['to'] === 'closed_won');
    expect(closed?.metadata).toMatchObject({ actor: 'system:reactor:quote-acceptance', causationId: acceptEventId });

    await harness.untilProjectionsCaughtUp();
    const forecast = ok(await harness.request<{ rows: { closedWon: number; closedWonCount: number }[] }>('max', 'GET', '/forecast?groupBy=total&from=2026-Q1&to=2026-Q1'));
    expect(forecast.rows.map((row) => [row.closedWon, row.closedWonCount])).toEqual([[QUOTE_TOTAL, 1]]);
    const pipeline = ok(await harness.request<{ byStage: { count: number }[] }>('max', 'GET', '/pipeline'));
    expect(pipeline.byStage.reduce((sum, row) => sum + row.count, 0)).toBe(0);
  });

  it('given the order invoiced, when payments come through the signed webhook, then above the balance is refused with nothing stored, two part payments settle it, and a payment sent again stores nothing', async () => {
    ok(await fire('rita', 'order', orderId, 'invoice', { invoiceNumber: 'INV-2026-0042', invoiceDueDate: '2026-04-01' }));

    const forged = await pay({ id: 'pay-0', order: orderId, amount: 100, currency: 'USD' }, 'sha256=00');
    expect([forged.status, forged.body.error]).toEqual([401, 'PAYMENT_SIGNATURE_INVALID']);
    const before = await head();
    const above = await pay({ id: 'pay-x', order: orderId, amount: QUOTE_TOTAL_MINOR + 1, currency: 'USD' });
    expect([above.status, above.body.error, above.body.details['balanceMinor']]).toEqual([422, 'PAYMENT_ABOVE_BALANCE', QUOTE_TOTAL_MINOR]);
    expect(await head()).toEqual(before);

    const first = ok(await pay({ id: 'pay-1', order: orderId, amount: 1_500_000, currency: 'USD' }));
    expect(first).toMatchObject({ stage: 'partly_paid', paidMinor: 1_500_000, balanceMinor: QUOTE_TOTAL_MINOR - 1_500_000 });
    const again = ok(await pay({ id: 'pay-1', order: orderId, amount: 1_500_000, currency: 'USD' }));
    expect(again).toEqual(first);
    const second = ok(await pay({ id: 'pay-2', order: orderId, amount: QUOTE_TOTAL_MINOR - 1_500_000, currency: 'USD' }));
    expect(second).toMatchObject({ stage: 'paid', paidMinor: QUOTE_TOTAL_MINOR, balanceMinor: 0 });
    expect((await get('order', orderId)).fields).toMatchObject({ amountPaid: QUOTE_TOTAL, balance: 0 });
    expect((await historyOf('order', orderId)).filter((event) => event.type === 'PaymentRecorded').map((event) => event.data['paymentId'])).toEqual(['pay-1', 'pay-2']);
  });

  it('given the subscription the quote opened, when the clock reaches 90 days before the contract end, then a renewal task is opened and the renewal opportunity on the account carries last term’s lines', async () => {
    subscriptionId = await until('the subscription', () => recordOf('subscription', 'quote', quoteId));
    expect(await get('subscription', subscriptionId)).toMatchObject({ stage: 'active', fields: { account: accountId, order: orderId, termAmount: QUOTE_TOTAL, contractEnd: CONTRACT_END } });

    clock.set(NINETY_DAYS_BEFORE);
    await harness.untilProjectionsCaughtUp();
    await harness.api.timers.runDue();

    const renewing = await get('subscription', subscriptionId);
    expect(renewing.stage).toBe('renewal_90');
    expect(renewing.tasks.map((task) => task.template)).toEqual(['renewal_90']);
    const renewalId = await until('the renewal opportunity', async () => {
      const subscription = await get('subscription', subscriptionId);
      return typeof subscription.fields['renewalOpportunity'] === 'string' ? subscription.fields['renewalOpportunity'] : null;
    });
    const renewal = await get('opportunity', renewalId);
    expect(renewal).toMatchObject({ stage: 'qualification', owner: 'rita', fields: { account: accountId, renewalOf: subscriptionId, amount: QUOTE_TOTAL, closeDate: CONTRACT_END } });
    const renewalHistory = await historyOf('opportunity', renewalId);
    expect(renewalHistory.find((event) => event.type === 'LinesCopied')?.data).toMatchObject({ source: { kind: 'subscription', recordId: subscriptionId }, totalMinor: QUOTE_TOTAL_MINOR, lines: [expect.objectContaining({ sku: 'CRM-ENT-SEAT', quantity: 40, total: QUOTE_TOTAL_MINOR })] });
    const opened = (await historyOf('subscription', subscriptionId)).find((event) => event.type === 'Transitioned' && event.data['event'] === 'open_renewal');
    expect(renewalHistory[0]?.metadata).toMatchObject({ actor: 'system:reactor:subscription-renewal', causationId: opened?.id });
  });

  it('given the whole chain, then each record links to the one before it: lead → opportunity → quote → order and subscription → renewal opportunity', async () => {
    const subscriptionOpened = (await historyOf('subscription', subscriptionId))[0];
    expect(subscriptionOpened?.metadata).toMatchObject({ causationId: acceptEventId });
    const opportunity = await get('opportunity', opportunityId);
    expect(typeof opportunity.fields['lead']).toBe('string');
    expect((await get('quote', quoteId)).fields['opportunity']).toBe(opportunityId);
    expect((await get('order', orderId)).fields).toMatchObject({ quote: quoteId, opportunity: opportunityId });
    expect((await get('subscription', subscriptionId)).fields).toMatchObject({ quote: quoteId, order: orderId });
  });

  it('given a sent quote, when the rep records its acceptance without evidence, then 422 names the evidence and the note and nothing is stored; with them it is accepted, the evidence kept', async () => {
    const deal = ok(await harness.request<WriteBody>('rita', 'POST', '/records/opportunity', { fields: { name: 'Evidence Ltd.' } }), 201).record.id;
    const quote = ok(
      await harness.request<WriteBody>('rita', 'POST', '/records/quote', { fields: { opportunity: deal, validUntil: '2026-04-30', paymentTerms: 'net_30', customerEmail: 'buyer@evidence.example' } }),
      201,
    ).record.id;
    ok(await harness.request('rita', 'PUT', `/records/quote/${quote}/lines`, { priceBook: 'list-usd-enterprise', taxRegion: 'US-NY', lines: [{ sku: 'CRM-PRO-SEAT', quantity: 2 }] }));
    for (const event of ['submit', 'approve', 'send']) ok(await fire('rita', 'quote', quote, event));
    const before = await historyOf('quote', quote);

    const bare = await fire('rita', 'quote', quote, 'accept');
    const noteOnly = await fire('rita', 'quote', quote, 'accept', { acceptanceNote: 'The buyer said yes on the phone' });

    expect([bare.status, bare.body.error]).toEqual([422, 'TRANSITION_REFUSED']);
    expect((bare.body.details['unmet'] as { field: string }[]).map((unmet) => unmet.field)).toEqual(['acceptanceEvidence', 'acceptanceNote']);
    expect([noteOnly.status, (noteOnly.body.details['unmet'] as { field: string; message: string }[]).map((unmet) => unmet.field)]).toEqual([422, ['acceptanceEvidence']]);
    expect(await historyOf('quote', quote)).toEqual(before);
    expect((await get('quote', quote)).stage).toBe('sent');

    const evidence = { acceptanceEvidence: 'https://docs.example/evidence-ltd/po-4711-signed.pdf', acceptanceNote: 'PO 4711 signed by the buyer, received by email on 2026-03-12' };
    const accepted = ok(await fire('rita', 'quote', quote, 'accept', evidence));

    expect(accepted.record).toMatchObject({ stage: 'accepted', fields: evidence });
    const acceptance = (await historyOf('quote', quote)).find((event) => event.type === 'Transitioned' && event.data['event'] === 'accept');
    expect(acceptance?.metadata).toMatchObject({ actor: 'rita' });
    expect(await until('the order of the accepted quote', () => recordOf('order', 'quote', quote))).toEqual(expect.any(String));
  });
});
