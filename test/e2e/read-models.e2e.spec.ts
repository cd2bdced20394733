import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { scaledTimeout } from '@crm/event-store/contract';
import { WireLevelStandIn } from '@crm/event-store/stand-in';
import { crmProjections } from '@crm/projections';
import { ApiHarness, type ApiResponse, type DemoUser } from './api-harness';

/** Every read model the app runs, in the order it builds them. */
const PROJECTION_NAMES = crmProjections().map(({ name }) => name);

interface ErrorBody {
  error: string;
  message: string;
  details: Record<string, unknown>;
}
interface RecordPage {
  items: { kind: string; recordId: string; stage: string; owner: string | null; name: string | null; fields: Record<string, unknown> }[];
  nextCursor: string | null;
  asOf: string | null;
}
interface PipelineRow {
  stage: string;
  owner: string | null;
  team: string;
  count: number;
  amount: number;
  weightedAmount: number;
}
interface PipelineReport {
  kind: string;
  asOf: string;
  rows: PipelineRow[];
  byStage: { stage: string; count: number; amount: number }[];
  byStageAndTeam: { stage: string; team: string; count: number; amount: number }[];
  stalledAfterDays: number;
  stalled: { recordId: string; ageDays: number }[];
}
interface ForecastReport {
  periodKind: string;
  groupBy: string;
  rows: { period: string; group: string | null; pipeline: number; bestCase: number; weightedPipeline: number; openCount: number }[];
  undated: { count: number; amount: number };
}
interface ProjectionStatus {
  projection: string;
  state: string;
  checkpoint: string | null;
  eventsApplied: number;
  lag: number;
}
interface ProjectionStatuses {
  headPosition: string | null;
  projections: ProjectionStatus[];
}

const OPPORTUNITY_WALK = {
  analyze_needs: { budget: 120_000, decisionMaker: 'Hank Scorpio', timeline: '2026-09-30' },
} as const;

const expectError = (response: ApiResponse<unknown>, status: number, error: string): ErrorBody => {
  expect({ status: response.status, error: (response.body as ErrorBody).error }).toEqual({ status, error });
  const body = response.body as ErrorBody;
  expect(typeof body.message).toBe('string');
  expect(typeof body.details).toBe('object');
  return body;
};

/** The fields a VALIDATION_FAILED answer names. */
const invalidFields = (response: ApiResponse<unknown>): string[] =>
  (expectError(response, 400, 'VALIDATION_FAILED').details['invalid'] as { field: string }[]).map((invalid) => invalid.field);

/** Polls `probe` until it answers something, failing after `withinMs`; resolves with the answer and the wait. */
const within = async <T>(withinMs: number, probe: () => Promise<T | undefined>): Promise<{ value: T; waitedMs: number }> => {
  const started = process.hrtime.bigint();
  for (;;) {
    const value = await probe();
    const waitedMs = Number((process.hrtime.bigint() - started) / 1_000_000n);
    if (value !== undefined) return { value, waitedMs };
    if (waitedMs > withinMs) throw new Error(`not seen within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

const open = async (harness: ApiHarness, as: DemoUser, id: string, fields: Record<string, unknown>): Promise<void> => {
  const opened = await harness.request(as, 'POST', '/records/opportunity', { id, fields });
  if (opened.status !== 201) throw new Error(`open ${id}: ${opened.status} ${JSON.stringify(opened.body)}`);
};

const analyzeNeeds = async (harness: ApiHarness, as: DemoUser, id: string): Promise<void> => {
  const advanced = await harness.request(as, 'POST', `/records/opportunity/${id}/transitions`, { event: 'analyze_needs', fields: OPPORTUNITY_WALK.analyze_needs });
  if (advanced.status !== 200) throw new Error(`advance ${id}: ${advanced.status} ${JSON.stringify(advanced.body)}`);
};

const rowOf = (report: PipelineReport, stage: string, owner: string): PipelineRow | undefined =>
  report.rows.find((row) => row.stage === stage && row.owner === owner);

describe('read models over HTTP (real server on a temp data dir)', () => {
  // Business time is the clock's: deals opened on 2 March, one advanced on 4 March, queries on 6 March.
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  let harness: ApiHarness;

  beforeAll(async () => {
    harness = await ApiHarness.start({ clock });
    await open(harness, 'rita', 'acme-1', { name: 'Acme rollout', amount: 50_000, closeDate: '2026-03-20' });
    await open(harness, 'rita', 'globex-1', { name: 'Globex platform', amount: 30_000, closeDate: '2026-05-10' });
    await open(harness, 'raj', 'initech-1', { name: 'Initech upgrade', amount: 20_000 });
    await harness.request('max', 'POST', '/records/lead', { id: 'walk-in-1', fields: { name: 'Walk-in' }, owner: null });
    clock.set('2026-03-04T10:00:00.000Z');
    await analyzeNeeds(harness, 'rita', 'acme-1');
    clock.set('2026-03-06T12:00:00.000Z');
    await harness.untilProjectionsCaughtUp();
  });

  afterAll(async () => {
    await harness.stop();
  });

  describe('freshness', () => {
    it('given a deal advanced with POST …/transitions, when GET /pipeline is polled, then it shows the deal within one second', async () => {
      const before = (await harness.request<PipelineReport>('rita', 'GET', '/pipeline')).body;
      await open(harness, 'rita', 'fresh-1', { name: 'Fresh deal', amount: 1_234 });
      await analyzeNeeds(harness, 'rita', 'fresh-1');

      // A latency claim, so measured on wall time; the bound scales with the machine's load like every limit.
      const { waitedMs } = await within(scaledTimeout(1_000), async () => {
        const pipeline = await harness.request<PipelineReport>('rita', 'GET', '/pipeline');
        expect(pipeline.status).toBe(200);
        const row = rowOf(pipeline.body, 'needs_analysis', 'rita');
        const previous = rowOf(before, 'needs_analysis', 'rita');
        return row && row.count === (previous?.count ?? 0) + 1 && row.amount === (previous?.amount ?? 0) + 1_234 ? row : undefined;
      });
      expect(waitedMs).toBeLessThanOrEqual(scaledTimeout(1_000));
    });
  });

  describe('GET /records/:kind', () => {
    it('given records of several owners, when listed with stage, owner and text filters, then only the matching ones', async () => {
      const all = await harness.request<RecordPage>('ana', 'GET', '/records/opportunity');
      expect(all.status).toBe(200);
      expect(all.body.items.map((item) => item.recordId)).toEqual(expect.arrayContaining(['acme-1', 'globex-1', 'initech-1']));
      expect(all.body.items.find((item) => item.recordId === 'acme-1')).toMatchObject({
        kind: 'opportunity',
        stage: 'needs_analysis',
        owner: 'rita',
        name: 'Acme rollout',
        fields: { amount: 50_000, budget: 120_000 },
      });

      const ritasInQualification = await harness.request<RecordPage>('rita', 'GET', '/records/opportunity?stage=qualification&owner=rita');
      expect(ritasInQualification.body.items.map((item) => item.recordId)).toEqual(['globex-1']);
      const byText = await harness.request<RecordPage>('ana', 'GET', '/records/opportunity?text=INITECH');
      expect(byText.body.items.map((item) => item.recordId)).toEqual(['initech-1']);
      const leads = await harness.request<RecordPage>('rita', 'GET', '/records/lead');
      expect(leads.body.items.map((item) => [item.recordId, item.owner])).toEqual([['walk-in-1', null]]);
    });

    it('given the read rules, when each role lists, then it sees exactly what it may open one by one', async () => {
      const listed = async (as: 'rita' | 'raj' | 'max' | 'olga', kind: string): Promise<string[]> =>
        (await harness.request<RecordPage>(as, 'GET', `/records/${kind}?limit=500`)).body.items.map((item) => item.recordId).sort();
      const opportunities = { rita: await listed('rita', 'opportunity'), raj: await listed('raj', 'opportunity'), max: await listed('max', 'opportunity') };

      expect(opportunities.rita).toEqual(expect.arrayContaining(['acme-1', 'globex-1']));
      expect(opportunities.rita).not.toContain('initech-1');
      expect(opportunities.raj).toContain('initech-1');
      expect(opportunities.raj).not.toEqual(expect.arrayContaining(['acme-1']));
      // max manages team east (rita's), not raj's west
      expect(opportunities.max).toEqual(expect.arrayContaining(['acme-1', 'globex-1']));
      expect(opportunities.max).not.toContain('initech-1');
      expect(await listed('olga', 'opportunity')).toEqual(expect.arrayContaining(['acme-1', 'globex-1', 'initech-1']));
      // the lead pool: unowned leads show to every rep
      expect(await listed('raj', 'lead')).toEqual(['walk-in-1']);
      for (const [as, ids] of Object.entries(opportunities)) {
        for (const id of ids) expect({ as, id, status: (await harness.request(as as 'rita', 'GET', `/records/opportunity/${id}`)).status }).toEqual({ as, id, status: 200 });
      }
    });

    it('given more records than the limit, when following nextCursor, then every record comes once in a stable order', async () => {
      const everything = (await harness.request<RecordPage>('ana', 'GET', '/records/opportunity?limit=500')).body.items.map((item) => item.recordId);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
        const page: ApiResponse<RecordPage> = await harness.request<RecordPage>('ana', 'GET', `/records/opportunity?limit=2${query}`);
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        paged.push(...page.body.items.map((item) => item.recordId));
        cursor = page.body.nextCursor;
      } while (cursor !== null);
      expect(paged).toEqual(everything);
      expect(everything.length).toBeGreaterThan(2);
    });

    it('given asOf, when listed, then the records are shown as they were then', async () => {
      const beforeOpening = await harness.request<RecordPage>('rita', 'GET', '/records/opportunity?asOf=2026-03-01');
      expect(beforeOpening.body).toEqual({ items: [], nextCursor: null, asOf: '2026-03-01T23:59:59.999Z' });
      const beforeAdvance = await harness.request<RecordPage>('rita', 'GET', '/records/opportunity?asOf=2026-03-03T00:00:00Z');
      expect(beforeAdvance.body.items.find((item) => item.recordId === 'acme-1')?.stage).toBe('qualification');
    });

    it('given an unknown kind, when listed, then 404 UNKNOWN_KIND', async () => {
      expectError(await harness.request('rita', 'GET', '/records/spaceship'), 404, 'UNKNOWN_KIND');
    });

    it('given a bad asOf, limit or an unknown parameter, when listed, then 400 VALIDATION_FAILED naming it; a damaged cursor is 400 INVALID_QUERY', async () => {
      expect(invalidFields(await harness.request('rita', 'GET', '/records/opportunity?asOf=yesterday'))).toEqual(['asOf']);
      expect(invalidFields(await harness.request('rita', 'GET', '/records/opportunity?limit=0'))).toEqual(['limit']);
      expect(invalidFields(await harness.request('rita', 'GET', '/records/opportunity?limit=ten'))).toEqual(['limit']);
      expect(invalidFields(await harness.request('rita', 'GET', '/records/opportunity?colour=red'))).toEqual(['colour']);
      expectError(await harness.request('rita', 'GET', '/records/opportunity?cursor=not-a-cursor'), 400, 'INVALID_QUERY');
    });
  });

  describe('GET /pipeline', () => {
    it('given open deals, when read by a rep, then counts, amounts and weighted amounts by stage and owner', async () => {
      const pipeline = await harness.request<PipelineReport>('raj', 'GET', '/pipeline?asOf=2026-03-05');
      expect(pipeline.status).toBe(200);
      expect(pipeline.body).toMatchObject({ kind: 'opportunity', asOf: '2026-03-05T23:59:59.999Z', stalledAfterDays: 30 });
      expect(pipeline.body.rows.map(({ stage, owner, count, amount, weightedAmount }) => ({ stage, owner, count, amount, weightedAmount }))).toEqual([
        { stage: 'qualification', owner: 'raj', count: 1, amount: 20_000, weightedAmount: 2_000 },
        { stage: 'qualification', owner: 'rita', count: 1, amount: 30_000, weightedAmount: 3_000 },
        { stage: 'needs_analysis', owner: 'rita', count: 1, amount: 50_000, weightedAmount: 10_000 },
      ]);
      expect(pipeline.body.byStage.map(({ stage, count, amount }) => ({ stage, count, amount }))).toEqual([
        { stage: 'qualification', count: 2, amount: 50_000 },
        { stage: 'needs_analysis', count: 1, amount: 50_000 },
      ]);
    });

    it('given stalledAfterDays, when read, then deals in their stage longer are listed oldest first, those the user may read', async () => {
      const pipeline = await harness.request<PipelineReport>('ana', 'GET', '/pipeline?asOf=2026-03-05&stalledAfterDays=2');
      expect(pipeline.body.stalled.map((deal) => deal.recordId).sort()).toEqual(['globex-1', 'initech-1']);
      // max manages team east (rita's), not raj's west
      const managers = await harness.request<PipelineReport>('max', 'GET', '/pipeline?asOf=2026-03-05&stalledAfterDays=2');
      expect(managers.body.stalled.map((deal) => deal.recordId)).toEqual(['globex-1']);
    });

    it('given the teams of the users file (rita east, raj west), when read, then deals are grouped by their owners\' teams', async () => {
      const pipeline = await harness.request<PipelineReport>('max', 'GET', '/pipeline?asOf=2026-03-05');
      expect(pipeline.body.byStageAndTeam.map(({ stage, team, count }) => ({ stage, team, count }))).toEqual([
        { stage: 'qualification', team: 'east', count: 1 },
        { stage: 'qualification', team: 'west', count: 1 },
        { stage: 'needs_analysis', team: 'east', count: 1 },
      ]);
    });

    it('given asOf before any deal, when read, then the pipeline is empty', async () => {
      const pipeline = await harness.request<PipelineReport>('rita', 'GET', '/pipeline?asOf=2026-03-01');
      expect(pipeline.body.rows).toEqual([]);
    });

    it('given a bad asOf, stalledAfterDays or kind, when read, then 400 naming the parameter or 404 for the kind', async () => {
      expect(invalidFields(await harness.request('rita', 'GET', '/pipeline?asOf=2026-02-30'))).toEqual(['asOf']);
      expect(invalidFields(await harness.request('rita', 'GET', '/pipeline?stalledAfterDays=-1'))).toEqual(['stalledAfterDays']);
      expectError(await harness.request('rita', 'GET', '/pipeline?kind=spaceship'), 404, 'UNKNOWN_KIND');
    });
  });

  describe('GET /forecast', () => {
    it('given deals with close dates, when read by quarter and owner, then each deal counts in its period and category', async () => {
      const forecast = await harness.request<ForecastReport>('rita', 'GET', '/forecast?asOf=2026-03-05');
      expect(forecast.status).toBe(200);
      expect(forecast.body).toMatchObject({ periodKind: 'quarter', groupBy: 'owner', undated: { count: 1, amount: 20_000 } });
      expect(forecast.body.rows.map(({ period, group, pipeline, openCount }) => ({ period, group, pipeline, openCount }))).toEqual([
        { period: '2026-Q1', group: 'rita', pipeline: 50_000, openCount: 1 },
        { period: '2026-Q2', group: 'rita', pipeline: 30_000, openCount: 1 },
      ]);
    });

    it('given month periods, a range and groupBy total, when read, then one row per month in the range', async () => {
      const forecast = await harness.request<ForecastReport>('max', 'GET', '/forecast?asOf=2026-03-05&periodKind=month&from=2026-03&to=2026-04&groupBy=total');
      expect(forecast.status).toBe(200);
      expect(forecast.body.rows.map(({ period, group, weightedPipeline }) => ({ period, group, weightedPipeline }))).toEqual([
        { period: '2026-03', group: 'total', weightedPipeline: 10_000 },
      ]);
    });

    it('given a bad periodKind, a period of the other kind or a bad asOf, when read, then 400 naming the parameter', async () => {
      expect(invalidFields(await harness.request('rita', 'GET', '/forecast?periodKind=week'))).toEqual(['periodKind']);
      const wrongKind = await harness.request<ErrorBody>('rita', 'GET', '/forecast?from=2026-03');
      expect(invalidFields(wrongKind)).toEqual(['from']);
      expect(wrongKind.body.message).toContain('from must be a quarter like 2026-Q1');
      expect(invalidFields(await harness.request('rita', 'GET', '/forecast?groupBy=region'))).toEqual(['groupBy']);
      expect(invalidFields(await harness.request('rita', 'GET', '/forecast?asOf=2026-3-5'))).toEqual(['asOf']);
    });
  });

  describe('forecast snapshots and accuracy', () => {
    it('given a rep, when they take a snapshot, then 403 naming the rule', async () => {
      const body = expectError(await harness.request('rita', 'POST', '/forecast/snapshots', {}), 403, 'FORBIDDEN');
      expect(body.details['rule']).toBe('manager-analyst-or-admin');
    });

    it('given a manager, when they take the snapshot as of the quarter start, then 201, and again 200 with the one already taken', async () => {
      const taken = await harness.request('max', 'POST', '/forecast/snapshots', { asOf: '2026-01-01T00:00:00Z' });
      expect(taken.status).toBe(201);
      expect(taken.body).toMatchObject({ kind: 'opportunity', periodKind: 'quarter', period: '2026-Q1', asOf: '2026-01-01T00:00:00.000Z', alreadyTaken: false });
      const again = await harness.request('ana', 'POST', '/forecast/snapshots', { asOf: '2026-01-01T00:00:00Z' });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ period: '2026-Q1', takenAt: taken.body['takenAt'], alreadyTaken: true });
      // Stored once, as an event of the period's snapshot stream, by who took it first.
      const events = await harness.api.engine.store.readStream('_forecast-snapshot-opportunity-quarter-2026-Q1');
      expect(events.map((event) => [event.type, event.metadata['actor'], event.metadata['origin']])).toEqual([['ForecastSnapshotTaken', 'max', { via: 'api' }]]);
      // Answered once the read models hold it: the accuracy report shows it without waiting.
      const accuracy = await harness.request<{ rows: { period: string }[] }>('rita', 'GET', '/forecast/accuracy?from=2026-Q1&to=2026-Q1');
      expect(accuracy.body.rows.map((row) => row.period)).toEqual(['2026-Q1']);
    });

    it('given a snapshot now, when taken by an admin without a body, then it is of the current quarter', async () => {
      const taken = await harness.request('ada', 'POST', '/forecast/snapshots');
      expect(taken.status).toBe(201);
      expect(taken.body).toMatchObject({ period: '2026-Q1', asOf: '2026-03-06T12:00:00.000Z' });
    });

    it('given a snapshot in the future or a bad period, when taken, then 400', async () => {
      expectError(await harness.request('max', 'POST', '/forecast/snapshots', { asOf: '2027-01-01' }), 400, 'INVALID_QUERY');
      expect(invalidFields(await harness.request('max', 'POST', '/forecast/snapshots', { period: '2026-03' }))).toEqual(['period']);
      expect(invalidFields(await harness.request('max', 'POST', '/forecast/snapshots', { asOf: 'soon' }))).toEqual(['asOf']);
    });

    it('given the quarter-start snapshot, when the accuracy is read, then the quarter is compared with what closed', async () => {
      const accuracy = await harness.request<{ rows: { period: string; group: string; snapshotAsOf: string; actualClosedWon: number }[] }>(
        'rita',
        'GET',
        '/forecast/accuracy?from=2026-Q1&to=2026-Q1',
      );
      expect(accuracy.status).toBe(200);
      expect(accuracy.body).toMatchObject({ periodKind: 'quarter', groupBy: 'total' });
      expect(accuracy.body.rows).toEqual([expect.objectContaining({ period: '2026-Q1', group: 'total', snapshotAsOf: '2026-01-01T00:00:00.000Z', actualClosedWon: 0 })]);
      expect(invalidFields(await harness.request('rita', 'GET', '/forecast/accuracy?periodKind=month&from=2026-Q1'))).toEqual(['from']);
    });
  });

  describe('GET /funnel', () => {
    it('given deals opened in March, when read by owner, then per owner and stage how many entered and advanced', async () => {
      const funnel = await harness.request<{ records: number; rows: { group: string; stage: string; entered: number; advanced: number }[] }>(
        'rita',
        'GET',
        '/funnel?from=2026-03-01&to=2026-04-01&asOf=2026-03-05&by=owner',
      );
      expect(funnel.status).toBe(200);
      expect(funnel.body).toMatchObject({ kind: 'opportunity', from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z', by: 'owner', records: 3 });
      const ritas = funnel.body.rows.filter((row) => row.group === 'rita' && row.entered > 0);
      expect(ritas.map(({ stage, entered, advanced }) => ({ stage, entered, advanced }))).toEqual([
        { stage: 'qualification', entered: 2, advanced: 1 },
        { stage: 'needs_analysis', entered: 1, advanced: 0 },
      ]);
    });

    it('given cohorts by month, when read, then one group per month of entry', async () => {
      const funnel = await harness.request<{ rows: { group: string }[] }>('ana', 'GET', '/funnel?by=cohort&cohort=month');
      expect(funnel.status).toBe(200);
      expect([...new Set(funnel.body.rows.map((row) => row.group))]).toEqual(['2026-03']);
    });

    it('given a bad window bound, an empty window or a bad cohort, when read, then 400', async () => {
      expect(invalidFields(await harness.request('rita', 'GET', '/funnel?from=March'))).toEqual(['from']);
      expect(invalidFields(await harness.request('rita', 'GET', '/funnel?cohort=week'))).toEqual(['cohort']);
      expect(invalidFields(await harness.request('rita', 'GET', '/funnel?asOf=2026-03-05T10:00'))).toEqual(['asOf']);
      expectError(await harness.request('rita', 'GET', '/funnel?from=2026-04-01&to=2026-03-01'), 400, 'INVALID_QUERY');
    });
  });

  describe('projections', () => {
    it('given the app caught up, when GET /projections, then every read model is live at the head', async () => {
      await harness.untilProjectionsCaughtUp();
      const statuses = await harness.request<ProjectionStatuses>('rita', 'GET', '/projections');
      expect(statuses.status).toBe(200);
      expect(statuses.body.projections.map(({ projection, state, lag, checkpoint }) => ({ projection, state, lag, checkpoint }))).toEqual(
        PROJECTION_NAMES.map((projection) => ({ projection, state: 'live', lag: 0, checkpoint: statuses.body.headPosition })),
      );
    });

    it('given a rep or a manager, when they ask for a rebuild, then 403 naming the rule', async () => {
      for (const user of ['rita', 'max', 'olga'] as const) {
        const body = expectError(await harness.request(user, 'POST', '/projections/pipeline/rebuild'), 403, 'FORBIDDEN');
        expect(body.details).toMatchObject({ rule: 'analyst-or-admin', action: 'projections.rebuild' });
      }
    });

    it('given an analyst, when they rebuild the pipeline, then the rebuilt model answers exactly as the live one did', async () => {
      await harness.untilProjectionsCaughtUp();
      const before = await harness.request<PipelineReport>('ana', 'GET', '/pipeline');
      const digestsBefore = harness.readModelDigests();
      const rebuilt = await harness.request<{ projection: string; generation: number; position: string; eventsApplied: number }>(
        'ana',
        'POST',
        '/projections/pipeline/rebuild',
      );
      expect(rebuilt.status).toBe(200);
      const head = (await harness.request<ProjectionStatuses>('ana', 'GET', '/projections')).body.headPosition;
      expect(rebuilt.body).toEqual({ projection: 'pipeline', generation: 1, position: head, eventsApplied: expect.any(Number) });
      expect(rebuilt.body.eventsApplied).toBeGreaterThan(0);
      expect((await harness.request<PipelineReport>('ana', 'GET', '/pipeline')).body).toEqual(before.body);
      expect(harness.readModelDigests()).toEqual(digestsBefore);
    });

    it('given an admin, when they rebuild an unknown projection, then 404 UNKNOWN_PROJECTION naming the known ones', async () => {
      const body = expectError(await harness.request('ada', 'POST', '/projections/spaceship/rebuild'), 404, 'UNKNOWN_PROJECTION');
      expect(body.details['known']).toEqual(PROJECTION_NAMES);
    });

    it('given read models, when GET /health, then it adds each projection’s lag and the largest', async () => {
      await harness.untilProjectionsCaughtUp();
      const health = await harness.request<{ store: { kind: string; headPosition: string }; projections: unknown }>('ana', 'GET', '/health');
      expect(health.status).toBe(200);
      expect(health.body.store.kind).toBe('sqlite');
      expect(health.body.projections).toEqual({
        maxLag: 0,
        byProjection: PROJECTION_NAMES.map((projection) => ({ projection, state: 'live', lag: 0 })),
      });
    });
  });

  describe('authentication and docs', () => {
    it.each([
      ['GET', '/records/opportunity'],
      ['GET', '/pipeline'],
      ['GET', '/forecast'],
      ['GET', '/forecast/accuracy'],
      ['POST', '/forecast/snapshots'],
      ['GET', '/funnel'],
      ['GET', '/projections'],
      ['POST', '/projections/pipeline/rebuild'],
    ])('given no token, when %s %s, then 401', async (method, path) => {
      expectError(await harness.request(null, method, path), 401, 'UNAUTHENTICATED');
    });

    it('given the OpenAPI document, when read, then every read-model route is there with its query parameters', async () => {
      const document = await harness.request<{ paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> }>(
        null,
        'GET',
        '/docs/openapi.json',
      );
      const { paths } = document.body;
      expect(Object.keys(paths)).toEqual(
        expect.arrayContaining(['/pipeline', '/forecast', '/forecast/accuracy', '/forecast/snapshots', '/funnel', '/projections', '/projections/{name}/rebuild']),
      );
      const queryParameters = (path: string): string[] => (paths[path]?.['get']?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name).sort();
      expect(queryParameters('/records/{kind}')).toEqual(['asOf', 'blueprintVersion', 'conformance', 'cursor', 'limit', 'owner', 'pool', 'stage', 'text']);
      expect(queryParameters('/pipeline')).toEqual(['asOf', 'conformance', 'kind', 'stalledAfterDays']);
      expect(queryParameters('/forecast')).toEqual(['asOf', 'conformance', 'from', 'groupBy', 'kind', 'periodKind', 'to']);
      expect(queryParameters('/funnel')).toEqual(['asOf', 'by', 'cohort', 'conformance', 'from', 'kind', 'lostReasonField', 'to']);
    });
  });
});

describe('read models across a restart (real server, same data dir)', () => {
  it('given read models built while the app ran, when it restarts on the same data dir, then they resume from the checkpoint and count no event twice', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00.000Z');
    let harness = await ApiHarness.start({ clock });
    try {
      await open(harness, 'rita', 'before-1', { name: 'Before restart', amount: 10_000 });
      await open(harness, 'raj', 'before-2', { name: 'Also before', amount: 5_000 });
      await analyzeNeeds(harness, 'rita', 'before-1');
      await harness.untilProjectionsCaughtUp();
      const beforeRestart = (await harness.request<ProjectionStatuses>('ana', 'GET', '/projections')).body;

      harness = await harness.restart();
      await harness.untilProjectionsCaughtUp();
      const afterRestart = (await harness.request<ProjectionStatuses>('ana', 'GET', '/projections')).body;
      // The checkpoints may move past the engine's own bookkeeping (a reactor's lease, README "Reactors"), never apply a fact again.
      expect(afterRestart.projections.map(({ projection, eventsApplied }) => ({ projection, eventsApplied }))).toEqual(
        beforeRestart.projections.map(({ projection, eventsApplied }) => ({ projection, eventsApplied })),
      );
      expect(afterRestart.projections.map(({ checkpoint }) => checkpoint)).toEqual(afterRestart.projections.map(() => afterRestart.headPosition));

      clock.set('2026-03-03T09:00:00.000Z');
      await open(harness, 'rita', 'after-1', { name: 'After restart', amount: 7_000 });
      await analyzeNeeds(harness, 'raj', 'before-2');
      await harness.untilProjectionsCaughtUp();

      // The records model counts the events it folded into each record: once each, or a double shows.
      const folded = harness.readModelRows<{ record_id: string; events: number }>("SELECT record_id, events FROM records WHERE kind = 'opportunity' ORDER BY record_id");
      const stored = await Promise.all(
        folded.map(async ({ record_id }) => {
          const history = await harness.request<{ events: { type: string }[] }>('ana', 'GET', `/records/opportunity/${record_id}/history`);
          const facts = history.body.events.filter((event) => ['RecordOpened', 'FieldsChanged', 'Transitioned', 'OwnerChanged'].includes(event.type));
          return { record_id, events: facts.length };
        }),
      );
      expect(folded).toEqual(stored);

      const pipeline = await harness.request<PipelineReport>('ana', 'GET', '/pipeline');
      expect(pipeline.body.byStage.map(({ stage, count }) => ({ stage, count }))).toEqual([
        { stage: 'qualification', count: 1 },
        { stage: 'needs_analysis', count: 2 },
      ]);
      const digests = harness.readModelDigests();
      for (const projection of PROJECTION_NAMES) {
        expect((await harness.request('ada', 'POST', `/projections/${projection}/rebuild`)).status).toBe(200);
      }
      expect(harness.readModelDigests()).toEqual(digests);
      expect((await harness.request<PipelineReport>('ana', 'GET', '/pipeline')).body).toEqual(pipeline.body);
    } finally {
      await harness.stop();
    }
  });
});

describe('read models with the events in EventStoreDB (wire-level stand-in)', () => {
  it('given the EventStoreDB store, when a deal is advanced, then the read models in the local SQLite file show it within one second', async () => {
    const standIn = await WireLevelStandIn.start();
    try {
      const harness = await ApiHarness.start({ clock: new ManualClock('2026-03-02T09:00:00.000Z'), eventStoreDbConnectionString: standIn.connectionString });
      try {
        expect((await harness.request<{ store: { kind: string } }>('ana', 'GET', '/health')).body.store.kind).toBe('eventstoredb');
        expect(existsSync(join(harness.dataDirectory, 'read-models.sqlite'))).toBe(true);
        await open(harness, 'rita', 'esdb-1', { name: 'Stored elsewhere', amount: 2_500 });
        await analyzeNeeds(harness, 'rita', 'esdb-1');
        await within(scaledTimeout(1_000), async () => {
          const pipeline = await harness.request<PipelineReport>('rita', 'GET', '/pipeline');
          return rowOf(pipeline.body, 'needs_analysis', 'rita')?.amount === 2_500 ? true : undefined;
        });
        const listed = await harness.request<RecordPage>('rita', 'GET', '/records/opportunity?text=elsewhere');
        expect(listed.body.items.map((item) => [item.recordId, item.stage])).toEqual([['esdb-1', 'needs_analysis']]);
      } finally {
        await harness.stop();
      }
    } finally {
      await standIn.stop();
    }
  }, scaledTimeout(30_000));
});
