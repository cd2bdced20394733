import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { present, scaledTimeout } from '@crm/event-store/contract';
import { countEvents, projectionDigest, readCheckpoint, ReadModelDatabase, replayProjections } from '@crm/projection-runtime';
import { crmProjections } from '@crm/projections';
import { dealBlueprint, generateHistory } from '@crm/projections/testing';
import { BlueprintCatalog, openAccess, RecordCommandHandler } from '@crm/workflow';
import { capturedIo } from '../__fixtures__/captured-io';
import { runCli } from '../main';

const launcher = resolve(__dirname, '..', '..', 'bin', 'crm.js');

interface Killed {
  readonly signal: NodeJS.Signals | null;
  readonly progressLines: string[];
}

/** Runs `crm projections run` through the real launcher and SIGKILLs it once the pipeline projection is well under way. */
const runThenKill = (dataDir: string): Promise<Killed> =>
  new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [launcher, 'projections', 'run', '--data-dir', dataDir, '--batch-size', '10'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const progressLines: string[] = [];
    createInterface({ input: child.stderr }).on('line', (line) => {
      progressLines.push(line);
      const pipeline = /^pipeline\s+catching up .* ([\d,]+)\/([\d,]+)/.exec(line);
      if (pipeline && Number(pipeline[1].replace(/,/g, '')) >= 200) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => resolvePromise({ signal, progressLines }));
  });

describe('crm projections run killed with SIGKILL while projecting', () => {
  const clock = new ManualClock('2016-01-04T08:00:00.000Z');
  let root: string;
  let dataDir: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'crm-cli-kill-'));
    dataDir = join(root, 'data');
    const store = await SqliteEventStore.open({ directory: dataDir, clock });
    const catalog = await BlueprintCatalog.open(store, [dealBlueprint(1)]);
    await generateHistory(new RecordCommandHandler(store, catalog, { clock, policy: openAccess }), catalog, clock, {
      seed: 99,
      liveRecords: 120,
      importedRecords: 60,
      owners: 8,
      start: '2016-01-04T09:00:00.000Z',
      days: 600,
    });
    await store.close();
  }, scaledTimeout(30_000));

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it(
    'given a runner killed mid-way, when projections run again, then each resumes from its checkpoint and ends with the digest of a full replay (no event counted twice)',
    async () => {
      const killed = await runThenKill(dataDir);
      expect(killed.signal).toBe('SIGKILL');

      const store = await SqliteEventStore.open({ directory: dataDir, clock });
      const readModels = ReadModelDatabase.open({ directory: dataDir });
      const scratch = mkdtempSync(join(tmpdir(), 'crm-cli-kill-replay-'));
      try {
        const pipeline = present(crmProjections().find((projection) => projection.name === 'pipeline'), 'the pipeline projection');
        const handled = await countEvents(store, 'start', { eventTypes: pipeline.eventTypes });
        const interrupted = readCheckpoint(readModels.db, 'pipeline');
        expect(interrupted?.eventsApplied).toBeGreaterThanOrEqual(200);
        expect(interrupted?.eventsApplied).toBeLessThan(handled);
        expect(readCheckpoint(readModels.db, 'records')?.eventsApplied).toBeGreaterThan(0);

        const io = capturedIo(root, clock);
        expect(await runCli(['projections', 'run', '--data-dir', dataDir], io)).toBe(0);
        expect(io.out()).toMatch(new RegExp(`^pipeline: ${(handled - (interrupted?.eventsApplied ?? 0)).toLocaleString('en-US')} events applied$`, 'm'));

        const replay = await replayProjections({ store, projections: crmProjections(), directory: scratch, clock });
        replay.readModels.close();
        for (const projection of crmProjections()) {
          expect({ projection: projection.name, digest: projectionDigest(readModels.db, projection) }).toEqual({
            projection: projection.name,
            digest: replay.projections.find((entry) => entry.projection === projection.name)?.digest,
          });
          expect(readCheckpoint(readModels.db, projection.name)?.eventsApplied).toBe(
            await countEvents(store, 'start', { eventTypes: projection.eventTypes }),
          );
        }
      } finally {
        readModels.close();
        await store.close();
        rmSync(scratch, { recursive: true, force: true });
      }
    },
    scaledTimeout(60_000),
  );
});
