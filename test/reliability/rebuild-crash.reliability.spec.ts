import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { scaledTimeout } from '@crm/event-store/contract';
import { catchUpProjection, projectionDigest, readCheckpoint, ReadModelDatabase, replayProjections } from '@crm/projection-runtime';
import { crmProjections, listRecords } from '@crm/projections';
import { dealBlueprint, generateHistory } from '@crm/projections/testing';
import { BlueprintCatalog, openAccess, RecordCommandHandler } from '@crm/workflow';
import { repositoryRoot } from '../e2e/api-harness';

const launcher = join(repositoryRoot, 'apps', 'cli', 'bin', 'crm.js');

interface RebuildRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string[];
}

/**
 * `crm projections rebuild all` through the real launcher; `killAt` SIGKILLs it once the one-pass fold
 * has applied that many events (its progress lines on stderr), i.e. while the scratch file is half full.
 */
const rebuildAll = (dataDir: string, killAt: number | null): Promise<RebuildRun> =>
  new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [launcher, 'projections', 'rebuild', 'all', '--data-dir', dataDir, '--batch-size', '10', '--as', 'ana'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const stderr: string[] = [];
    createInterface({ input: child.stderr }).on('line', (line) => {
      stderr.push(line);
      const records = /^records\s+rebuilding .* ([\d,]+)\/([\d,]+)/.exec(line);
      if (killAt !== null && records && Number(records[1].replace(/,/g, '')) >= killAt) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stderr }));
  });

const digestsOf = (readModels: ReadModelDatabase): Record<string, string> =>
  Object.fromEntries(crmProjections().map((projection) => [projection.name, projectionDigest(readModels.db, projection)]));

const scratchFilesIn = (dataDir: string): string[] => readdirSync(dataDir).filter((name) => name.includes('.rebuild-'));

/**
 * A one-pass rebuild folds into a scratch file without journal beside the read models and swaps its
 * tables in at the end (README, Read models). Killed with SIGKILL mid-fold, it must leave the live read
 * models as they were (serving queries, same checkpoints, same digests), and the next rebuild must
 * clear what the killed one left and finish.
 */
describe('a one-pass rebuild killed with SIGKILL', () => {
  const clock = new ManualClock('2016-01-04T08:00:00.000Z');
  let root: string;
  let dataDir: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'crm-rebuild-kill-'));
    dataDir = join(root, 'data');
    const store = await SqliteEventStore.open({ directory: dataDir, clock });
    const catalog = await BlueprintCatalog.open(store, [dealBlueprint(1)]);
    await generateHistory(new RecordCommandHandler(store, catalog, { clock, policy: openAccess }), catalog, clock, {
      seed: 77,
      liveRecords: 120,
      importedRecords: 60,
      owners: 8,
      start: '2016-01-04T09:00:00.000Z',
      days: 600,
    });
    const readModels = ReadModelDatabase.open({ directory: dataDir });
    for (const projection of crmProjections()) await catchUpProjection({ store, readModels, projection, clock });
    readModels.close();
    await store.close();
  }, scaledTimeout(60_000));

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it(
    'given live read models, when a rebuild of all is killed mid-fold, then the old models still serve unchanged, and a rebuild run again clears the leftovers and swaps in the same digests',
    async () => {
      const before = ReadModelDatabase.open({ directory: dataDir });
      const digestsBefore = digestsOf(before);
      const generationsBefore = crmProjections().map((projection) => readCheckpoint(before.db, projection.name)?.generation);
      const deals = listRecords(before.db, { kind: 'opportunity', limit: 500 }).items.length;
      before.close();

      const killed = await rebuildAll(dataDir, 300);
      expect(killed.signal).toBe('SIGKILL');
      expect(scratchFilesIn(dataDir)).toHaveLength(1);

      const afterKill = ReadModelDatabase.open({ directory: dataDir });
      try {
        expect(digestsOf(afterKill)).toEqual(digestsBefore);
        expect(crmProjections().map((projection) => readCheckpoint(afterKill.db, projection.name)?.generation)).toEqual(generationsBefore);
        expect(listRecords(afterKill.db, { kind: 'opportunity', limit: 500 }).items).toHaveLength(deals);
      } finally {
        afterKill.close();
      }

      const again = await rebuildAll(dataDir, null);
      expect({ code: again.code, stderr: again.stderr.filter((line) => line.startsWith('crm:')) }).toEqual({ code: 0, stderr: [] });
      expect(scratchFilesIn(dataDir)).toEqual([]);

      const store = await SqliteEventStore.open({ directory: dataDir, clock });
      const rebuilt = ReadModelDatabase.open({ directory: dataDir });
      const scratch = mkdtempSync(join(tmpdir(), 'crm-rebuild-kill-replay-'));
      try {
        const replay = await replayProjections({ store, projections: crmProjections(), directory: scratch, clock });
        replay.readModels.close();
        expect(digestsOf(rebuilt)).toEqual(Object.fromEntries(replay.projections.map((entry) => [entry.projection, entry.digest])));
        expect(digestsOf(rebuilt)).toEqual(digestsBefore);
        expect(crmProjections().map((projection) => readCheckpoint(rebuilt.db, projection.name)?.generation)).toEqual(
          generationsBefore.map((generation) => (generation ?? 0) + 1),
        );
        const leftovers = rebuilt.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%\\_\\_rebuild\\_%' ESCAPE '\\'").all();
        expect(leftovers).toEqual([]);
      } finally {
        rebuilt.close();
        await store.close();
        rmSync(scratch, { recursive: true, force: true });
      }
    },
    scaledTimeout(120_000),
  );
});
