import { ApiHarness } from './api-harness';

interface ErrorBody {
  readonly error: string;
  readonly message: string;
  readonly details: Record<string, unknown>;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('Idempotency-Key: a retry gets the first answer, and only that', () => {
  let harness: ApiHarness;

  beforeAll(async () => {
    harness = await ApiHarness.start();
  });
  afterAll(async () => {
    await harness.stop();
  });

  const head = async (): Promise<string | null> =>
    (await harness.request<{ store: { headPosition: string | null } }>('ada', 'GET', '/health')).body.store.headPosition;

  it('given rita opened with key K and the deal went to raj, when rita repeats the open with K, then she is told nothing of it (404) and nothing is stored', async () => {
    const opened = await harness.request<{ record: { id: string } }>('rita', 'POST', '/records/opportunity', { fields: { name: 'Keyed deal' } }, { 'idempotency-key': 'K-open' });
    expect(opened.status).toBe(201);
    const id = opened.body.record.id;
    expect((await harness.request('ada', 'POST', `/records/opportunity/${id}/owner`, { owner: 'raj' })).status).toBe(200);
    expect((await harness.request('raj', 'PATCH', `/records/opportunity/${id}`, { fields: { notes: 'raj’s private note' } })).status).toBe(200);
    const before = await head();

    const again = await harness.request<ErrorBody>('rita', 'POST', '/records/opportunity', { fields: { name: 'Keyed deal' } }, { 'idempotency-key': 'K-open' });

    expect(again.status).toBe(404);
    expect(again.body.error).toBe('RECORD_NOT_FOUND');
    expect(JSON.stringify(again.body)).not.toContain('private note');
    expect(JSON.stringify(again.body)).not.toContain('raj');
    expect(await head()).toEqual(before);
  });

  it('given a key used for one request, when it comes back with another body or on another route, then 422 IDEMPOTENCY_KEY_REUSED and nothing is stored', async () => {
    const id = await harness.openOpportunity('rita', { name: 'Reuse' });
    const first = await harness.request('rita', 'PATCH', `/records/opportunity/${id}`, { fields: { notes: 'first' } }, { 'idempotency-key': 'K-patch' });
    expect(first.status).toBe(200);
    const before = await head();

    const otherBody = await harness.request<ErrorBody>('rita', 'PATCH', `/records/opportunity/${id}`, { fields: { notes: 'second' } }, { 'idempotency-key': 'K-patch' });
    const otherRoute = await harness.request<ErrorBody>('rita', 'POST', `/records/opportunity/${id}/transitions`, { event: 'close_lost', fields: { lossReason: 'price' } }, { 'idempotency-key': 'K-patch' });

    expect([otherBody.status, otherBody.body.error]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect([otherRoute.status, otherRoute.body.error]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await head()).toEqual(before);

    const same = await harness.request('rita', 'PATCH', `/records/opportunity/${id}`, { fields: { notes: 'first' } }, { 'idempotency-key': 'K-patch' });
    expect(same).toEqual(first);
  });

  it('given a key used on one record, when it is reused on another record, then 422 without naming event ids or streams, and nothing is stored', async () => {
    const one = await harness.openOpportunity('rita', { name: 'One' });
    const two = await harness.openOpportunity('rita', { name: 'Two' });
    expect((await harness.request('rita', 'PATCH', `/records/opportunity/${one}`, { fields: { notes: 'x' } }, { 'idempotency-key': 'K-elsewhere' })).status).toBe(200);
    const before = await head();

    const reused = await harness.request<ErrorBody>('rita', 'PATCH', `/records/opportunity/${two}`, { fields: { notes: 'x' } }, { 'idempotency-key': 'K-elsewhere' });

    expect([reused.status, reused.body.error]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    const text = JSON.stringify(reused.body);
    expect(text).not.toMatch(UUID);
    expect(text).not.toContain(one);
    expect(text).not.toContain('opportunity-');
    expect(await head()).toEqual(before);
  });
});
