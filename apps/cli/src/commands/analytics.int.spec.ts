import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { scaledTimeout } from '@crm/event-store/contract';
import { ReadModelDatabase } from '@crm/projection-runtime';
import { querySalesAnalytics, type FigureExplanation, type SalesAnalyticsReport } from '@crm/projections';
import { dealBlueprint, generateHistory } from '@crm/projections/testing';
import { BlueprintCatalog, openAccess, RecordCommandHandler } from '@crm/workflow';
import { capturedIo } from '../__fixtures__/captured-io';
import { runCli } from '../main';

describe('crm report analytics and crm explain on a generated history', () => {
  const clock = new ManualClock('2016-01-04T08:00:00.000Z');
  let root: string;
  let dataDir: string;

  const crm = async (...args: string[]) => {
    const io = capturedIo(root, clock);
    const exitCode = await runCli([...args, '--data-dir', dataDir], io);
    return { exitCode, out: io.out(), err: io.err() };
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'crm-cli-analytics-'));
    dataDir = join(root, 'data');
    const store = await SqliteEventStore.open({ directory: dataDir, clock });
    const catalog = await BlueprintCatalog.open(store, [dealBlueprint(1)]);
    await generateHistory(new RecordCommandHandler(store, catalog, { clock, policy: openAccess }), catalog, clock, {
      seed: 11,
      liveRecords: 50,
      importedRecords: 15,
      owners: 4,
      start: '2016-01-04T09:00:00.000Z',
      days: 400,
    });
    await store.close();
    expect((await crm('projections', 'run')).exitCode).toBe(0);
  }, scaledTimeout(30_000));

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const direct = (by?: string): SalesAnalyticsReport => {
    const readModels = ReadModelDatabase.open({ directory: dataDir });
    try {
      return querySalesAnalytics(readModels.db, clock, { asOf: '2016-09-30', period: '2016-Q3', ...(by === undefined ? {} : { by }) });
    } finally {
      readModels.close();
    }
  };

  it('given built read models, when the analytics of 2016-Q3 are asked as JSON, then they are the read model’s answer as of that date', async () => {
    const json = await crm('report', 'analytics', '--period', '2016-Q3', '--as-of', '2016-09-30', '--by', 'owner', '--format', 'json');
    expect(json.exitCode).toBe(0);
    const report = JSON.parse(json.out) as SalesAnalyticsReport;
    expect(report).toEqual(direct('owner'));
    expect(report.total.winRate.won + report.total.winRate.lost).toBeGreaterThan(0);
    // Imported deals without an owner count under (none).
    expect(report.rows.map((row) => row.group)).toEqual(['(none)', 'owner-01', 'owner-02', 'owner-03', 'owner-04']);
  });

  it('given --format csv and the table, then every figure is a CSV line and the table shows the win rate per owner and the reconciliation', async () => {
    const expected = direct();
    const csv = await crm('report', 'analytics', '--period', '2016-Q3', '--as-of', '2016-09-30', '--format', 'csv');
    expect(csv.out.split('\n')[0]).toBe('period,asOf,group,metric,part,value');
    expect(csv.out).toContain(`2016-Q3,2016-09-30T23:59:59.999Z,total,winRate.won,,${expected.total.winRate.won}\n`);
    const table = await crm('report', 'analytics', '--period', '2016-Q3', '--as-of', '2016-09-30', '--by', 'owner');
    expect(table.exitCode).toBe(0);
    expect(table.out).toContain('sales analytics of opportunity, 2016-Q3');
    expect(table.out).toMatch(/^owner-01\s+\d+\s+\d+\s+\d+\s/m);
    expect(table.out).toContain('reconciliation (in stage at start + entered - left = at end)');
    expect(table.out).toMatch(/^qualification(\s+\d+){4}\s+0$/m);
  });

  it('given a figure explained by an analyst and by a rep who owns none of the deals, then the analyst sees every deal with its events, the rep only a count', async () => {
    const expected = direct();
    const analyst = await crm('explain', 'winRate', '--period', '2016-Q3', '--as-of', '2016-09-30', '--as', 'ana', '--json');
    expect(analyst.exitCode).toBe(0);
    const all = JSON.parse(analyst.out) as Omit<FigureExplanation, 'records'> & { records: { recordId: string; events: { occurredAt: string }[] }[] };
    expect(all.count).toBe(expected.total.winRate.won + expected.total.winRate.lost);
    expect(all.records).toHaveLength(all.count);
    expect(all.records.every((record) => record.events.length > 0 && record.events.every((event) => event.occurredAt <= '2016-09-30T23:59:59.999Z'))).toBe(true);
    const rep = await crm('explain', 'winRate', '--period', '2016-Q3', '--as-of', '2016-09-30', '--as', 'rita');
    expect(rep.out).toContain(`${all.count} deals; 0 you may read, ${all.count} you may not`);
  });

  it.each([
    [['report', 'analytics', '--by', 'colour'], '--by must be one of owner, team'],
    [['report', 'analytics', '--filter', 'mood=happy'], '--filter must be <dimension>=<value>'],
    [['explain', 'mood', '--as', 'ana'], '<metric> must be one of winRate'],
  ])('given %j, then it exits 2 saying why', async (args, message) => {
    const run = await crm(...args);
    expect(run.exitCode).toBe(2);
    expect(run.err).toContain(message);
  });
});
