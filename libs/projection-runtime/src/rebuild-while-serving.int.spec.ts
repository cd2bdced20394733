import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore, type EventStore, type ReadAllOptions } from '@crm/event-store';
import { scaledTimeout } from '@crm/event-store/contract';
import { countingProjection } from './__fixtures__/counting.projection';
import { readCheckpoint } from './checkpoint.store';
import { ProjectionRunner } from './projection-runner';
import { ReadModelDatabase } from './read-model-database';

interface PausedRead {
  /** Resolves when a read after the first page has been asked for: the rebuild is mid-fold. */
  readonly reached: Promise<void>;
  readonly release: () => void;
}

/**
 * The real store, except that once `pauseNextPage` is armed, the next read of a page after the start of
 * the log waits until released: a rebuild can be held mid-fold without timing anything.
 */
const pausableStore = (store: SqliteEventStore): { readonly store: EventStore; readonly pauseNextPage: () => PausedRead } => {
  let armed: { readonly reached: () => void; readonly released: Promise<void> } | null = null;
  const readAll: EventStore['readAll'] = async (options: ReadAllOptions) => {
    const pause = armed;
    if (pause !== null && options.from !== 'start') {
      armed = null;
      pause.reached();
      await pause.released;
    }
    return store.readAll(options);
  };
  const wrapped = new Proxy(store, {
    get: (target, property, receiver) => {
      if (property === 'readAll') return readAll;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    store: wrapped,
    pauseNextPage: () => {
      let reached = (): void => undefined;
      let release = (): void => undefined;
      const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      armed = { reached, released };
      return { reached: reachedPromise, release };
    },
  };
};

describe('queries during a rebuild', () => {
  let directory: string;
  let store: SqliteEventStore;
  const clock = new ManualClock('2026-05-01T10:00:00.000Z');

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-rebuild-serving-'));
    store = await SqliteEventStore.open({ directory, clock });
  });

  afterEach(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it(
    'given a live model, when it is rebuilt and the rebuild is held mid-fold, then queries (in this process and another connection) answer from the old tables, whole, and the swap then brings the next generation',
    async () => {
      for (let round = 1; round <= 30; round += 1) {
        for (const stream of ['count-a', 'count-b', 'count-c']) await store.append(stream, [{ id: randomUUID(), type: 'Counted', data: { amount: round } }], 'any');
      }
      const head = await store.headPosition();
      if (head === null) throw new Error('nothing appended');
      const { store: pausable, pauseNextPage } = pausableStore(store);
      const readModels = ReadModelDatabase.open({ directory });
      const runner = new ProjectionRunner({ store: pausable, readModels, projections: [countingProjection()], clock, batchSize: 10 });
      const query = (models: ReadModelDatabase): unknown[] => models.db.prepare('SELECT stream, events, total FROM counted_streams ORDER BY stream').all();
      try {
        await runner.start();
        await runner.waitForPosition(head);
        const whole = query(readModels);
        expect(whole).toEqual(['count-a', 'count-b', 'count-c'].map((stream) => ({ stream, events: 30, total: 465 })));

        const paused = pauseNextPage();
        const rebuilding = runner.rebuild('counting');
        await paused.reached;

        const elsewhere = ReadModelDatabase.open({ directory, readOnly: true });
        try {
          expect(query(readModels)).toEqual(whole);
          expect(query(elsewhere)).toEqual(whole);
        } finally {
          elsewhere.close();
        }
        expect((await runner.status()).map((status) => status.state)).toEqual(['rebuilding']);
        expect(readCheckpoint(readModels.db, 'counting')?.generation).toBe(0);

        paused.release();
        const rebuilt = await rebuilding;
        expect(rebuilt.generation).toBe(1);
        expect(query(readModels)).toEqual(whole);
      } finally {
        await runner.stop();
        readModels.close();
      }
    },
    scaledTimeout(30_000),
  );
});
