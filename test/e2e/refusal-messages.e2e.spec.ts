import { ApiHarness } from './api-harness';

interface Unmet {
  readonly criterion: string;
  readonly message: string;
}
interface RecordBody {
  readonly stage: string;
  readonly next: readonly { readonly event: string; readonly allowed: boolean; readonly unmet: readonly Unmet[] }[];
}
interface ErrorBody {
  readonly error: string;
  readonly message: string;
  readonly details: { readonly unmet: readonly Unmet[] };
}

/** Refusals and "what blocks me" for people: events by their titles, role holders by name (README, Blueprint reference). */
describe('refusal and explanation messages (over HTTP)', () => {
  let harness: ApiHarness;
  const quote = '/records/quote/globex-q1';

  beforeAll(async () => {
    harness = await ApiHarness.start();
    const deal = await harness.openOpportunity('rita', { name: 'Globex platform deal' });
    expect((await harness.request('rita', 'POST', '/records/quote', { id: 'globex-q1', fields: { opportunity: deal, total: 9000, validUntil: '2026-12-31' } })).status).toBe(201);
    expect((await harness.request('rita', 'POST', `${quote}/transitions`, { event: 'submit' })).status).toBe(200);
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('given rita’s quote in review, when she reads it, then the step she may not take says who holds the role in her team, by name', async () => {
    const read = await harness.request<RecordBody>('rita', 'GET', quote);

    expect(read.body.stage).toBe('in_review');
    expect(read.body.next.find((step) => step.event === 'send_back')).toEqual({
      event: 'send_back',
      title: 'Send back to draft',
      to: 'draft',
      allowed: false,
      unmet: [expect.objectContaining({ criterion: 'role', message: 'requires the role manager or admin — held by Max Manager in team east' })],
    });
  });

  it('given rita’s quote in review, when she sends it back, then 422 names the step by its title and who holds the role, and nothing is stored', async () => {
    const head = (await harness.request<{ store: { headPosition: string } }>('ana', 'GET', '/health')).body.store.headPosition;

    const refused = await harness.request<ErrorBody>('rita', 'POST', `${quote}/transitions`, { event: 'send_back' });

    expect([refused.status, refused.body.error]).toEqual([422, 'TRANSITION_REFUSED']);
    expect(refused.body.message).toBe('Send back to draft is not possible for quote "globex-q1": requires the role manager or admin — held by Max Manager in team east');
    expect((await harness.request<{ store: { headPosition: string } }>('ana', 'GET', '/health')).body.store.headPosition).toBe(head);
  });
});
