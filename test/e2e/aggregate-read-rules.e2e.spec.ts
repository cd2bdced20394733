import { ManualClock } from '@crm/clock';
import { scaledTimeout } from '@crm/event-store/contract';
import { ApiHarness, type DemoUser } from './api-harness';

interface ErrorBody {
  error: string;
  message: string;
  details: Record<string, unknown>;
}
interface PipelineReport {
  byStage: { stage: string; count: number }[];
  stalled: { recordId: string; owner: string | null }[];
}
interface RecordPage {
  items: { recordId: string; owner: string | null }[];
}
interface FunnelReport {
  rows: { group: string }[];
  lostReasons: { reason: string }[];
}

const OPPORTUNITY_DIMENSIONS = ['cohort', 'owner', 'team', 'account', 'product', 'source', 'lossReason'];
const OPPORTUNITY_GROUPABLE_FIELDS = ['account', 'product', 'source', 'lossReason'];

describe('aggregates show no record a user may not read and group by no private value (real server on a temp data dir)', () => {
  // Deals opened on 2 March (rita east, raj west, one unowned); raj's second deal passes to rita on 10 March
  // (within the demo tokens' 30 days).
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  let harness: ApiHarness;

  const stalled = async (as: DemoUser, query = ''): Promise<string[]> => {
    const pipeline = await harness.request<PipelineReport>(as, 'GET', `/pipeline?stalledAfterDays=0${query}`);
    expect(pipeline.status).toBe(200);
    return pipeline.body.stalled.map((deal) => deal.recordId).sort();
  };

  beforeAll(async () => {
    harness = await ApiHarness.start({ clock });
    const open = async (as: DemoUser, id: string, fields: Record<string, unknown>, owner?: string | null): Promise<void> => {
      const opened = await harness.request(as, 'POST', '/records/opportunity', { id, fields, ...(owner === undefined ? {} : { owner }) });
      if (opened.status !== 201) throw new Error(`open ${id}: ${opened.status} ${JSON.stringify(opened.body)}`);
    };
    await open('rita', 'acme-1', { name: 'Acme rollout', product: 'platform', notes: 'CFO wants it before the audit', contactEmail: 'cfo@acme.example' });
    await open('raj', 'initech-1', { name: 'Initech upgrade', product: 'support', notes: 'Their CEO is leaving', contactEmail: 'ceo@initech.example' });
    await open('raj', 'globex-1', { name: 'Globex platform', product: 'platform' });
    await open('raj', 'umbrella-1', { name: 'Umbrella', product: 'support' });
    // Only leads may be unowned: the manager's own deal stands for "visible to the team's manager".
    await open('ada', 'hooli-1', { name: 'Hooli' }, 'max');
    const lost = await harness.request('raj', 'POST', '/records/opportunity/initech-1/transitions', { event: 'close_lost', fields: { lossReason: 'price' } });
    if (lost.status !== 200) throw new Error(`close initech-1: ${lost.status} ${JSON.stringify(lost.body)}`);
    clock.set('2026-03-10T09:00:00.000Z');
    const reassigned = await harness.request('ada', 'POST', '/records/opportunity/globex-1/owner', { owner: 'rita' });
    if (reassigned.status !== 200) throw new Error(`reassign globex-1: ${reassigned.status} ${JSON.stringify(reassigned.body)}`);
    clock.set('2026-03-20T09:00:00.000Z');
    await harness.untilProjectionsCaughtUp();
  }, scaledTimeout(60_000));

  afterAll(async () => {
    await harness.stop();
  });

  describe('GET /pipeline: stalled deals', () => {
    it('given a rep, when the stalled deals are read, then only their own; the counts still cover every deal', async () => {
      expect(await stalled('rita')).toEqual(['acme-1', 'globex-1']);
      expect(await stalled('raj')).toEqual(['umbrella-1']);
      const pipeline = await harness.request<PipelineReport>('raj', 'GET', '/pipeline?stalledAfterDays=0');
      expect(pipeline.body.byStage).toEqual([expect.objectContaining({ stage: 'qualification', count: 4 })]);
    });

    it('given a manager, when the stalled deals are read, then their team\'s (their own included); analysts and admins every one', async () => {
      expect(await stalled('max')).toEqual(['acme-1', 'globex-1', 'hooli-1']);
      expect(await stalled('ana')).toEqual(['acme-1', 'globex-1', 'hooli-1', 'umbrella-1']);
      expect(await stalled('ada')).toEqual(['acme-1', 'globex-1', 'hooli-1', 'umbrella-1']);
    });

    it('given asOf before a reassignment, when the stalled deals are read, then who may read each deal now decides', async () => {
      expect(await stalled('rita', '&asOf=2026-03-05')).toEqual(['acme-1', 'globex-1']);
      expect(await stalled('raj', '&asOf=2026-03-05')).toEqual(['umbrella-1']);
    });
  });

  describe('GET /records/:kind?asOf=', () => {
    it('given asOf before a reassignment, when listed, then who may read each record now decides, and it shows its owner then', async () => {
      const ritas = await harness.request<RecordPage>('rita', 'GET', '/records/opportunity?asOf=2026-03-05');
      expect(ritas.body.items.map(({ recordId, owner }) => ({ recordId, owner }))).toEqual([
        { recordId: 'acme-1', owner: 'rita' },
        { recordId: 'globex-1', owner: 'raj' },
      ]);
      const rajs = await harness.request<RecordPage>('raj', 'GET', '/records/opportunity?asOf=2026-03-05');
      expect(rajs.body.items.map((item) => item.recordId)).toEqual(['initech-1', 'umbrella-1']);
    });
  });

  describe('GET /funnel', () => {
    it.each(['notes', 'contactEmail', 'name', 'decisionMaker', 'nosuch'])(
      'given by=%s, when read, then 400 INVALID_QUERY naming the parameter and listing the allowed dimensions',
      async (by) => {
        const response = await harness.request<ErrorBody>('rita', 'GET', `/funnel?by=${by}`);

        expect(response.status).toBe(400);
        expect(response.body).toEqual({
          error: 'INVALID_QUERY',
          message: `by must be one of ${OPPORTUNITY_DIMENSIONS.join(', ')} (the built-in dimensions and the fields the opportunity blueprint declares groupable), not "${by}"`,
          details: { parameter: 'by', value: by, allowed: OPPORTUNITY_DIMENSIONS },
        });
      },
    );

    it('given lostReasonField=notes, when read, then 400 INVALID_QUERY listing the groupable fields', async () => {
      const response = await harness.request<ErrorBody>('rita', 'GET', '/funnel?lostReasonField=notes');

      expect(response.status).toBe(400);
      expect(response.body.details).toEqual({ parameter: 'lostReasonField', value: 'notes', allowed: OPPORTUNITY_GROUPABLE_FIELDS });
    });

    it('given by=product, a field the blueprint declares groupable, when read by a rep, then grouped by its values', async () => {
      const response = await harness.request<FunnelReport>('rita', 'GET', '/funnel?by=product');

      expect(response.status).toBe(200);
      expect([...new Set(response.body.rows.map((row) => row.group))]).toEqual(['(none)', 'platform', 'support']);
      expect(response.body.lostReasons.map((row) => row.reason)).toEqual(['price']);
    });
  });
});
