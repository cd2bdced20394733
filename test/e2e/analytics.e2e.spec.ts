import { ManualClock } from '@crm/clock';
import type { ImportedStageVisit } from '@crm/workflow';
import { ApiHarness, type ApiResponse } from './api-harness';

interface MetricsRow {
  group: string;
  deals: number;
  winRate: { won: number; lost: number; winRate: number | null };
  salesCycle: { count: number; mean: number | null };
  averageDealSize: { won: number; average: number | null };
  velocity: { openDeals: number; perDay: number | null };
  aging: { stage: string; open: number; buckets: Record<string, number> }[];
  slippage: { deals: number; amount: number; slips: { recordId: string; fromDate: string; toDate: string }[] };
}
interface SalesReport {
  asOf: string;
  period: string;
  total: MetricsRow;
  rows: MetricsRow[];
}
interface Explanation {
  count: number;
  hidden: number;
  unlisted: number;
  records: { recordId: string; role: string; owner: string | null; events: { type: string; occurredAt: string; data: Record<string, unknown> }[] }[];
}

const body = <T>(response: ApiResponse<T>): T => {
  expect(response.status).toBe(200);
  return response.body;
};

describe('sales analytics over HTTP (GET /analytics/sales, …/explain, format=csv)', () => {
  // 2026-Q1: won-a (rita, imported) won on Mar 6 after 60 days for 1,000; lost-b (raj, imported) lost on
  // Feb 10; open-c (rita, live) opened Mar 10 for 2,000 dated Mar 31, pushed to May 15 on Mar 20.
  const clock = new ManualClock('2026-03-10T09:00:00.000Z');
  let harness: ApiHarness;

  const importHistory = async (recordId: string, owner: string, openedAt: string, stages: ImportedStageVisit[], fields: Record<string, string | number>): Promise<void> => {
    await harness.api.engine.commands.execute({
      type: 'ImportRecordHistory',
      kind: 'opportunity',
      recordId,
      owner,
      openedAt,
      fields: { name: recordId, ...fields },
      stages,
      source: `legacy.csv#${recordId}`,
      commandId: `import-${recordId}`,
      actor: { id: 'ada', roles: ['admin'] },
    });
  };

  beforeAll(async () => {
    harness = await ApiHarness.start({ clock });
    await importHistory(
      'won-a',
      'rita',
      '2026-01-05T00:00:00Z',
      [
        { stage: 'needs_analysis', enteredAt: '2026-01-15T00:00:00Z', fields: { budget: 5_000, decisionMaker: 'Wile', timeline: '2026-03-01' } },
        { stage: 'proposal', enteredAt: '2026-02-01T00:00:00Z', fields: { proposalDocument: 'p.pdf' } },
        { stage: 'negotiation', enteredAt: '2026-02-15T00:00:00Z', fields: { amount: 1_000 } },
        { stage: 'contract_approval', enteredAt: '2026-03-01T00:00:00Z' },
        { stage: 'closed_won', enteredAt: '2026-03-06T00:00:00Z', fields: { closeDate: '2026-03-06' } },
      ],
      {},
    );
    await importHistory('lost-b', 'raj', '2026-01-10T00:00:00Z', [{ stage: 'closed_lost', enteredAt: '2026-02-10T00:00:00Z', fields: { lossReason: 'price' } }], { amount: 500, closeDate: '2026-02-28' });
    const opened = await harness.request('rita', 'POST', '/records/opportunity', { id: 'open-c', fields: { name: 'Open deal', amount: 2_000, closeDate: '2026-03-31' } });
    expect(opened.status).toBe(201);
    clock.set('2026-03-20T09:00:00.000Z');
    const pushed = await harness.request('rita', 'PATCH', '/records/opportunity/open-c', { fields: { closeDate: '2026-05-15' } });
    expect(pushed.status).toBe(200);
    clock.set('2026-04-05T00:00:00.000Z');
    await harness.untilProjectionsCaughtUp();
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('given one deal won and one lost in Q1 and one open, when the analyst reads Q1, then win rate, cycle, size, velocity, aging and slippage are as worked out by hand', async () => {
    const report = body(await harness.request<SalesReport>('ana', 'GET', '/analytics/sales?period=2026-Q1&asOf=2026-04-05T00:00:00Z'));
    expect(report.total).toMatchObject({
      deals: 3,
      winRate: { won: 1, lost: 1, winRate: 0.5 },
      salesCycle: { count: 1, mean: 60 },
      averageDealSize: { won: 1, average: 1_000 },
      // 1 open × 0.5 × 1,000 / 60 days
      velocity: { openDeals: 1, perDay: 500 / 60 },
      aging: [{ stage: 'qualification', open: 1, buckets: { '0-6': 0, '7-29': 1, '30-59': 0, '60-89': 0, '90+': 0 } }],
      slippage: { deals: 1, amount: 2_000, slips: [{ recordId: 'open-c', fromDate: '2026-03-31', toDate: '2026-05-15' }] },
    });
  });

  it('given the same question as of Mar 1, then only the loss was known: win rate 0, nothing slipped yet', async () => {
    const report = body(await harness.request<SalesReport>('ana', 'GET', '/analytics/sales?period=2026-Q1&asOf=2026-03-01'));
    expect(report.total).toMatchObject({ deals: 2, winRate: { won: 0, lost: 1, winRate: 0 }, slippage: { deals: 0 } });
  });

  it('given by=owner and a filter on origin, then rows per owner of the imported deals only', async () => {
    const report = body(await harness.request<SalesReport>('ana', 'GET', '/analytics/sales?period=2026-Q1&asOf=2026-04-05&by=owner&origin=imported'));
    expect(report.rows.map((row) => [row.group, row.deals, row.winRate.winRate])).toEqual([
      ['raj', 1, 0],
      ['rita', 1, 1],
    ]);
    expect(report.total.deals).toBe(2);
  });

  it('given format=csv, then the same figures come as text/csv, one a line', async () => {
    const response = await fetch(`${harness.api.url}/analytics/sales?period=2026-Q1&asOf=2026-04-05&format=csv`, { headers: { authorization: `Bearer ${harness.tokenOf('ana')}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).trimEnd().split('\n');
    expect(lines[0]).toBe('period,asOf,group,metric,part,value');
    expect(lines).toContain('2026-Q1,2026-04-05T23:59:59.999Z,total,winRate,,0.5');
    expect(lines).toContain('2026-Q1,2026-04-05T23:59:59.999Z,total,slippage.deals,,1');
  });

  it('given the win rate, when rita explains it, then she sees her won deal with the events that moved it and a count of the one she may not read', async () => {
    const rita = body(await harness.request<Explanation>('rita', 'GET', '/analytics/sales/explain?period=2026-Q1&asOf=2026-04-05&metric=winRate'));
    expect([rita.count, rita.hidden, rita.unlisted]).toEqual([2, 1, 0]);
    expect(rita.records.map((record) => [record.recordId, record.role, record.owner])).toEqual([['won-a', 'won', 'rita']]);
    const events = rita.records[0]?.events ?? [];
    expect(events[0]?.type).toBe('RecordOpened');
    expect(events.filter((event) => ['Transitioned', 'StageRecorded'].includes(event.type)).map((event) => event.data['to'])).toEqual([
      'needs_analysis',
      'proposal',
      'negotiation',
      'contract_approval',
      'closed_won',
    ]);
    const ana = body(await harness.request<Explanation>('ana', 'GET', '/analytics/sales/explain?period=2026-Q1&asOf=2026-04-05&metric=winRate'));
    expect([ana.count, ana.hidden, ana.records.map((record) => record.recordId).sort()]).toEqual([2, 0, ['lost-b', 'won-a']]);
  });

  it('given slippage explained as of Mar 19, then nothing slipped; as of Apr 5 open-c did, with its events only up to then', async () => {
    const before = body(await harness.request<Explanation>('ana', 'GET', '/analytics/sales/explain?period=2026-Q1&asOf=2026-03-19&metric=slippage'));
    expect(before.count).toBe(0);
    const after = body(await harness.request<Explanation>('ana', 'GET', '/analytics/sales/explain?period=2026-Q1&asOf=2026-04-05&metric=slippage'));
    expect(after.records.map((record) => [record.recordId, record.role])).toEqual([['open-c', 'slipped 2026-03-31 → 2026-05-15']]);
    expect(after.records[0]?.events.map((event) => event.type)).toEqual(['RecordOpened', 'FieldsChanged']);
  });

  it('given an unknown dimension, metric or period, then 400 naming the parameter and nothing else is answered', async () => {
    const refusals = await Promise.all(
      ['/analytics/sales?by=colour', '/analytics/sales?period=2026-Q5', '/analytics/sales/explain?metric=mood', '/analytics/sales/explain'].map(async (path) => {
        const response = await harness.request<{ error: string; details: { invalid?: { field: string }[] } }>('ana', 'GET', path);
        return [response.status, response.body.error, response.body.details.invalid?.map((invalid) => invalid.field)];
      }),
    );
    expect(refusals).toEqual([
      [400, 'VALIDATION_FAILED', ['by']],
      [400, 'VALIDATION_FAILED', ['period']],
      [400, 'VALIDATION_FAILED', ['metric']],
      [400, 'VALIDATION_FAILED', ['metric']],
    ]);
  });
});
