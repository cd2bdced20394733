import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { catchUpProjection, ReadModelDatabase } from '@crm/projection-runtime';
import { dealBlueprint } from '../testing';
import { BlueprintCatalog, openAccess, RecordCommandHandler, type RecordCommand } from '@crm/workflow';
import { Quotas } from '../teams/quotas';
import { forecastProjection } from './forecast.projection';
import { queryForecast } from './forecast.queries';
import { ForecastSnapshots, queryForecastAccuracy, type SnapshotTaker } from './forecast-snapshots';

type CommandDraft = RecordCommand extends infer C ? (C extends RecordCommand ? Omit<C, 'commandId' | 'actor'> : never) : never;

const analyst: SnapshotTaker = { actor: { id: 'ana', roles: ['analyst'] }, authorize: () => undefined };

describe('forecast snapshots and accuracy', () => {
  const clock = new ManualClock('2017-03-20T10:00:00.000Z');
  let directory: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let handler: RecordCommandHandler;
  let sequence = 0;

  const run = (command: CommandDraft, actor = 'ann') => {
    sequence += 1;
    return handler.execute({ ...command, commandId: `accuracy-${sequence}`, actor: { id: actor, roles: ['rep'] } } as RecordCommand);
  };
  const fire = (recordId: string, event: string, fields = {}) => run({ type: 'FireTransition', kind: 'opportunity', recordId, event, fields });
  const catchUp = () => catchUpProjection({ store, readModels, projection: forecastProjection(), clock });
  const snapshots = () => new ForecastSnapshots({ store, db: readModels.db, clock });

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-forecast-accuracy-'));
    store = await SqliteEventStore.open({ directory, clock });
    const catalog = await BlueprintCatalog.open(store, [dealBlueprint(1)]);
    handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess });
    readModels = ReadModelDatabase.open({ directory });

    // In March: A is in commit, B in best case, C in pipeline, all expected to close in Q2.
    await run({ type: 'OpenRecord', kind: 'opportunity', recordId: 'A', fields: { name: 'A', amount: 1000, closeDate: '2017-05-10' } });
    await fire('A', 'propose');
    await fire('A', 'negotiate');
    await run({ type: 'OpenRecord', kind: 'opportunity', recordId: 'B', fields: { name: 'B', amount: 500, closeDate: '2017-06-01' } }, 'bob');
    await fire('B', 'propose');
    await run({ type: 'OpenRecord', kind: 'opportunity', recordId: 'C', fields: { name: 'C', amount: 300, closeDate: '2017-04-15' } });
    await catchUp();

    // The quarter starts: its snapshot is taken at that moment.
    clock.set('2017-04-01T00:00:00.000Z');
    await snapshots().takeDue({ periodKind: 'quarter' }, analyst);

    clock.set('2017-05-10T15:00:00.000Z');
    await fire('A', 'win', { closeDate: '2017-05-10' });
    clock.set('2017-05-20T09:00:00.000Z');
    await fire('B', 'lose', { lossReason: 'price' });
    clock.set('2017-06-20T09:00:00.000Z');
    await fire('C', 'propose');
    await fire('C', 'negotiate');
    await fire('C', 'win', { closeDate: '2017-06-20' });
    // In July a deal from another system arrives, dated back: open since February, won in May.
    clock.set('2017-07-02T08:00:00.000Z');
    await run({
      type: 'ImportRecordHistory',
      kind: 'opportunity',
      recordId: 'D',
      owner: 'ann',
      openedAt: '2017-02-01T00:00:00Z',
      fields: { name: 'D', amount: 700, closeDate: '2017-05-05' },
      stages: [
        { stage: 'proposal', enteredAt: '2017-03-01T00:00:00Z' },
        { stage: 'negotiation', enteredAt: '2017-04-20T00:00:00Z' },
        { stage: 'won', enteredAt: '2017-05-05T00:00:00Z' },
      ],
      source: 'legacy.csv#row 2',
    });
    await new Quotas(store, clock).set({
      quota: { scope: 'owner', name: 'ann', period: '2017-Q2', amount: 1600, currency: 'USD' },
      commandId: 'quota-ann-2017-Q2',
      ...analyst,
    });
    await catchUp();
  });

  afterAll(async () => {
    readModels.close();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given the snapshot taken when Q2 started, then accuracy compares what it forecast with the closed-won amount reported now', () => {
    const report = queryForecastAccuracy(readModels.db, clock, { periodKind: 'quarter' });

    expect(report.rows).toEqual([
      {
        period: '2017-Q2',
        group: 'total',
        snapshotAsOf: '2017-04-01T00:00:00.000Z',
        snapshotTakenAt: '2017-04-01T00:00:00.000Z',
        forecastClosedWon: 0,
        commitForecast: 1000,
        bestCaseForecast: 1500,
        weightedForecast: 1000 * 0.75 + 500 * 0.4 + 300 * 0.1,
        actualClosedWon: 1000 + 300 + 700,
        commitAccuracy: 2,
        weightedAccuracy: 2000 / 980,
      },
    ]);
    expect(report.periodsWithoutSnapshot).toEqual([]);
  });

  it('given history imported after the snapshot, then the snapshot stays as taken while an as-of query reconstructs the new knowledge', async () => {
    const reconstructed = queryForecast(readModels.db, clock, { asOf: '2017-04-01T00:00:00Z', groupBy: 'total' }).rows.find((row) => row.period === '2017-Q2');
    // D was in proposal on April 1st: it adds to best case now that its history is known.
    expect(reconstructed).toMatchObject({ commit: 1000, bestCase: 1200, pipeline: 300 });

    const again = await snapshots().take({ periodKind: 'quarter', period: '2017-Q2', asOf: '2017-04-01T00:00:00Z' }, analyst);
    expect(again.alreadyTaken).toBe(true);
    expect(queryForecastAccuracy(readModels.db, clock).rows[0].commitForecast).toBe(1000);
  });

  it('given accuracy by owner, then each owner is compared with their own snapshot rows', () => {
    const byOwner = queryForecastAccuracy(readModels.db, clock, { groupBy: 'owner' });
    expect(byOwner.rows.map((row) => [row.group, row.commitForecast, row.weightedForecast, row.actualClosedWon])).toEqual([
      ['ann', 1000, 780, 2000],
      ['bob', 0, 200, 0],
    ]);
  });

  it('given a quota, then the forecast reports attainment of closed won against it', () => {
    const row = queryForecast(readModels.db, clock, { periodKind: 'quarter', from: '2017-Q2', to: '2017-Q2' }).rows.find((candidate) => candidate.group === 'ann');
    expect(row).toMatchObject({ closedWon: 2000, closedWonCount: 3, quota: 1600, attainment: 1.25 });
  });

  it('given a snapshot asked for the future, then it is refused', async () => {
    await expect(snapshots().take({ asOf: '2030-01-01' }, analyst)).rejects.toThrow('cannot be taken as of');
  });
});
