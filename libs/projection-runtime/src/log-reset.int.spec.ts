import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { EventStoreDbEventStore, SqliteEventStore, type EventStore, type Position } from '@crm/event-store';
import { PROBE_TIMEOUT_MS } from '@crm/event-store/contract';
import { WireLevelStandIn } from '@crm/event-store/stand-in';
import { countingProjection } from './__fixtures__/counting.projection';
import { catchUpProjection } from './catch-up-projection';
import { readCheckpoint } from './checkpoint.store';
import { projectionDigest } from './projection-digest';
import { ProjectionRunner } from './projection-runner';
import type { ProjectionStatus } from './projection-status';
import { ReadModelDatabase } from './read-model-database';
import { replayProjections } from './replay-projections';

/**
 * A log reset: the events are gone (an in-memory EventStoreDB restarted, its volume or `events.sqlite`
 * deleted) while the read models and their checkpoints stayed. The saved checkpoint then lies beyond the
 * new log's head, or, once the new log has grown past it, inside one of its records.
 */

const clock = new ManualClock('2026-05-01T10:00:00.000Z');

const appendCounted = async (store: EventStore, streams: number, perStream: number, amount = 1): Promise<Position> => {
  let last: Position | null = null;
  for (let round = 0; round < perStream; round += 1) {
    for (let stream = 0; stream < streams; stream += 1) {
      last = (await store.append(`count-${stream}`, [{ id: randomUUID(), type: 'Counted', data: { amount } }], 'any')).position;
    }
  }
  if (last === null) throw new Error('nothing appended');
  return last;
};

const statusWhen = async (runner: ProjectionRunner, accept: (status: ProjectionStatus) => boolean): Promise<ProjectionStatus> => {
  const deadline = Date.now() + PROBE_TIMEOUT_MS;
  for (;;) {
    const [status] = await runner.status();
    if (status && accept(status)) return status;
    if (Date.now() > deadline) throw new Error(`the runner never reached the expected state: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

const referenceDigest = async (store: EventStore): Promise<string> => {
  const scratch = mkdtempSync(join(tmpdir(), 'crm-reset-scratch-'));
  try {
    const replay = await replayProjections({ store, projections: [countingProjection()], directory: scratch, clock });
    replay.readModels.close();
    return replay.projections[0]?.digest ?? '';
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
};

describe('projections after the event log was reset', () => {
  let directory: string;
  let readModels: ReadModelDatabase;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'crm-reset-'));
    readModels = ReadModelDatabase.open({ directory });
  });

  afterEach(() => {
    readModels.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given read models whose checkpoint lies beyond the head of a new SQLite log, when the runner starts, then it says so and rebuilds from the new log', async () => {
    const eventsDirectory = join(directory, 'events');
    const before = await SqliteEventStore.open({ directory: eventsDirectory, clock });
    await appendCounted(before, 3, 10);
    await catchUpProjection({ store: before, readModels, projection: countingProjection(), clock });
    await before.close();
    rmSync(eventsDirectory, { recursive: true, force: true });
    const store = await SqliteEventStore.open({ directory: eventsDirectory, clock, livePollIntervalMs: 20 });
    const runner = new ProjectionRunner({ store, readModels, projections: [countingProjection()], clock });
    try {
      const head = await appendCounted(store, 2, 4, 7);

      await runner.start();
      const status = await statusWhen(runner, (candidate) => candidate.state === 'live' && candidate.lag === 0);

      expect(status.warning).toContain('lies beyond the head of the log');
      expect(status.warning).toContain('rebuilt');
      expect(readCheckpoint(readModels.db, 'counting')).toMatchObject({ position: head, eventsApplied: 8 });
      expect(projectionDigest(readModels.db, countingProjection())).toBe(await referenceDigest(store));
    } finally {
      await runner.stop();
      await store.close();
    }
  });

  it('given a checkpoint that falls inside a record of a new EventStoreDB log, when the runner starts, then it says so and rebuilds from the new log', async () => {
    const standIn = await WireLevelStandIn.start();
    const store = await EventStoreDbEventStore.connect({ connectionString: standIn.connectionString, clock, unavailableRetry: { initialMs: 5, maxMs: 20, totalMs: 1_000 } });
    const runner = new ProjectionRunner({ store, readModels, projections: [countingProjection()], clock });
    try {
      const saved = await appendCounted(store, 1, 3);
      await catchUpProjection({ store, readModels, projection: countingProjection(), clock });
      standIn.wipe();
      // Other streams, names and sizes than before: the new log's records do not start where the old ones did.
      for (let index = 0; index < 12; index += 1) {
        await store.append(`other-count-${index}-${'x'.repeat(index)}`, [{ id: randomUUID(), type: 'Counted', data: { amount: 2 } }], 'any');
      }
      expect(standIn.log.isReadablePosition(saved)).toBe(false);

      await runner.start();
      const status = await statusWhen(runner, (candidate) => candidate.state === 'live' && candidate.lag === 0);

      expect(status.warning).toContain('is not the position of an event in this log');
      expect(readCheckpoint(readModels.db, 'counting')?.eventsApplied).toBe(12);
      expect(projectionDigest(readModels.db, countingProjection())).toBe(await referenceDigest(store));
    } finally {
      await runner.stop();
      await store.close();
      await standIn.stop();
    }
  });

  it('given a checkpoint beyond the head, when catching up once (the CLI), then it rebuilds from the new log', async () => {
    const eventsDirectory = join(directory, 'events');
    const before = await SqliteEventStore.open({ directory: eventsDirectory, clock });
    await appendCounted(before, 2, 10);
    await catchUpProjection({ store: before, readModels, projection: countingProjection(), clock });
    await before.close();
    rmSync(eventsDirectory, { recursive: true, force: true });
    const store = await SqliteEventStore.open({ directory: eventsDirectory, clock });
    try {
      await appendCounted(store, 1, 3);

      const result = await catchUpProjection({ store, readModels, projection: countingProjection(), clock });

      expect(result.rebuilt).toBe(true);
      expect(projectionDigest(readModels.db, countingProjection())).toBe(await referenceDigest(store));
    } finally {
      await store.close();
    }
  });
});
