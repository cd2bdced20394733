import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { systemClock } from '@crm/clock';
import { newEvents } from '../contract';
import { SqliteEventStore } from './sqlite-event-store';
import { databaseFileName } from './sqlite-schema';

/**
 * A read-only directory, honestly: permissions for an ordinary user, a read-only bind mount for root
 * (root ignores permissions). Where neither works, the tests that need one say so and skip.
 */
interface ReadOnlyView {
  /** Where the store is written. */
  readonly writable: string;
  /** The same files, seen read-only. */
  readonly readOnly: string;
  release(): void;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

const readOnlyView = (root: string): ReadOnlyView => {
  const writable = join(root, 'writable');
  mkdirSync(writable);
  if (!isRoot) {
    return {
      writable,
      readOnly: writable,
      release: () => chmodSync(writable, 0o755),
    };
  }
  const readOnly = join(root, 'read-only');
  mkdirSync(readOnly);
  execFileSync('mount', ['--bind', writable, readOnly], { stdio: 'pipe' });
  execFileSync('mount', ['-o', 'remount,bind,ro', readOnly], { stdio: 'pipe' });
  return { writable, readOnly, release: () => execFileSync('umount', ['-l', readOnly], { stdio: 'pipe' }) };
};

/** Call after writing: an ordinary user's view turns read-only only now. */
const freeze = (view: ReadOnlyView): void => {
  if (!isRoot) chmodSync(view.writable, 0o555);
};

const unavailable = ((): string | null => {
  const root = mkdtempSync(join(tmpdir(), 'crm-read-only-probe-'));
  try {
    readOnlyView(root).release();
    return null;
  } catch (error) {
    return (error as Error).message.split('\n')[0] ?? 'unknown';
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
})();
if (unavailable) process.stdout.write(`[sqlite read-only] skipped the read-only directory tests: ${unavailable} (root needs CAP_SYS_ADMIN to bind-mount)\n`);
const withReadOnlyDirectory = unavailable ? it.skip : it;

/** Bytes 18 and 19 of an SQLite file: 2 in WAL mode, 1 in rollback-journal mode. */
const journalVersion = (file: string): number[] => [...readFileSync(file).subarray(18, 20)];

describe('SqliteEventStore on read-only storage', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'crm-event-store-read-only-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('given a store closed cleanly, then its directory holds one self-contained file, and reopening it writable turns WAL on again', async () => {
    const store = await SqliteEventStore.open({ directory: root , clock: systemClock});
    await store.append('deal-1', newEvents(2), 'no_stream');

    await store.close();

    expect(readdirSync(root)).toEqual([databaseFileName]);
    expect(journalVersion(join(root, databaseFileName))).toEqual([1, 1]);
    const reopened = await SqliteEventStore.open({ directory: root , clock: systemClock});
    expect(journalVersion(join(root, databaseFileName))).toEqual([2, 2]);
    expect(await reopened.readStream('deal-1')).toHaveLength(2);
    await reopened.close();
  });

  it('given another connection still has the store open, when the writer closes, then it closes without waiting and the store stays in WAL mode', async () => {
    const writer = await SqliteEventStore.open({ directory: root , clock: systemClock});
    await writer.append('deal-1', newEvents(1), 'no_stream');
    const reader = await SqliteEventStore.open({ directory: root, clock: systemClock, readOnly: true });
    expect(await reader.readStream('deal-1')).toHaveLength(1);

    await writer.close();

    expect(journalVersion(join(root, databaseFileName))).toEqual([2, 2]);
    expect(await reader.readStream('deal-1')).toHaveLength(1);
    await reader.close();
  });

  withReadOnlyDirectory('given a store closed cleanly in a read-only directory, when opened readOnly, then its events can be read', async () => {
    const view = readOnlyView(root);
    try {
      const store = await SqliteEventStore.open({ directory: view.writable , clock: systemClock});
      await store.append('deal-1', newEvents(3), 'no_stream');
      await store.close();
      freeze(view);

      const reader = await SqliteEventStore.open({ directory: view.readOnly, clock: systemClock, readOnly: true });

      expect(await reader.readStream('deal-1')).toHaveLength(3);
      expect(await reader.readAll()).toHaveLength(3);
      await reader.close();
    } finally {
      view.release();
    }
  });

  withReadOnlyDirectory('given a WAL-mode store without its -shm in a read-only directory, when opened readOnly, then the error says why and what to do', async () => {
    const view = readOnlyView(root);
    try {
      const store = await SqliteEventStore.open({ directory: view.writable , clock: systemClock});
      await store.append('deal-1', newEvents(1), 'no_stream');
      await store.close();
      // As an older build or another tool leaves it: WAL mode, the -wal and -shm files deleted at close.
      const other = new Database(join(view.writable, databaseFileName));
      other.pragma('journal_mode = WAL');
      other.close();
      freeze(view);

      await expect(SqliteEventStore.open({ directory: view.readOnly, clock: systemClock, readOnly: true })).rejects.toThrow(
        /cannot open the SQLite event store at .*events\.sqlite \(read-only\): SQLITE_CANTOPEN: .*; the store is in WAL mode, and SQLite reads a WAL store only where it can create events\.sqlite-shm and events\.sqlite-wal next to it, which it cannot in .* \((EROFS|EACCES)\)\. .*open it once with write access and close it, or copy the directory to writable storage/,
      );
    } finally {
      view.release();
    }
  });

  withReadOnlyDirectory('given a store in a read-only directory, when opened writable, then the error names the directory and suggests readOnly', async () => {
    const view = readOnlyView(root);
    try {
      const store = await SqliteEventStore.open({ directory: view.writable , clock: systemClock});
      await store.close();
      freeze(view);

      await expect(SqliteEventStore.open({ directory: view.readOnly , clock: systemClock})).rejects.toThrow(
        /cannot open the SQLite event store at .*events\.sqlite: SQLITE_\w+: .*; .* is not writable \((EROFS|EACCES)\); to read the store there, open it read-only/,
      );
    } finally {
      view.release();
    }
  });

  it('given a directory without a store, when opened readOnly, then the error says there is no store there', async () => {
    await expect(SqliteEventStore.open({ directory: join(root, 'nothing'), clock: systemClock, readOnly: true })).rejects.toThrow(
      /\(read-only\): .*; there is no store there \(events\.sqlite does not exist\)/,
    );
  });
});
