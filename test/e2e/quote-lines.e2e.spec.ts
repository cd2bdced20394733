import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { ManualClock } from '@crm/clock';
import { ApiHarness, type DemoUser } from './api-harness';

interface RecordBody {
  readonly id: string;
  readonly stage: string;
  readonly revision: number;
  readonly fields: Record<string, unknown>;
  readonly approvals: readonly { readonly approvalId: string; readonly waitingFor: readonly string[] }[];
}
interface WriteBody {
  readonly record: RecordBody;
  readonly events: readonly { readonly type: string; readonly data: Record<string, unknown> }[];
}
interface ErrorBody {
  readonly error: string;
  readonly message: string;
  readonly details: Record<string, unknown>;
}
interface LinesBody {
  readonly version: number;
  readonly currentVersion: number;
  readonly versions: readonly { readonly version: number; readonly priced: boolean; readonly sent: { readonly documentHash: string } | null }[];
  readonly priced: { readonly total: number; readonly lines: readonly { readonly sku: string; readonly quantity: number; readonly total: number }[]; readonly priceBook: { readonly id: string; readonly version: number } } | null;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

const seats = (discountPercent: number, quantity = 40): Record<string, unknown> => ({
  priceBook: 'list-usd-enterprise',
  taxRegion: 'US-NY',
  lines: [
    { sku: 'CRM-ENT-SEAT', quantity, discountPercent },
    { sku: 'ONBOARD-PKG', quantity: 1 },
  ],
});

/** Quote lines, discount approvals and the quote document over HTTP (README, Quote lines; Quote document). */
describe('quote lines (over HTTP)', () => {
  let harness: ApiHarness;
  beforeAll(async () => {
    harness = await ApiHarness.start({ clock: new ManualClock('2026-03-02T09:00:00.000Z') });
  });
  afterAll(async () => {
    await harness.stop();
  });

  const openQuote = async (fields: Record<string, unknown> = {}): Promise<string> => {
    const deal = await harness.openOpportunity('rita');
    const opened = await harness.request<WriteBody>('rita', 'POST', '/records/quote', {
      fields: { opportunity: deal, validUntil: '2026-04-30', customerEmail: 'buyer@initech.example', paymentTerms: 'net_30', ...fields },
    });
    expect(opened.status).toBe(201);
    return opened.body.record.id;
  };
  const historyLength = async (id: string): Promise<number> => (await harness.request<{ events: unknown[] }>('rita', 'GET', `/records/quote/${id}/history`)).body.events.length;
  const refused = async (id: string, body: unknown, status: number, code: string): Promise<ErrorBody> => {
    const before = await historyLength(id);
    const answer = await harness.request<ErrorBody>('rita', 'PUT', `/records/quote/${id}/lines`, body);
    expect([answer.status, answer.body.error]).toEqual([status, code]);
    expect(await historyLength(id)).toBe(before);
    return answer.body;
  };
  const fire = (as: DemoUser, id: string, event: string, extra: Record<string, unknown> = {}) => harness.request<WriteBody>(as, 'POST', `/records/quote/${id}/transitions`, { event, ...extra });
  const document = async (id: string, query: string): Promise<{ status: number; type: string | null; hash: string | null; bytes: Buffer }> => {
    const response = await fetch(`${harness.api.url}/records/quote/${id}/document${query}`, { headers: { authorization: `Bearer ${harness.tokenOf('rita')}` } });
    return { status: response.status, type: response.headers.get('content-type'), hash: response.headers.get('x-document-hash'), bytes: Buffer.from(await response.arrayBuffer()) };
  };

  it('given bad lines, when a rep prices them, then 400 or 422 names the problem and nothing is stored', async () => {
    const id = await openQuote();
    const negative = await refused(id, { ...seats(0), lines: [{ sku: 'CRM-ENT-SEAT', quantity: -3 }] }, 400, 'INVALID_COMMAND');
    expect(negative.message).toContain('lines[0].quantity: expected a quantity above 0');
    const tooMuch = await refused(id, { ...seats(0), lines: [{ sku: 'CRM-ENT-SEAT', quantity: 1, discountPercent: 700 }] }, 400, 'INVALID_COMMAND');
    expect(tooMuch.message).toContain('lines[0].discountPercent: expected a percent from 0 to 100');
    const unknown = await refused(id, { ...seats(0), lines: [{ sku: 'CRM-SEAT-XL', quantity: 1 }] }, 422, 'UNKNOWN_SKU');
    expect(unknown).toMatchObject({ message: 'lines[0].sku: unknown SKU "CRM-SEAT-XL"', details: { sku: 'CRM-SEAT-XL', line: 0 } });
    const expired = await refused(id, { ...seats(0), priceBookVersion: 1 }, 422, 'PRICE_BOOK_EXPIRED');
    expect(expired.details).toMatchObject({ priceBook: 'list-usd-enterprise', version: 1, validUntil: '2025-12-31', day: '2026-03-02' });
    const extra = await refused(id, { ...seats(0), lineItems: [] }, 400, 'VALIDATION_FAILED');
    expect(extra.message).toContain('lineItems');
    await refused(id, { ...seats(0), taxRegion: 'MARS' }, 422, 'UNKNOWN_TAX_REGION');
  });

  it('given a draft quote, when priced at 25% off, approved by a manager then finance, sent and revised, then the money, approvals, document and versions line up', async () => {
    const id = await openQuote();
    const priced = await harness.request<WriteBody>('rita', 'PUT', `/records/quote/${id}/lines`, seats(25), { 'idempotency-key': 'price-1' });
    expect(priced.status).toBe(200);
    expect(priced.body.events.map((event) => event.type)).toEqual(['QuotePriced', 'FieldsChanged']);
    expect(priced.body.record.fields).toMatchObject({ total: 70_115.5, discount: 0.2352, currency: 'USD' });
    // Retried with its key: the first answer, nothing new stored.
    const before = await historyLength(id);
    expect((await harness.request<WriteBody>('rita', 'PUT', `/records/quote/${id}/lines`, seats(25), { 'idempotency-key': 'price-1' })).status).toBe(200);
    expect(await historyLength(id)).toBe(before);
    // The totals are the lines': not settable by hand.
    expect((await harness.request<ErrorBody>('rita', 'PATCH', `/records/quote/${id}`, { fields: { total: 1 } })).body.error).toBe('INVALID_FIELDS');

    expect((await fire('rita', id, 'submit')).status).toBe(200);
    const asked = await fire('rita', id, 'approve');
    expect(asked.status).toBe(202);
    const approvalId = asked.body.record.approvals[0]?.approvalId ?? '';
    expect(asked.body.record.approvals[0]?.waitingFor).toEqual(['Sales manager']);
    expect((await harness.request('max', 'POST', `/records/quote/${id}/approvals/${approvalId}/grant`, {})).status).toBe(200);
    const approved = await harness.request<WriteBody>('ada', 'POST', `/records/quote/${id}/approvals/${approvalId}/grant`, {});
    expect(approved.body.record.stage).toBe('approved');

    const sent = await fire('rita', id, 'send');
    const quoteSent = sent.body.events.find((event) => event.type === 'QuoteSent');
    expect(quoteSent?.data).toMatchObject({ quoteVersion: 1, locale: 'en', total: 7_011_550, currency: 'USD' });
    const html = await document(id, '');
    expect([html.status, html.type]).toEqual([200, 'text/html; charset=utf-8']);
    expect(sha256(html.bytes.toString('utf8'))).toBe(quoteSent?.data['documentHash']);
    expect(html.hash).toBe(quoteSent?.data['documentHash']);
    expect(html.bytes.toString('utf8')).toContain('70,115.50 USD');
    const asJson = await harness.request<{ documentHash: string; sent: boolean; html: string }>('rita', 'GET', `/records/quote/${id}/document?format=json`);
    expect([asJson.body.documentHash, asJson.body.sent, asJson.body.html]).toEqual([quoteSent?.data['documentHash'], true, html.bytes.toString('utf8')]);
    const chinese = await document(id, '?locale=zh-CN');
    expect(chinese.bytes.toString('utf8')).toContain('报价单');
    const pdf = await document(id, '?format=pdf');
    if (existsSync(CHROMIUM)) {
      expect([pdf.status, pdf.type, pdf.bytes.subarray(0, 5).toString('latin1')]).toEqual([200, 'application/pdf', '%PDF-']);
    } else {
      expect(pdf.status).toBe(503);
    }

    // A change once sent: revise makes version 2; version 1 stays as it was sent.
    expect((await harness.request<ErrorBody>('rita', 'PUT', `/records/quote/${id}/lines`, seats(25, 50))).body.error).toBe('QUOTE_NOT_EDITABLE');
    const revised = await fire('rita', id, 'revise', { reason: 'customer wants 50 seats' });
    expect(revised.body.events.map((event) => event.type)).toContain('QuoteRevised');
    expect((await harness.request('rita', 'PUT', `/records/quote/${id}/lines`, seats(25, 50))).status).toBe(200);
    const lines = await harness.request<LinesBody>('rita', 'GET', `/records/quote/${id}/lines`);
    expect(lines.body).toMatchObject({ version: 2, currentVersion: 2 });
    expect(lines.body.versions.map((version) => [version.version, version.sent?.documentHash ?? null])).toEqual([[1, quoteSent?.data['documentHash']], [2, null]]);
    const first = await harness.request<LinesBody>('rita', 'GET', `/records/quote/${id}/lines?version=1`);
    expect(first.body.priced?.lines[0]?.quantity).toBe(40);
    expect(sha256((await document(id, '?version=1')).bytes.toString('utf8'))).toBe(quoteSent?.data['documentHash']);
    // Approvals were used by version 1: version 2 asks again.
    expect((await fire('rita', id, 'submit')).status).toBe(200);
    expect((await fire('rita', id, 'approve')).status).toBe(202);
  });

  it('given the catalog, when an admin lists USD price books, then every version with its validity and minor-unit prices', async () => {
    const catalog = await harness.request<{ priceBooks: { id: string; version: number; validUntil: string | null; prices: Record<string, number> }[]; taxRates: Record<string, number> }>('ada', 'GET', '/catalog?currency=USD');
    expect(catalog.status).toBe(200);
    expect(catalog.body.priceBooks.map((book) => [book.id, book.version, book.validUntil])).toEqual([['list-usd-enterprise', 1, '2025-12-31'], ['list-usd-enterprise', 2, null]]);
    expect(catalog.body.priceBooks[1]?.prices['CRM-ENT-SEAT']).toBe(198_000);
    expect(catalog.body.taxRates['US-NY']).toBe(88_750);
  });
});
