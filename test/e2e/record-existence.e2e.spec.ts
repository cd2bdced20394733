import { ApiHarness } from './api-harness';

interface ErrorBody {
  readonly error: string;
  readonly message: string;
  readonly details: Record<string, unknown>;
}

/** What may not be read looks exactly like what does not exist: no 403 that names an owner or confirms a record. */
describe('records a user may not read', () => {
  let harness: ApiHarness;
  let ritas: string;

  beforeAll(async () => {
    harness = await ApiHarness.start();
    const opened = await harness.request<{ record: { id: string } }>('rita', 'POST', '/records/opportunity', { id: 'deal-77', fields: { name: 'Rita’s deal' } });
    ritas = opened.body.record.id;
  });
  afterAll(async () => {
    await harness.stop();
  });

  /** The answer for a record id nobody ever used, with that id swapped for the one asked about. */
  const missingAnswer = async (method: string, suffix: string, body?: unknown) => {
    const missing = await harness.request<ErrorBody>('raj', method, `/records/opportunity/no-such-deal${suffix}`, body);
    return { status: missing.status, body: JSON.parse(JSON.stringify(missing.body).split('no-such-deal').join(ritas)) as ErrorBody };
  };

  it.each([
    ['GET', '', undefined],
    ['GET', '/history', undefined],
    ['PATCH', '', { fields: { notes: 'mine now' } }],
    ['POST', '/transitions', { event: 'close_lost', fields: { lossReason: 'price' } }],
    ['POST', '/owner', { owner: 'raj' }],
  ])('given rita’s deal, when raj sends %s …%s, then the answer is the 404 of a missing record, word for word', async (method, suffix, body) => {
    const answer = await harness.request<ErrorBody>('raj', method, `/records/opportunity/${ritas}${suffix}`, body);
    expect({ status: answer.status, body: answer.body }).toEqual(await missingAnswer(method, suffix, body));
    expect(answer.status).toBe(404);
    expect(JSON.stringify(answer.body)).not.toContain('rita');
  });

  it('given rita’s deal, when raj opens a record with its id, then 409 says the id is taken without naming the owner', async () => {
    const answer = await harness.request<ErrorBody>('raj', 'POST', '/records/opportunity', { id: ritas, fields: { name: 'Mine' } });
    expect([answer.status, answer.body.error]).toEqual([409, 'RECORD_ALREADY_EXISTS']);
    expect(JSON.stringify(answer.body)).not.toContain('rita');
  });

  it('given rita’s deal, when an analyst writes to it, then 403 names the rule (she may read it)', async () => {
    const answer = await harness.request<ErrorBody>('ana', 'PATCH', `/records/opportunity/${ritas}`, { fields: { notes: 'x' } });
    expect([answer.status, answer.body.error, answer.body.details['rule']]).toEqual([403, 'FORBIDDEN', 'analyst.read-only']);
  });
});
