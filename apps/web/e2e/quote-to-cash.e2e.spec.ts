import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ManualClock } from '@crm/clock';
import { paymentSignature } from '@crm/engine';
import { eventually, scaledTimeout } from '@crm/event-store/contract';
import { BrowserSession, describeWithBrowser, screenshot, seriousViolations } from './support/browser-session';
import { QuoteToCashPage } from './support/pages/quote-to-cash.page';
import { SCREENSHOTS, WebHarness, type DemoUserId } from './support/web-harness';

const TEST_MS = scaledTimeout(120_000);
/** axe-core reads every element of three pages: minutes on a loaded machine. */
const AXE_TEST_MS = scaledTimeout(360_000);

const NAMES: Partial<Record<DemoUserId, string>> = { rita: 'Rita Rep' };

interface WriteAnswer {
  readonly record: { readonly id: string; readonly revision: number; readonly stage: string; readonly fields: Record<string, unknown>; readonly approvals: readonly { readonly approvalId: string }[] };
}
interface ListAnswer {
  readonly items: readonly { readonly recordId: string; readonly fields: Record<string, unknown> }[];
}

// 2026-03-02 is a Monday; the contract ends within the demo tokens' 30 days of its 90-day renewal window.
const START = '2026-03-02T10:00:00.000Z';
const CONTRACT_END = '2026-06-10';
const NINETY_DAYS_BEFORE = '2026-03-12T00:00:00.000Z';

/**
 * What the price book list-usd-enterprise v2 and the US-NY rate (8.875%) make of the lines, worked out by
 * hand (README, Quote lines): 40 seats at $1,980.00 less 25% = $59,400.00 + tax $5,271.75; the onboarding
 * package $5,000.00 + tax $443.75.
 */
const VERSION_1_LINES = [
  ['1', 'CRM Enterprise seat (12 months) (CRM-ENT-SEAT)', '40 seat', '$1,980.00', '25% (−$19,800.00)', '$5,271.75', '$64,671.75'],
  ['2', 'Onboarding package (ONBOARD-PKG)', '1 package', '$5,000.00', '—', '$443.75', '$5,443.75'],
];
const VERSION_1_TOTALS = ['$84,200.00', '-$19,800.00', '$5,715.50', '$70,115.50'];
/** Version 2, 30 seats: $59,400.00 less 25% = $44,550.00; its tax $3,953.8125 rounds half away from zero to $3,953.81. */
const VERSION_2_LINES = [
  ['1', 'CRM Enterprise seat (12 months) (CRM-ENT-SEAT)', '30 seat', '$1,980.00', '25% (−$14,850.00)', '$3,953.81', '$48,503.81'],
  ['2', 'Onboarding package (ONBOARD-PKG)', '1 package', '$5,000.00', '—', '$443.75', '$5,443.75'],
];
const VERSION_2_TOTALS = ['$64,400.00', '-$14,850.00', '$4,397.56', '$53,947.56'];

describeWithBrowser('quote to cash in the web app (Chromium against the real API)', () => {
  const clock = new ManualClock(START);
  let harness: WebHarness;
  let browser: BrowserSession;
  let accountId: string;
  let quoteId: string;
  let orderId: string;
  let subscriptionId: string;

  const signedIn = (user: DemoUserId): Promise<Page> => browser.signedIn(harness.url, NAMES[user] ?? user);
  /** One section of the page, as the README shows it. */
  const sectionShot = (section: Locator, name: string) => section.screenshot({ path: join(SCREENSHOTS, `${name}-section.png`) });
  const fire = (as: DemoUserId, kind: string, id: string, event: string, extra: Record<string, unknown> = {}) =>
    harness.call<WriteAnswer>(as, 'POST', `/records/${kind}/${id}/transitions`, { event, ...extra });
  const quote = () => harness.call<WriteAnswer['record']>('rita', 'GET', `/records/quote/${quoteId}`);
  /** Submit, approve (a manager, then finance: the discount is above 20%) and send the quote's current version. */
  const approveAndSend = async () => {
    await fire('rita', 'quote', quoteId, 'submit');
    const asked = await fire('rita', 'quote', quoteId, 'approve');
    const grant = `/records/quote/${quoteId}/approvals/${asked.record.approvals[0]?.approvalId ?? 'none'}/grant`;
    await harness.call('max', 'POST', grant, { comment: 'ok for 25%' });
    await harness.call('ada', 'POST', grant, { comment: 'finance ok' });
    await fire('rita', 'quote', quoteId, 'send', { fields: { customerEmail: 'quinn@cashflow.example' } });
  };
  /** The record the acceptance reactor opened for the quote (an event to wait for, not a time). */
  const openedFor = (kind: string) =>
    eventually(async () => {
      await harness.readModelsCaughtUp();
      const found = (await harness.call<ListAnswer>('rita', 'GET', `/records/${kind}?limit=50`)).items.find((item) => item.fields['quote'] === quoteId);
      if (found === undefined) throw new Error(`no ${kind} for quote ${quoteId} yet`);
      return found.recordId;
    });

  beforeAll(async () => {
    harness = await WebHarness.start(clock);
    browser = await BrowserSession.launch({ width: 1440, height: 1200 });
    accountId = (await harness.call<WriteAnswer>('rita', 'POST', '/records/account', { fields: { name: 'Cashflow Ltd.' } })).record.id;
    const opportunity = (
      await harness.call<WriteAnswer>('rita', 'POST', '/records/opportunity', {
        fields: { name: 'Cashflow CRM rollout', account: accountId, budget: 90_000, decisionMaker: 'Quinn Buyer', timeline: '2026-06-30', amount: 80_000 },
      })
    ).record.id;
    await fire('rita', 'opportunity', opportunity, 'analyze_needs');
    await fire('rita', 'opportunity', opportunity, 'propose', { fields: { proposalDocument: 'cashflow-proposal.pdf' } });
    quoteId = (
      await harness.call<WriteAnswer>('rita', 'POST', '/records/quote', {
        fields: { opportunity, validUntil: '2026-04-30', paymentTerms: 'net_30', contractEnd: CONTRACT_END },
      })
    ).record.id;
  }, scaledTimeout(120_000));

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  }, scaledTimeout(60_000));

  it(
    'given a draft quote, when Rita prices two lines at 25% off one of them, then the page shows each line, the totals in dollars and cents, and the price book version',
    async () => {
      const page = await signedIn('rita');
      const record = new QuoteToCashPage(page);
      await record.open(harness.url, 'quote', quoteId);

      await record.priceLines('list-usd-enterprise', 'US-NY', [
        { product: 'CRM-ENT-SEAT', quantity: '40', discount: '25' },
        { product: 'ONBOARD-PKG', quantity: '1' },
      ]);

      expect(await record.lineRows()).toEqual(VERSION_1_LINES);
      expect(await record.totals()).toEqual(VERSION_1_TOTALS);
      expect(await record.pricedWith()).toBe('Price book list-usd-enterprise version 2 (enterprise) · tax US-NY 8.875% · USD');
      expect(await record.shownVersion()).toBe('Version 1 (current)');
      await screenshot(page, '09-quote-lines');
    },
    TEST_MS,
  );

  it(
    'given quotes priced from the JPY and CNY price books in the page, then yen show no minor digits and yuan show two',
    async () => {
      const page = await signedIn('rita');
      const record = new QuoteToCashPage(page);
      const inYen = (await harness.call<WriteAnswer>('rita', 'POST', '/records/quote', { fields: { validUntil: '2026-04-30' } })).record.id;
      await record.open(harness.url, 'quote', inYen);
      await record.priceLines('list-jpy-enterprise', 'JP', [{ product: 'CRM-ENT-SEAT', quantity: '3' }]);
      // 3 seats at ¥297,000, tax 10%.
      expect(await record.lineRows()).toEqual([['1', 'CRM Enterprise seat (12 months) (CRM-ENT-SEAT)', '3 seat', '¥297,000', '—', '¥89,100', '¥980,100']]);
      expect(await record.totals()).toEqual(['¥891,000', '¥0', '¥89,100', '¥980,100']);

      const inYuan = (await harness.call<WriteAnswer>('rita', 'POST', '/records/quote', { fields: { validUntil: '2026-04-30' } })).record.id;
      await record.open(harness.url, 'quote', inYuan);
      await record.priceLines('list-cny-enterprise', 'CN', [{ product: 'CRM-PRO-SEAT', quantity: '2', discount: '10' }]);
      // 2 seats at CN¥8,600.00 less 10% = CN¥15,480.00, tax 13% = CN¥2,012.40.
      expect(await record.lineRows()).toEqual([['1', 'CRM Professional seat (12 months) (CRM-PRO-SEAT)', '2 seat', 'CN¥8,600.00', '10% (−CN¥1,720.00)', 'CN¥2,012.40', 'CN¥17,492.40']]);
      expect(await record.totals()).toEqual(['CN¥17,200.00', '-CN¥1,720.00', 'CN¥2,012.40', 'CN¥17,492.40']);
      await screenshot(page, '10-quote-lines-cny');
    },
    TEST_MS,
  );

  it(
    'given the priced quote, when Rita types a negative quantity and saves, then the API’s refusal names the line and field, and nothing changed',
    async () => {
      const page = await signedIn('rita');
      const record = new QuoteToCashPage(page);
      await record.open(harness.url, 'quote', quoteId);
      await record.linesTable().waitFor();
      const before = await quote();

      await record.setQuantity(1, '-5');
      await record.saveLines();

      await record.linesRefusal().waitFor();
      expect(await record.linesRefusal().textContent()).toContain('INVALID_COMMAND');
      expect(await record.linesRefusal().textContent()).toContain('lines[0].quantity: expected a quantity above 0');
      expect(await record.lineRows()).toEqual(VERSION_1_LINES);
      expect((await quote()).revision).toBe(before.revision);
      await screenshot(page, '10b-quote-lines-refused');
      await sectionShot(record.quoteSection(), '10b-quote-lines-refused');
    },
    TEST_MS,
  );

  it(
    'given version 1 approved by a manager and finance and sent, when it is revised and Rita prices version 2, then version 1 is kept as sent, and both approval rounds are listed with who granted them',
    async () => {
      await approveAndSend();
      await fire('rita', 'quote', quoteId, 'revise', { reason: 'the customer wants 30 seats' });
      const page = await signedIn('rita');
      const record = new QuoteToCashPage(page);
      await record.open(harness.url, 'quote', quoteId);
      await record.quoteSection().getByText('Version 2 (current)').waitFor();

      await record.priceLines('list-usd-enterprise', 'US-NY', [
        { product: 'CRM-ENT-SEAT', quantity: '30', discount: '25' },
        { product: 'ONBOARD-PKG', quantity: '1' },
      ]);
      await record.quoteSection().getByRole('cell', { name: '30 seat' }).waitFor();
      expect(await record.lineRows()).toEqual(VERSION_2_LINES);
      expect(await record.totals()).toEqual(VERSION_2_TOTALS);

      await approveAndSend();
      await page.reload();
      await record.quoteSection().getByText('Version 2 (current)').waitFor();
      const sentOn = 'Mar 2, 2026, 10:00 AM (en)';
      const versions = await record.versions();
      expect(versions.map((cells) => cells.slice(0, 2))).toEqual([
        ['Version 1', sentOn],
        ['Version 2current', sentOn],
      ]);
      expect(await record.approvalHistory()).toEqual([
        ['approve by rita on Mar 2, 2026, 10:00 AM', 'Sales manager', 'Granted by max on Mar 2, 2026, 10:00 AM ok for 25%'],
        ['', 'Finance (admin)', 'Granted by ada on Mar 2, 2026, 10:00 AM finance ok'],
        ['approve by rita on Mar 2, 2026, 10:00 AM', 'Sales manager', 'Granted by max on Mar 2, 2026, 10:00 AM ok for 25%'],
        ['', 'Finance (admin)', 'Granted by ada on Mar 2, 2026, 10:00 AM finance ok'],
      ]);

      await record.showVersion(1);
      expect(await record.lineRows()).toEqual(VERSION_1_LINES);
      expect(await record.totals()).toEqual(VERSION_1_TOTALS);
      await screenshot(page, '11-quote-versions');
    },
    TEST_MS,
  );

  it(
    'given the quote accepted and its order invoiced, when a part payment comes through the payments webhook, then the order page shows the payment, what is paid, the balance and the stage, to the cent',
    async () => {
      await fire('rita', 'quote', quoteId, 'accept', {
        fields: { acceptanceEvidence: 'PO-7781 (signed purchase order)', acceptanceNote: 'Quinn Buyer signed PO-7781, received by email' },
      });
      orderId = await openedFor('order');
      await fire('rita', 'order', orderId, 'invoice', { fields: { invoiceNumber: 'INV-2026-0042', invoiceDueDate: '2026-04-01' } });
      const body = JSON.stringify({ id: 'pay-web-1', order: orderId, amount: 2_000_000, currency: 'USD', receivedAt: '2026-03-05T09:30:00Z' });
      const secret = readFileSync(join(harness.dataDirectory, 'payments-secret'), 'utf8').trim();
      const paid = await fetch(`${harness.url}/payments`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-payment-signature': paymentSignature(secret, body) }, body });
      expect(paid.status).toBe(200);

      const page = await signedIn('rita');
      const record = new QuoteToCashPage(page);
      await record.open(harness.url, 'order', orderId);

      await record.orderSection().getByText('Stage: Partly paid').waitFor();
      expect(await record.orderMoney()).toEqual([`$53,947.56`, '$20,000.00', '$33,947.56']);
      expect(await record.payments()).toEqual([['Mar 5, 2026, 9:30 AM', '$20,000.00', 'pay-web-1', '$20,000.00', '$33,947.56']]);
      expect(await record.orderLines()).toEqual(VERSION_2_LINES);
      await screenshot(page, '12-order-part-paid');
      await sectionShot(record.orderSection(), '12-order-part-paid');
    },
    TEST_MS,
  );

  it(
    'given the subscription the quote opened, when health inputs are recorded and the clock reaches 90 days before the contract end, then its page shows the contract end, the health score, the renewal task and the renewal opportunity; the account lists it',
    async () => {
      subscriptionId = await openedFor('subscription');
      for (const type of ['usage_reported', 'usage_reported', 'support_ticket_opened']) {
        await harness.call('rita', 'POST', `/records/subscription/${subscriptionId}/activities`, { type });
      }
      const page = await signedIn('rita');
      const record = new QuoteToCashPage(page);
      await record.open(harness.url, 'subscription', subscriptionId);
      await record.healthScore().waitFor();
      expect(await record.healthScore().getByText(/^Health score /).textContent()).toBe('Health score 5');
      expect(await record.subscriptionFact('Contract end')).toBe('Jun 10, 2026');
      expect(await record.subscriptionFact('Term amount')).toBe('$53,947.56');
      expect(await record.subscriptionFact('Renewal stage')).toBe('Active');
      expect(await record.subscriptionFact('Renewal opportunity')).toBe('None yet: it is opened 90 days before the contract end.');

      clock.set(NINETY_DAYS_BEFORE);
      await harness.readModelsCaughtUp();
      await harness.api.timers.runDue();
      const renewal = await eventually(async () => {
        const subscription = await harness.call<WriteAnswer['record']>('rita', 'GET', `/records/subscription/${subscriptionId}`);
        if (typeof subscription.fields['renewalOpportunity'] !== 'string') throw new Error('no renewal opportunity yet');
        return subscription.fields['renewalOpportunity'];
      });
      await page.reload();
      await record.subscriptionSection().getByRole('link', { name: `Opportunity ${renewal}` }).waitFor();
      expect(await record.subscriptionFact('Renewal stage')).toBe('Renewal in 90 days');
      expect((await record.renewalTasks()).map((cells) => [cells[0], cells[2]])).toEqual([['Renewal in 90 days: plan the renewal with the customer', 'open']]);
      await screenshot(page, '13-subscription-renewal');

      await record.open(harness.url, 'account', accountId);
      const rows = await record.accountSubscriptions();
      expect(rows.map((cells) => [cells[0], cells[1], cells[2], cells[5]])).toEqual([[subscriptionId, 'renewal_90', 'Jun 10, 2026', `Opportunity ${renewal}`]]);
    },
    TEST_MS,
  );

  it(
    'given the quote, order and subscription pages, when axe-core checks them, then it finds no serious or critical violation',
    async () => {
      const page = await signedIn('rita');
      const record = new QuoteToCashPage(page);
      const found: string[] = [];
      for (const [kind, id, shown] of [
        ['quote', quoteId, record.quoteSection().getByRole('table', { name: 'Versions' })],
        ['order', orderId, record.orderSection().getByRole('table', { name: 'Payments received' })],
        ['subscription', subscriptionId, record.healthScore()],
      ] as const) {
        await record.open(harness.url, kind, id);
        await shown.waitFor();
        found.push(...(await seriousViolations(page, kind)));
      }
      expect(found).toEqual([]);
    },
    AXE_TEST_MS,
  );
});
