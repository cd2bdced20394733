import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore, type Position } from '@crm/event-store';
import { PROBE_TIMEOUT_MS, scaledTimeout } from '@crm/event-store/contract';
import { countingProjection } from './__fixtures__/counting.projection';
import { catchUpProjection } from './catch-up-projection';
import { readCheckpoint } from './checkpoint.store';
import { projectionDigest } from './projection-digest';
import type { ProjectionProgress } from './projection-progress';
import { ProjectionRunner, type StateChange } from './projection-runner';
import { ProjectionRuntimeException } from './projection-runtime.exception';
import type { ProjectionStatus } from './projection-status';
import { ReadModelDatabase } from './read-model-database';
import { rebuildProjection } from './rebuild-projection';
import { replayProjections } from './replay-projections';

const pollUntil = async <T>(probe: () => T | undefined, deadlineMs: number): Promise<T> => {
  const started = process.hrtime.bigint();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Number((process.hrtime.bigint() - started) / 1_000_000n) > deadlineMs) throw new Error(`not within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

const statusWhen = async (runner: ProjectionRunner, accept: (status: ProjectionStatus) => boolean): Promise<ProjectionStatus> => {
  const started = process.hrtime.bigint();
  for (;;) {
    const [status] = await runner.status();
    if (accept(status)) return status;
    if (Number((process.hrtime.bigint() - started) / 1_000_000n) > PROBE_TIMEOUT_MS) throw new Error(`the runner never reached the expected state: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('projection runtime on SQLite files', () => {
  let directory: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  const clock = new ManualClock('2026-05-01T10:00:00.000Z');

  const appendCounted = async (streams: number, perStream: number): Promise<Position> => {
    let last: Position | null = null;
    for (let round = 0; round < perStream; round += 1) {
      for (let stream = 0; stream < streams; stream += 1) {
        const result = await store.append(`count-${stream}`, [{ id: randomUUID(), type: 'Counted', data: { amount: round + 1 } }], 'any');
        last = result.position;
      }
    }
    await store.append('noise-1', [{ id: randomUUID(), type: 'Ignored', data: {} }], 'any');
    if (last === null) throw new Error('nothing appended');
    return last;
  };

  const streamsTable = (models: ReadModelDatabase): { stream: string; events: number; total: number }[] =>
    models.db.prepare('SELECT stream, events, total FROM counted_streams ORDER BY stream').all() as {
      stream: string;
      events: number;
      total: number;
    }[];

  const referenceDigest = async (): Promise<string> => {
    const scratch = mkdtempSync(join(tmpdir(), 'crm-runtime-scratch-'));
    try {
      const replay = await replayProjections({ store, projections: [countingProjection()], directory: scratch, clock });
      replay.readModels.close();
      return replay.projections[0].digest;
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  };

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-runtime-'));
    store = await SqliteEventStore.open({ directory, clock, livePollIntervalMs: 20 });
    readModels = ReadModelDatabase.open({ directory });
  });

  afterEach(async () => {
    readModels.close();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given stored events, when a projection catches up twice, then every event is counted once and the checkpoint is the head (unhandled types read past)', async () => {
    await appendCounted(4, 30);
    const last = await store.headPosition();

    const first = await catchUpProjection({ store, readModels, projection: countingProjection(), clock, batchSize: 7 });
    const second = await catchUpProjection({ store, readModels, projection: countingProjection(), clock, batchSize: 7 });

    expect(first).toMatchObject({ eventsApplied: 120, rebuilt: false, position: last });
    expect(second.eventsApplied).toBe(0);
    expect(streamsTable(readModels)).toEqual([0, 1, 2, 3].map((n) => ({ stream: `count-${n}`, events: 30, total: 465 })));
    expect(readCheckpoint(readModels.db, 'counting')).toMatchObject({ position: last, eventsApplied: 120, state: 'stopped' });
  });

  it('given a running runner, when an event is appended, then the read model shows it within one second', async () => {
    await appendCounted(2, 3);
    const runner = new ProjectionRunner({ store, readModels, projections: [countingProjection()], clock });
    await runner.start();
    try {
      await pollUntil(() => (streamsTable(readModels).length === 2 ? true : undefined), PROBE_TIMEOUT_MS);

      await store.append('count-new', [{ id: randomUUID(), type: 'Counted', data: { amount: 5 } }], 'no_stream');

      const row = await pollUntil(() => streamsTable(readModels).find((candidate) => candidate.stream === 'count-new'), scaledTimeout(1_000));
      expect(row).toEqual({ stream: 'count-new', events: 1, total: 5 });
      const [status] = await runner.status();
      expect(status).toMatchObject({ projection: 'counting', state: 'live', lag: 0, eventsApplied: 7 });
    } finally {
      await runner.stop();
    }
  });

  it('given a backlog that is an exact multiple of the batch size, when the runner catches up, then it reports live', async () => {
    await appendCounted(2, 10);
    const runner = new ProjectionRunner({ store, readModels, projections: [countingProjection()], clock, batchSize: 7 });
    await runner.start();
    try {
      // 20 counted events and 1 other: three full batches of 7, then nothing.
      const status = await statusWhen(runner, (candidate) => candidate.state === 'live');
      expect(status).toMatchObject({ state: 'live', lag: 0, eventsApplied: 20 });
    } finally {
      await runner.stop();
    }
  });

  it('given an evolve that throws in the middle of a batch, when the runner meets it, then nothing of that batch is stored, the projection is failed, and a retry resumes from the checkpoint to the digest of a full replay', async () => {
    await appendCounted(3, 20);
    const events = await store.readAll({ maxCount: 100 });
    const poison = events[44];
    let broken = true;
    const projection = countingProjection({ failOn: { eventId: poison.id, shouldThrow: () => broken } });
    const runner = new ProjectionRunner({ store, readModels, projections: [projection], clock, batchSize: 10 });

    await runner.start();
    const status = await statusWhen(runner, (candidate) => candidate.state === 'failed');

    expect(status.error).toContain('the evolve step broke on purpose');
    expect(status.checkpoint).toBe('C:40/P:40');
    const logged = readModels.db.prepare('SELECT count(*) AS n FROM counted_log').get() as { n: number };
    expect(logged.n).toBe(40);

    broken = false;
    await runner.retry('counting');
    await runner.waitForPosition(events[events.length - 1].position, PROBE_TIMEOUT_MS);
    await runner.stop();
    expect(projectionDigest(readModels.db, projection)).toBe(await referenceDigest());
  });

  it('given an evolve that throws, when the runner fails on it, then it stays failed until retried: a bug in a projection is not retried by itself', async () => {
    await appendCounted(1, 3);
    const [, poison] = await store.readAll({ maxCount: 10 });
    let throws = 0;
    const projection = countingProjection({ failOn: { eventId: poison.id, shouldThrow: () => ++throws > 0 } });
    const runner = new ProjectionRunner({ store, readModels, projections: [projection], clock, storageRetry: { initialMs: 5, maxMs: 5 } });

    await runner.start();
    try {
      await statusWhen(runner, (candidate) => candidate.state === 'failed');
      // Forty retry delays: a runner that retried this failure would have met the poison again.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [status] = await runner.status();

      expect(status.state).toBe('failed');
      expect(throws).toBe(1);
    } finally {
      await runner.stop();
    }
  });

  it('given the read models refuse writes (another connection holds the write lock), when a live runner meets new events, then it is failed in memory naming the cause and that its state could not be recorded, nothing rejects unhandled, and it resumes by itself once writes are accepted, to the digest of a full replay', async () => {
    await appendCounted(2, 3);
    const unhandled: unknown[] = [];
    const collect = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', collect);
    // No waiting for the lock: the refusal comes at once, as SQLITE_FULL does on a full disk.
    readModels.db.pragma('busy_timeout = 0');
    const changes: StateChange[] = [];
    const runner = new ProjectionRunner({
      store,
      readModels,
      projections: [countingProjection()],
      clock,
      storageRetry: { initialMs: 10, maxMs: 40 },
      onStateChange: (change) => changes.push(change),
    });
    const locker = ReadModelDatabase.open({ directory });
    try {
      await runner.start();
      await statusWhen(runner, (candidate) => candidate.state === 'live' && candidate.lag === 0);

      locker.db.exec('BEGIN IMMEDIATE');
      await appendCounted(1, 2);
      const head = await store.headPosition();
      const failed = await statusWhen(runner, (candidate) => candidate.state === 'failed');
      // Several retry delays while the lock is held: every retry is refused and the runner stays failed.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [stillFailed] = await runner.status();
      const storedWhileLocked = readCheckpoint(readModels.db, 'counting');
      locker.db.exec('ROLLBACK');
      const resumed = await statusWhen(runner, (candidate) => candidate.state === 'live' && candidate.lag === 0);

      expect(failed.error).toContain('SQLITE_BUSY');
      expect(failed.error).toContain('could not record its state "failed"');
      expect(stillFailed).toMatchObject({ state: 'failed', eventsApplied: 6 });
      expect(storedWhileLocked).toMatchObject({ state: 'live', error: null, eventsApplied: 6 });
      expect(changes.some((change) => change.state === 'failed' && change.error === failed.error)).toBe(true);
      expect(resumed).toMatchObject({ error: null, eventsApplied: 8 });
      expect(readCheckpoint(readModels.db, 'counting')).toMatchObject({ state: 'live', error: null, position: head });
      expect(unhandled).toEqual([]);
      await runner.stop();
      expect(projectionDigest(readModels.db, countingProjection())).toBe(await referenceDigest());
    } finally {
      if (locker.db.inTransaction) locker.db.exec('ROLLBACK');
      locker.close();
      await runner.stop();
      process.off('unhandledRejection', collect);
    }
  });

  it('given a model stored under version 1 and read models that refuse writes, when the runner starts with version 2, then start resolves with the projection failed in memory, and it rebuilds and goes live by itself once writes are accepted', async () => {
    await appendCounted(2, 5);
    await catchUpProjection({ store, readModels, projection: countingProjection({ version: 1 }), clock });
    readModels.db.pragma('busy_timeout = 0');
    const runner = new ProjectionRunner({ store, readModels, projections: [countingProjection({ version: 2 })], clock, storageRetry: { initialMs: 10, maxMs: 40 } });
    const locker = ReadModelDatabase.open({ directory });
    try {
      locker.db.exec('BEGIN IMMEDIATE');
      await runner.start();
      const [atStart] = await runner.status();
      locker.db.exec('ROLLBACK');
      const resumed = await statusWhen(runner, (candidate) => candidate.state === 'live' && candidate.lag === 0);

      expect(atStart).toMatchObject({ state: 'failed', storedVersion: 1 });
      expect(atStart.error).toContain('could not record its state "rebuilding": SQLITE_BUSY');
      expect(resumed).toMatchObject({ storedVersion: 2, eventsApplied: 10, error: null });
      expect(readCheckpoint(readModels.db, 'counting')).toMatchObject({ version: 2, generation: 1, state: 'live' });
    } finally {
      if (locker.db.inTransaction) locker.db.exec('ROLLBACK');
      locker.close();
      await runner.stop();
    }
  });

  it('given two runners on one read-model file, when both catch up at once, then no event is applied twice', async () => {
    await appendCounted(5, 40);
    const otherConnection = ReadModelDatabase.open({ directory });
    let applied: number[];
    try {
      const results = await Promise.all([
        catchUpProjection({ store, readModels, projection: countingProjection(), clock, batchSize: 3 }),
        catchUpProjection({ store, readModels: otherConnection, projection: countingProjection(), clock, batchSize: 4 }),
      ]);
      applied = results.map((result) => result.eventsApplied);
    } finally {
      otherConnection.close();
    }
    expect(applied[0] + applied[1]).toBe(200);
    expect(streamsTable(readModels).map((row) => row.events)).toEqual([40, 40, 40, 40, 40]);
    expect(projectionDigest(readModels.db, countingProjection())).toBe(await referenceDigest());
  });

  it('given a live model, when it is rebuilt, then queries read the old complete model until the swap, progress is reported, and the result has the digest of a full replay', async () => {
    await appendCounted(4, 50);
    await catchUpProjection({ store, readModels, projection: countingProjection(), clock });
    const liveDigest = projectionDigest(readModels.db, countingProjection());
    const reader = ReadModelDatabase.open({ directory, readOnly: true });
    const seenDuringRebuild: number[] = [];
    const progress: ProjectionProgress[] = [];
    try {
      await rebuildProjection({
        store,
        readModels,
        projection: countingProjection(),
        clock,
        batchSize: 25,
        onProgress: (report) => {
          progress.push(report);
          const { n } = reader.db.prepare('SELECT sum(events) AS n FROM counted_streams').get() as { n: number };
          seenDuringRebuild.push(n);
        },
      });
    } finally {
      reader.close();
    }

    expect(seenDuringRebuild.length).toBeGreaterThan(4);
    expect(new Set(seenDuringRebuild)).toEqual(new Set([200]));
    // Progress counts every event read, the unhandled one included.
    expect(progress.at(-1)).toMatchObject({ phase: 'rebuilding', done: 201, total: 201, finished: true });
    expect(progress.slice(0, -1).every((report) => !report.finished)).toBe(true);
    expect(projectionDigest(readModels.db, countingProjection())).toBe(liveDigest);
    expect(liveDigest).toBe(await referenceDigest());
    expect(readCheckpoint(readModels.db, 'counting')).toMatchObject({ generation: 1, eventsApplied: 200 });
    const leftovers = readModels.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%rebuild%'").all();
    expect(leftovers).toEqual([]);
  });

  it('given a model stored under version 1, when the runner starts with version 2, then it rebuilds before going live', async () => {
    await appendCounted(2, 5);
    await catchUpProjection({ store, readModels, projection: countingProjection({ version: 1 }), clock });
    readModels.db.prepare("UPDATE counted_streams SET events = 999 WHERE stream = 'count-0'").run();
    readModels.db.exec('CREATE TABLE counted_log__rebuild_7 (seq INTEGER)');

    const states: string[] = [];
    const runner = new ProjectionRunner({
      store,
      readModels,
      projections: [countingProjection({ version: 2 })],
      clock,
      onStateChange: (change) => states.push(change.state),
    });
    await runner.start();
    await runner.waitForPosition((await store.headPosition()) as Position);
    await runner.stop();

    expect(states[0]).toBe('rebuilding');
    expect(states).toContain('live');
    expect(readCheckpoint(readModels.db, 'counting')).toMatchObject({ version: 2, generation: 1 });
    expect(streamsTable(readModels).map((row) => row.events)).toEqual([5, 5]);
    expect(readModels.tableExists('counted_log__rebuild_7')).toBe(false);
  });

  it('given a runner, when an unknown projection is rebuilt, then it is refused with a code', async () => {
    const runner = new ProjectionRunner({ store, readModels, projections: [countingProjection()], clock });
    await expect(runner.rebuild('nope')).rejects.toMatchObject({ code: 'UNKNOWN_PROJECTION' });
    expect(() => new ProjectionRunner({ store, readModels, projections: [countingProjection(), countingProjection()], clock })).toThrow(
      ProjectionRuntimeException,
    );
  });
});
