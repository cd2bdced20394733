import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { catchUpProjection, ReadModelDatabase } from '@crm/projection-runtime';
import { dealBlueprint } from './testing';
import { BlueprintCatalog, openAccess, RecordCommandHandler, type ImportedStageVisit, type RecordCommand } from '@crm/workflow';
import { crmProjections } from './crm-projections';
import { queryForecast } from './forecast/forecast.queries';
import { queryFunnel } from './funnel/funnel.queries';
import { queryPipeline } from './pipeline/pipeline.queries';
import { listRecords } from './records/records.queries';

/**
 * Imported history that no blueprint transition explains (StageRecorded) in every read model: counted
 * as a stage move, known per record, and left out on request (`conformance: 'conforming'`).
 */
describe('read models and non-conforming imported history', () => {
  const clock = new ManualClock('2017-06-01T12:00:00.000Z');
  const importer = { id: 'ada', roles: ['admin'] };
  let directory: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;

  const imported = (recordId: string, stages: ImportedStageVisit[], fields: Record<string, string | number> = {}): RecordCommand => ({
    type: 'ImportRecordHistory',
    kind: 'opportunity',
    recordId,
    owner: 'rita',
    openedAt: '2017-01-02T00:00:00Z',
    fields: { name: recordId, closeDate: '2017-05-15', ...fields },
    stages,
    source: `legacy.csv#${recordId}`,
    commandId: `import-${recordId}`,
    actor: importer,
  });

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-conformance-'));
    store = await SqliteEventStore.open({ directory, clock });
    const catalog = await BlueprintCatalog.open(store, [dealBlueprint(1)]);
    const handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess });
    // Follows the blueprint: propose, then negotiate with an amount.
    await handler.execute(
      imported('fits-1', [
        { stage: 'proposal', enteredAt: '2017-02-01T00:00:00Z' },
        { stage: 'negotiation', enteredAt: '2017-03-01T00:00:00Z', fields: { amount: 1_000 } },
      ]),
    );
    // Won straight from qualification without an amount: no transition explains it.
    await handler.execute(imported('stray-won', [{ stage: 'won', enteredAt: '2017-02-15T00:00:00Z' }]));
    // Skipped the proposal on 1 April: open, and non-conforming from then on.
    await handler.execute(imported('stray-open', [{ stage: 'negotiation', enteredAt: '2017-04-01T00:00:00Z', fields: { amount: 500 } }]));
    readModels = ReadModelDatabase.open({ directory });
    for (const projection of crmProjections()) await catchUpProjection({ store, readModels, projection, clock });
  });

  afterAll(async () => {
    readModels?.close();
    await store?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given stage moves recorded outside the transitions, when the records are listed, then they are in the recorded stages and each says whether its history conforms', () => {
    const items = listRecords(readModels.db, { kind: 'opportunity' }).items;

    expect(items.map((item) => [item.recordId, item.stage, item.conforming])).toEqual([
      ['fits-1', 'negotiation', true],
      ['stray-open', 'negotiation', false],
      ['stray-won', 'won', false],
    ]);
    expect(listRecords(readModels.db, { kind: 'opportunity', conformance: 'conforming' }).items.map((item) => item.recordId)).toEqual(['fits-1']);
  });

  it('given a record that became non-conforming on 1 April, when listed as of March, then it still conformed then', () => {
    const items = listRecords(readModels.db, { kind: 'opportunity', asOf: '2017-03-15', conformance: 'conforming' }).items;

    expect(items.map((item) => [item.recordId, item.stage, item.conforming])).toEqual([
      ['fits-1', 'negotiation', true],
      ['stray-open', 'qualification', true],
    ]);
  });

  it('given a non-conforming open deal, when the pipeline is read, then it counts by default, is left out with conforming, and both say nonConforming: 1', () => {
    const all = queryPipeline(readModels.db, clock, {});
    const conforming = queryPipeline(readModels.db, clock, { conformance: 'conforming' });

    expect([all.conformance, all.nonConforming, all.byStage.map((row) => [row.stage, row.count, row.amount])]).toEqual(['all', 1, [['negotiation', 2, 1_500]]]);
    expect([conforming.conformance, conforming.nonConforming, conforming.byStage.map((row) => [row.stage, row.count, row.amount])]).toEqual([
      'conforming',
      1,
      [['negotiation', 1, 1_000]],
    ]);
    expect(queryPipeline(readModels.db, clock, { asOf: '2017-03-15' }).nonConforming).toBe(0);
  });

  it('given a deal won outside the transitions, when the forecast is read, then conforming leaves it out and both answers say how many deals are non-conforming', () => {
    const all = queryForecast(readModels.db, clock, { groupBy: 'total' });
    const conforming = queryForecast(readModels.db, clock, { groupBy: 'total', conformance: 'conforming' });

    expect([all.nonConforming, all.rows.map((row) => [row.period, row.closedWonCount, row.openCount])]).toEqual([2, [['2017-Q2', 1, 2]]]);
    expect([conforming.nonConforming, conforming.rows.map((row) => [row.period, row.closedWonCount, row.openCount])]).toEqual([2, [['2017-Q2', 0, 1]]]);
  });

  it('given non-conforming histories, when the funnel is read, then they are stage visits by default, left out with conforming, and counted in both', () => {
    const all = queryFunnel(readModels.db, { from: '2017-01-01', to: '2018-01-01' });
    const conforming = queryFunnel(readModels.db, { from: '2017-01-01', to: '2018-01-01', conformance: 'conforming' });
    const entered = (report: typeof all) => report.rows.map((row) => [row.stage, row.entered]);

    expect([all.records, all.nonConforming, entered(all)]).toEqual([
      3,
      2,
      [
        ['qualification', 3],
        ['proposal', 1],
        ['negotiation', 2],
        ['won', 1],
      ],
    ]);
    expect([conforming.records, conforming.nonConforming, entered(conforming)]).toEqual([
      1,
      2,
      [
        ['qualification', 1],
        ['proposal', 1],
        ['negotiation', 1],
      ],
    ]);
    expect(queryFunnel(readModels.db, { from: '2017-01-01', to: '2018-01-01', asOf: '2017-03-15' }).nonConforming).toBe(1);
  });
});
