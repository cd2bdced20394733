import { ManualClock } from '@crm/clock';
import type { ImportedStageVisit } from '@crm/workflow';
import { ApiHarness, type ApiResponse } from './api-harness';

interface Counted {
  conformance: string;
  nonConforming: number;
}
interface RecordPage {
  items: { recordId: string; stage: string; conforming: boolean }[];
}
interface PipelineReport extends Counted {
  byStage: { stage: string; count: number; amount: number }[];
}
interface ForecastReport extends Counted {
  rows: { period: string; closedWonCount: number; closedWon: number; openCount: number }[];
}
interface FunnelReport extends Counted {
  records: number;
  rows: { stage: string; entered: number }[];
}

const body = <T>(response: ApiResponse<T>): T => {
  expect(response.status).toBe(200);
  return response.body;
};

describe('read models over HTTP with imported history the blueprint does not explain (conformance=all|conforming)', () => {
  // One deal opened over HTTP; two imported: won straight from qualification without an amount, and
  // moved to proposal without needs analysis. Both are StageRecorded, so both are non-conforming.
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  let harness: ApiHarness;

  const importHistory = async (recordId: string, stages: ImportedStageVisit[], fields: Record<string, string | number>): Promise<void> => {
    await harness.api.engine.commands.execute({
      type: 'ImportRecordHistory',
      kind: 'opportunity',
      recordId,
      owner: 'rita',
      openedAt: '2026-01-05T00:00:00Z',
      fields: { name: recordId, closeDate: '2026-02-20', ...fields },
      stages,
      source: `legacy.csv#${recordId}`,
      commandId: `import-${recordId}`,
      actor: { id: 'ada', roles: ['admin'] },
    });
  };

  beforeAll(async () => {
    harness = await ApiHarness.start({ clock });
    const opened = await harness.request('rita', 'POST', '/records/opportunity', { id: 'live-1', fields: { name: 'Live deal', amount: 1_000, closeDate: '2026-03-20' } });
    expect(opened.status).toBe(201);
    await importHistory('stray-won', [{ stage: 'closed_won', enteredAt: '2026-02-20T00:00:00Z' }], {});
    await importHistory('stray-open', [{ stage: 'proposal', enteredAt: '2026-02-01T00:00:00Z' }], { amount: 500, closeDate: '2026-03-25' });
    await harness.untilProjectionsCaughtUp();
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('given the records list, when read, then each item says whether its history conforms, and conformance=conforming leaves the others out', async () => {
    const all = body(await harness.request<RecordPage>('ana', 'GET', '/records/opportunity'));
    const conforming = body(await harness.request<RecordPage>('ana', 'GET', '/records/opportunity?conformance=conforming'));

    expect(all.items.map((item) => [item.recordId, item.stage, item.conforming])).toEqual([
      ['stray-open', 'proposal', false],
      ['stray-won', 'closed_won', false],
      ['live-1', 'qualification', true],
    ]);
    expect(conforming.items.map((item) => item.recordId)).toEqual(['live-1']);
  });

  it('given a non-conforming open deal, when the pipeline is read, then by default it counts, with conformance=conforming it is left out, and both say nonConforming: 1', async () => {
    const all = body(await harness.request<PipelineReport>('rita', 'GET', '/pipeline'));
    const conforming = body(await harness.request<PipelineReport>('rita', 'GET', '/pipeline?conformance=conforming'));

    expect([all.conformance, all.nonConforming, all.byStage.map((row) => [row.stage, row.count])]).toEqual([
      'all',
      1,
      [
        ['qualification', 1],
        ['proposal', 1],
      ],
    ]);
    expect([conforming.conformance, conforming.nonConforming, conforming.byStage.map((row) => [row.stage, row.count])]).toEqual(['conforming', 1, [['qualification', 1]]]);
  });

  it('given a deal won outside the transitions, when the forecast is read with conformance=conforming, then its won deal is left out and nonConforming says how many are', async () => {
    const all = body(await harness.request<ForecastReport>('max', 'GET', '/forecast?groupBy=total&periodKind=quarter'));
    const conforming = body(await harness.request<ForecastReport>('max', 'GET', '/forecast?groupBy=total&periodKind=quarter&conformance=conforming'));

    expect([all.nonConforming, all.rows.map((row) => [row.period, row.closedWonCount, row.openCount])]).toEqual([2, [['2026-Q1', 1, 2]]]);
    expect([conforming.nonConforming, conforming.rows.map((row) => [row.period, row.closedWonCount, row.openCount])]).toEqual([2, [['2026-Q1', 0, 1]]]);
  });

  it('given both, when the funnel is read, then conformance=conforming reports the conforming record only and both count the non-conforming ones', async () => {
    const all = body(await harness.request<FunnelReport>('ana', 'GET', '/funnel?from=2026-01-01&to=2027-01-01'));
    const conforming = body(await harness.request<FunnelReport>('ana', 'GET', '/funnel?from=2026-01-01&to=2027-01-01&conformance=conforming'));

    expect([all.records, all.nonConforming]).toEqual([3, 2]);
    expect([conforming.records, conforming.nonConforming, conforming.rows.map((row) => [row.stage, row.entered])]).toEqual([1, 2, [['qualification', 1]]]);
  });

  it.each(['/records/opportunity', '/pipeline', '/forecast', '/funnel'])('given conformance=some on %s, when read, then 400 VALIDATION_FAILED naming conformance', async (path) => {
    const refused = await harness.request<{ error: string; details: { invalid: { field: string; problems: string[] }[] } }>('ana', 'GET', `${path}?conformance=some`);

    expect([refused.status, refused.body.error, refused.body.details.invalid]).toEqual([
      400,
      'VALIDATION_FAILED',
      [{ field: 'conformance', problems: ['conformance must be all or conforming'] }],
    ]);
  });
});
