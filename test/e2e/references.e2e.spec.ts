import { ApiHarness } from './api-harness';

interface ErrorBody {
  readonly error: string;
  readonly details: { readonly problems?: readonly { readonly field: string; readonly message: string }[] };
}

/** A reference field names a record that exists: on opening, changing and advancing a record alike. */
describe('reference fields point at real records (over HTTP)', () => {
  let harness: ApiHarness;

  beforeAll(async () => {
    harness = await ApiHarness.start();
    const account = await harness.request('rita', 'POST', '/records/account', { id: 'acme', fields: { name: 'Acme Corp', industry: 'manufacturing' } });
    expect(account.status).toBe(201);
  });
  afterAll(async () => {
    await harness.stop();
  });

  const head = async (): Promise<string | null> =>
    (await harness.request<{ store: { headPosition: string | null } }>('ada', 'GET', '/health')).body.store.headPosition;

  const refusedAsMissing = async (answer: Promise<{ status: number; body: ErrorBody }>, field: string, message: string): Promise<void> => {
    const before = await head();
    const { status, body } = await answer;
    expect([status, body.error]).toEqual([400, 'INVALID_FIELDS']);
    expect(body.details.problems).toEqual([{ field, message }]);
    expect(await head()).toEqual(before);
  };

  it('given no account "nope", when a deal is opened, patched or advanced naming it, then each is refused naming the field and nothing is stored', async () => {
    await refusedAsMissing(harness.request<ErrorBody>('rita', 'POST', '/records/opportunity', { fields: { name: 'Deal', account: 'nope' } }), 'account', 'account: no account "nope"');
    const id = await harness.openOpportunity('rita', { name: 'Deal' });
    await refusedAsMissing(harness.request<ErrorBody>('rita', 'PATCH', `/records/opportunity/${id}`, { fields: { account: 'nope' } }), 'account', 'account: no account "nope"');
    await refusedAsMissing(
      harness.request<ErrorBody>('rita', 'POST', `/records/opportunity/${id}/transitions`, { event: 'close_lost', fields: { lossReason: 'price', account: 'nope' } }),
      'account',
      'account: no account "nope"',
    );
  });

  it('given an account another rep created, when raj links his deal to it, then it is accepted (accounts are the shared directory)', async () => {
    const opened = await harness.request<{ record: { fields: Record<string, unknown> } }>('raj', 'POST', '/records/opportunity', { fields: { name: 'Raj deal', account: 'acme' } });
    expect(opened.status).toBe(201);
    expect(opened.body.record.fields['account']).toBe('acme');
  });

  it('given rita’s deal, when raj’s quote names it as its opportunity, then it reads as missing: he may not read that deal', async () => {
    const deal = await harness.openOpportunity('rita', { name: 'Private' });
    await refusedAsMissing(
      harness.request<ErrorBody>('raj', 'POST', '/records/quote', { fields: { opportunity: deal, total: 10, validUntil: '2026-12-31' } }),
      'opportunity',
      `opportunity: no opportunity "${deal}"`,
    );
    expect((await harness.request('rita', 'POST', '/records/quote', { fields: { opportunity: deal, total: 10, validUntil: '2026-12-31' } })).status).toBe(201);
  });
});
