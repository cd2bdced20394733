import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { catchUpProjection, projectionDigest, ReadModelDatabase, rebuildProjection } from '@crm/projection-runtime';
import { dealBlueprint } from '../testing';
import { BlueprintCatalog, openAccess, RecordCommandHandler, type RecordCommand } from '@crm/workflow';
import { decideForecastSnapshot, FORECAST_SNAPSHOT_TAKEN, forecastSnapshotStream, snapshotFold } from './forecast-snapshot.stream';
import { forecastProjection } from './forecast.projection';
import { ForecastSnapshots, queryForecastAccuracy, type SnapshotTaker } from './forecast-snapshots';

type CommandDraft = RecordCommand extends infer C ? (C extends RecordCommand ? Omit<C, 'commandId' | 'actor'> : never) : never;

const max: SnapshotTaker = { actor: { id: 'max', roles: ['manager'] }, origin: { via: 'cli', osUser: 'maxine' }, authorize: () => undefined };
const quarterStart = { periodKind: 'quarter', period: '2017-Q2', asOf: '2017-04-01T00:00:00Z' } as const;

describe('forecast snapshots as events', () => {
  const clock = new ManualClock('2017-03-20T10:00:00.000Z');
  let directory: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let snapshots: ForecastSnapshots;
  let sequence = 0;

  const catchUp = () => catchUpProjection({ store, readModels, projection: forecastProjection(), clock });

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-forecast-snapshot-events-'));
    store = await SqliteEventStore.open({ directory, clock });
    const catalog = await BlueprintCatalog.open(store, [dealBlueprint(1)]);
    const handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess });
    const run = (command: CommandDraft, actor: string) => {
      sequence += 1;
      return handler.execute({ ...command, commandId: `snapshot-events-${sequence}`, actor: { id: actor, roles: ['rep'] } } as RecordCommand);
    };
    clock.set('2017-03-20T10:00:00.000Z');
    await run({ type: 'OpenRecord', kind: 'opportunity', recordId: 'A', fields: { name: 'A', amount: 1000, closeDate: '2017-05-10' } }, 'ann');
    await run({ type: 'FireTransition', kind: 'opportunity', recordId: 'A', event: 'propose', fields: {} }, 'ann');
    await run({ type: 'OpenRecord', kind: 'opportunity', recordId: 'B', fields: { name: 'B', amount: 500, closeDate: '2017-06-01' } }, 'bob');
    readModels = ReadModelDatabase.open({ directory });
    await catchUp();
    clock.set('2017-04-01T06:00:00.000Z');
    snapshots = new ForecastSnapshots({ store, db: readModels.db, clock });
  });

  afterEach(async () => {
    readModels.close();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given a snapshot taken, then it is one ForecastSnapshotTaken in the period\'s stream with every owner\'s figures, who and from where', async () => {
    const taken = await snapshots.take(quarterStart, max);

    expect(taken).toEqual({
      kind: 'opportunity',
      periodKind: 'quarter',
      period: '2017-Q2',
      asOf: '2017-04-01T00:00:00.000Z',
      takenAt: '2017-04-01T06:00:00.000Z',
      owners: 2,
      alreadyTaken: false,
    });
    const events = await store.readStream(forecastSnapshotStream({ kind: 'opportunity', periodKind: 'quarter', period: '2017-Q2' }));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: FORECAST_SNAPSHOT_TAKEN,
      occurredAt: '2017-04-01T06:00:00.000Z',
      metadata: { actor: 'max', roles: ['manager'], origin: { via: 'cli', osUser: 'maxine' } },
      data: {
        kind: 'opportunity',
        periodKind: 'quarter',
        period: '2017-Q2',
        asOf: '2017-04-01T00:00:00.000Z',
        byOwner: [
          expect.objectContaining({ owner: 'ann', bestCaseCents: 100_000, weightedCents: 40_000, openCount: 1 }),
          expect.objectContaining({ owner: 'bob', pipelineCents: 50_000, weightedCents: 5_000, openCount: 1 }),
        ],
      },
    });
  });

  it('given a snapshot taken, when the same period and moment is asked again later, then the first answers and nothing new is stored', async () => {
    const first = await snapshots.take(quarterStart, max);
    const head = await store.headPosition();
    clock.set('2017-04-02T09:00:00.000Z');

    const again = await new ForecastSnapshots({ store, db: readModels.db, clock }).take(quarterStart, max);

    expect(again).toEqual({ ...first, alreadyTaken: true });
    expect(await store.headPosition()).toEqual(head);
  });

  it('given the access check refuses, when a snapshot is taken or asked again, then its refusal stands and nothing is stored', async () => {
    const refusal = new Error('not for reps');
    const rep: SnapshotTaker = { actor: { id: 'rita', roles: ['rep'] }, authorize: () => { throw refusal; } };
    const head = await store.headPosition();

    await expect(snapshots.take(quarterStart, rep)).rejects.toBe(refusal);
    expect(await store.headPosition()).toEqual(head);
    await snapshots.take(quarterStart, max);
    await expect(snapshots.take(quarterStart, rep)).rejects.toBe(refusal);
  });

  it('given snapshots taken, when the forecast read model catches up and is rebuilt, then accuracy reads them and the rebuild reproduces them', async () => {
    await snapshots.takeDue({ periodKind: 'quarter', since: '2017-Q1' }, max);
    await catchUp();
    const before = projectionDigest(readModels.db, forecastProjection());

    await rebuildProjection({ store, readModels, projection: forecastProjection(), clock });

    expect(projectionDigest(readModels.db, forecastProjection())).toBe(before);
    expect(queryForecastAccuracy(readModels.db, clock, { periodKind: 'quarter' }).rows).toEqual([
      expect.objectContaining({ period: '2017-Q1', snapshotTakenAt: '2017-04-01T06:00:00.000Z' }),
      expect.objectContaining({ period: '2017-Q2', snapshotTakenAt: '2017-04-01T06:00:00.000Z', bestCaseForecast: 1000, weightedForecast: 450 }),
    ]);
  });

  it('given a snapshot asked for the future or a period of another kind, then it is refused and nothing is stored', async () => {
    const head = await store.headPosition();
    await expect(snapshots.take({ asOf: '2030-01-01' }, max)).rejects.toThrow('cannot be taken as of');
    await expect(snapshots.take({ periodKind: 'quarter', period: '2017-05' }, max)).rejects.toThrow('is not a quarter');
    expect(await store.headPosition()).toEqual(head);
  });

  it('given a stream that holds a snapshot as of a moment, when another command asks for the same moment, then nothing is decided and no figures are read', () => {
    const moment = { kind: 'opportunity', periodKind: 'quarter', period: '2017-Q2', asOf: '2017-04-01T00:00:00.000Z' } as const;
    const [event] = decideForecastSnapshot(snapshotFold.initialState(''), moment, () => []);
    const state = snapshotFold.evolve(snapshotFold.initialState(''), [
      { id: 'e1', type: event.type, stream: 's', revision: 0, position: { commit: 1n, prepare: 1n }, data: event.data, metadata: {}, occurredAt: '2017-04-01T06:00:00.000Z', recordedAt: '2017-04-01T06:00:00.000Z' },
    ]);

    expect(decideForecastSnapshot(state, moment, () => { throw new Error('figures read'); })).toEqual([]);
  });
});
