import { ApiHarness } from './api-harness';

interface ErrorBody {
  readonly error: string;
  readonly details: { readonly unmet?: readonly { readonly criterion: string; readonly field?: string }[] };
}

/** Exit criteria are invariants: what a stage required stays true while the record is in it or later. */
describe('exit criteria that hold after the gate (over HTTP)', () => {
  let harness: ApiHarness;
  let id: string;

  beforeAll(async () => {
    harness = await ApiHarness.start();
    id = await harness.openOpportunity('rita', { name: 'Kept', timeline: '2026-09-30' });
    const fire = async (step: object): Promise<void> => expect((await harness.request('rita', 'POST', `/records/opportunity/${id}/transitions`, step)).status).toBe(200);
    await fire({ event: 'analyze_needs', fields: { budget: 120000, decisionMaker: 'Hank Scorpio' } });
    await fire({ event: 'propose', fields: { proposalDocument: 'p.pdf' } });
    const deal = await harness.request<{ tasks: { taskId: string }[] }>('rita', 'GET', `/records/opportunity/${id}`);
    expect((await harness.request('rita', 'POST', `/records/opportunity/${id}/tasks/${deal.body.tasks[0]?.taskId ?? 'none'}/complete`, {})).status).toBe(200);
    await fire({ event: 'negotiate', fields: { amount: 50000 } });
  });
  afterAll(async () => {
    await harness.stop();
  });

  const head = async (): Promise<string | null> =>
    (await harness.request<{ store: { headPosition: string | null } }>('ada', 'GET', '/health')).body.store.headPosition;

  it.each([
    ['the budget cleared', { budget: null }, 'required_field', 'budget'],
    ['the amount made negative', { amount: -5 }, 'expression', undefined],
  ])('given a deal in negotiation, when a PATCH has %s, then 422 EXIT_CRITERIA_BROKEN names it and nothing is stored', async (_name, fields, criterion, field) => {
    const before = await head();
    const answer = await harness.request<ErrorBody>('rita', 'PATCH', `/records/opportunity/${id}`, { fields });
    expect(answer.status).toBe(422);
    expect(answer.body.error).toBe('EXIT_CRITERIA_BROKEN');
    expect(answer.body.details.unmet).toEqual([expect.objectContaining({ criterion, ...(field === undefined ? {} : { field }) })]);
    expect(await head()).toEqual(before);
  });

  it('given a deal, when money too large to total is sent, then 400 INVALID_FIELDS and nothing is stored', async () => {
    const before = await head();
    const answer = await harness.request<ErrorBody>('rita', 'PATCH', `/records/opportunity/${id}`, { fields: { amount: 1e308 } });
    expect([answer.status, answer.body.error]).toEqual([400, 'INVALID_FIELDS']);
    expect(await head()).toEqual(before);
  });
});
