import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { scaledTimeout } from '@crm/event-store/contract';
import { catchUpProjection, ProjectionRunner, projectionDigest, readCheckpoint, ReadModelDatabase, rebuildProjection, rebuildProjections } from '@crm/projection-runtime';
import { BlueprintCatalog, openAccess, RecordCommandHandler } from '@crm/workflow';
import { crmProjections } from './crm-projections';
import { dealBlueprint, generateHistory } from './testing';

const digestsOf = (readModels: ReadModelDatabase): Record<string, string> =>
  Object.fromEntries(crmProjections().map((projection) => [projection.name, projectionDigest(readModels.db, projection)]));

/**
 * The one-pass rebuild (every projection fed from one read of `$all`, folded into a scratch file without
 * journal, secondary indexes built after the load, copied and swapped in) against the paths it replaces:
 * each projection caught up on its own, event by event in the live tables, and each rebuilt alone.
 */
describe('one-pass rebuild of every read model', () => {
  const clock = new ManualClock('2016-01-04T08:00:00.000Z');
  let root: string;
  let store: SqliteEventStore;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'crm-one-pass-'));
    store = await SqliteEventStore.open({ directory: join(root, 'events'), clock });
    const catalog = await BlueprintCatalog.open(store, [dealBlueprint(1)]);
    await generateHistory(new RecordCommandHandler(store, catalog, { clock, policy: openAccess }), catalog, clock, {
      seed: 4_242,
      liveRecords: 120,
      importedRecords: 60,
      owners: 8,
      start: '2016-01-04T09:00:00.000Z',
      days: 600,
    });
  }, scaledTimeout(60_000));

  afterAll(async () => {
    await store?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const readModelsIn = (name: string): ReadModelDatabase => ReadModelDatabase.open({ directory: join(root, name) });

  it(
    'given a generated history, when every projection is rebuilt in one pass, then each digest equals the one caught up on its own and the one rebuilt alone',
    async () => {
      const caughtUp = readModelsIn('caught-up');
      const alone = readModelsIn('alone');
      const onePass = readModelsIn('one-pass');
      try {
        for (const projection of crmProjections()) {
          await catchUpProjection({ store, readModels: caughtUp, projection, clock, batchSize: 97 });
          await rebuildProjection({ store, readModels: alone, projection, clock, batchSize: 97 });
        }
        const results = await rebuildProjections({ store, readModels: onePass, projections: crmProjections(), clock, batchSize: 97 });

        const expected = digestsOf(caughtUp);
        expect(digestsOf(alone)).toEqual(expected);
        expect(digestsOf(onePass)).toEqual(expected);
        for (const result of results) {
          const checkpoint = readCheckpoint(caughtUp.db, result.projection);
          expect({ projection: result.projection, eventsApplied: result.eventsApplied, position: result.position }).toEqual({
            projection: result.projection,
            eventsApplied: checkpoint?.eventsApplied,
            position: checkpoint?.position,
          });
        }
        // The scratch file went with the swap.
        expect(readdirSync(join(root, 'one-pass')).filter((name) => name.includes('.rebuild-'))).toEqual([]);
      } finally {
        caughtUp.close();
        alone.close();
        onePass.close();
      }
    },
    scaledTimeout(120_000),
  );

  it(
    'given live read models, when they are rebuilt in one pass over them, then the new generation swaps in with the same digests and the secondary indexes exist',
    async () => {
      const readModels = readModelsIn('over-live');
      try {
        for (const projection of crmProjections()) await catchUpProjection({ store, readModels, projection, clock });
        const before = digestsOf(readModels);
        const results = await rebuildProjections({ store, readModels, projections: crmProjections(), clock, stateAfter: 'catching_up' });

        expect(digestsOf(readModels)).toEqual(before);
        expect(results.map((result) => result.generation)).toEqual(crmProjections().map(() => 1));
        const indexes = readModels.db.prepare("SELECT tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = 'records'").all();
        expect(indexes).toHaveLength(3);
        const leftovers = readModels.db.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%\\_\\_rebuild\\_%' ESCAPE '\\' AND type = 'table'").all();
        expect(leftovers).toEqual([]);
      } finally {
        readModels.close();
      }
    },
    scaledTimeout(120_000),
  );

  it(
    'given read models stored under older versions, when a runner starts, then it rebuilds them all in one pass (one generation more each) and goes live with the same digests',
    async () => {
      const readModels = readModelsIn('version-change');
      const rebuilding: string[] = [];
      const runner = new ProjectionRunner({
        store,
        readModels,
        projections: crmProjections(),
        clock,
        onProgress: (progress) => {
          if (progress.phase === 'rebuilding' && progress.finished) rebuilding.push(progress.projection);
        },
      });
      try {
        for (const projection of crmProjections()) await catchUpProjection({ store, readModels, projection, clock });
        const before = digestsOf(readModels);
        readModels.db.exec('UPDATE projection_checkpoints SET version = version - 1');
        await runner.start();
        const head = await store.headPosition();
        if (head !== null) await runner.waitForPosition(head);

        expect(rebuilding.sort()).toEqual(crmProjections().map((projection) => projection.name).sort());
        expect(digestsOf(readModels)).toEqual(before);
        for (const projection of crmProjections()) {
          expect({ projection: projection.name, checkpoint: readCheckpoint(readModels.db, projection.name) }).toMatchObject({
            projection: projection.name,
            checkpoint: { version: projection.version, generation: 1 },
          });
        }
      } finally {
        await runner.stop();
        readModels.close();
      }
    },
    scaledTimeout(120_000),
  );
});
