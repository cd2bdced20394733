import { ManualClock } from '@crm/clock';
import { scaledTimeout } from '@crm/event-store/contract';
import { WireLevelStandIn } from '@crm/event-store/stand-in';
import { ApiHarness, type ApiResponse } from './api-harness';

/**
 * One scenario, two stores: the embedded SQLite store and EventStoreDB through the real
 * `@eventstore/db-client` talking gRPC to the wire-level stand-in (which proves our mapping of the
 * protocol, not the server). Switching `CRM_EVENT_STORE` must change nothing a client can see.
 */
type Step = { readonly step: string; readonly status: number; readonly summary: unknown };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Generated ids (task ids) differ between any two runs; everything else must not. */
const withoutGeneratedIds = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value), (_key, item: unknown) => (typeof item === 'string' && UUID.test(item) ? '<generated id>' : item));

/** What the scenario compares of a record answer. */
type RecordSummary = Readonly<Record<'stage' | 'revision' | 'owner' | 'fields' | 'next', unknown>>;

const summaryOf = (response: ApiResponse<Record<string, unknown>>): unknown => {
  const body = response.body;
  if (response.status >= 400) return { error: body['error'], details: body['details'] };
  if (body['record']) {
    const record = body['record'] as RecordSummary;
    return { stage: record.stage, revision: record.revision, owner: record.owner, fields: record.fields, next: record.next };
  }
  return body;
};

const runScenario = async (harness: ApiHarness): Promise<Step[]> => {
  const steps: Step[] = [];
  const call = async (step: string, ...args: Parameters<ApiHarness['request']>): Promise<ApiResponse<Record<string, unknown>>> => {
    const response = await harness.request<Record<string, unknown>>(...args);
    steps.push({ step, status: response.status, summary: withoutGeneratedIds(summaryOf(response)) });
    return response;
  };
  const path = '/records/opportunity/initech-1';

  await call('open', 'rita', 'POST', '/records/opportunity', { id: 'initech-1', fields: { name: 'Initech renewal', timeline: '2026-09-30' } });
  await call('open again (same id)', 'rita', 'POST', '/records/opportunity', { id: 'initech-1', fields: { name: 'Initech renewal' } });
  await call('refused: unmet criteria', 'rita', 'POST', `${path}/transitions`, { event: 'analyze_needs' });
  await call('unreadable: another rep', 'raj', 'POST', `${path}/transitions`, { event: 'analyze_needs', fields: { budget: 1, decisionMaker: 'x' } });
  const advance = { event: 'analyze_needs', fields: { budget: 90000, decisionMaker: 'Bill Lumbergh' } };
  await call('advance', 'rita', 'POST', `${path}/transitions`, advance, { 'idempotency-key': 'advance-initech-1' });
  await call('advance retried', 'rita', 'POST', `${path}/transitions`, advance, { 'idempotency-key': 'advance-initech-1' });
  await call('stale revision', 'rita', 'POST', `${path}/transitions`, { event: 'propose', fields: { proposalDocument: 'doc-7' }, expectedRevision: 0 });
  await call('advance with revision', 'rita', 'POST', `${path}/transitions`, { event: 'propose', fields: { proposalDocument: 'doc-7' }, expectedRevision: 2 });
  await call('update fields', 'rita', 'PATCH', path, { fields: { amount: 42000, closeDate: '2026-12-15' } });
  await call('reassign across teams by a manager', 'max', 'POST', `${path}/owner`, { owner: 'raj' });
  await call('reassign by admin', 'ada', 'POST', `${path}/owner`, { owner: 'raj' });
  await call('show', 'raj', 'GET', path);

  const history = await harness.request<{ events: { type: string; revision: number; metadata: Record<string, unknown> }[] }>('raj', 'GET', `${path}/history`);
  if (history.status !== 200) throw new Error(`history: ${history.status} ${JSON.stringify(history.body)}; steps: ${JSON.stringify(steps, null, 1)}`);
  steps.push({
    step: 'history',
    status: history.status,
    summary: history.body.events.map((event) => ({ type: event.type, revision: event.revision, actor: event.metadata['actor'] })),
  });

  // Project: the read models follow the store, whichever it is.
  await harness.untilProjectionsCaughtUp();
  await call('pipeline', 'max', 'GET', '/pipeline');
  await call('records list', 'max', 'GET', '/records/opportunity?stage=proposal');
  await call('funnel', 'ana', 'GET', '/funnel?from=2026-01-01&to=2027-01-01');
  return steps;
};

describe('the same API on either event store', () => {
  let standIn: WireLevelStandIn;
  const transcripts: Record<string, Step[]> = {};

  beforeAll(async () => {
    standIn = await WireLevelStandIn.start();
  });
  afterAll(async () => {
    await standIn.stop();
  });

  const stores: [string, () => Promise<ApiHarness>][] = [
    ['sqlite', () => ApiHarness.start({ clock: new ManualClock('2026-06-01T09:00:00.000Z') })],
    [
      'eventstoredb (wire-level stand-in)',
      () => ApiHarness.start({ clock: new ManualClock('2026-06-01T09:00:00.000Z'), eventStoreDbConnectionString: standIn.connectionString }),
    ],
  ];

  describe.each(stores)('on %s', (name, start) => {
    let harness: ApiHarness;
    beforeAll(async () => {
      harness = await start();
    }, scaledTimeout(30_000));
    afterAll(async () => {
      await harness.stop();
    });

    it('given the store choice, when asked for health, then names the store', async () => {
      const health = await harness.request<{ store: { kind: string } }>('ana', 'GET', '/health');
      expect(health.body.store.kind).toBe(name.startsWith('sqlite') ? 'sqlite' : 'eventstoredb');
    });

    it('given a rep, when she opens, is refused, advances, retries and races, then every answer is what the rules say', async () => {
      const steps = await runScenario(harness);
      transcripts[name] = steps;
      const byStep = Object.fromEntries(steps.map((step) => [step.step, step]));
      expect(Object.fromEntries(steps.map((step) => [step.step, step.status]))).toEqual({
        open: 201,
        'open again (same id)': 409,
        'refused: unmet criteria': 422,
        'unreadable: another rep': 404,
        advance: 200,
        'advance retried': 200,
        'stale revision': 409,
        'advance with revision': 200,
        'update fields': 200,
        'reassign across teams by a manager': 403,
        'reassign by admin': 200,
        show: 200,
        history: 200,
        pipeline: 200,
        'records list': 200,
        funnel: 200,
      });
      const pipeline = byStep['pipeline'].summary as { rows: { stage: string; owner: string; count: number; amount: number }[] };
      expect(pipeline.rows).toEqual([expect.objectContaining({ stage: 'proposal', owner: 'raj', count: 1, amount: 42000 })]);
      expect(byStep['refused: unmet criteria'].summary).toMatchObject({ error: 'TRANSITION_REFUSED' });
      expect(byStep['stale revision'].summary).toMatchObject({ error: 'CONCURRENCY_CONFLICT', details: { currentRevision: 2 } });
      expect(byStep['advance retried'].summary).toEqual(byStep['advance'].summary);
      expect(byStep['show'].summary).toMatchObject({ stage: 'proposal', owner: 'raj' });
      // The retry stored nothing: one Transitioned per accepted step, revisions without gaps.
      const history = byStep['history'].summary as { type: string; revision: number }[];
      expect(history.filter((event) => event.type === 'Transitioned')).toHaveLength(2);
      expect(history.map((event) => event.revision)).toEqual(history.map((_, index) => index));
    });
  });

  it('given both transcripts, then they are identical', () => {
    const [sqlite, eventStoreDb] = stores.map(([name]) => transcripts[name]);
    expect(sqlite).toBeDefined();
    expect(eventStoreDb).toEqual(sqlite);
  });
});
