import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { systemClock } from '@crm/clock';
import { newEvents } from '../contract';
import { SqliteEventStore } from './sqlite-event-store';
import { databaseFileName } from './sqlite-schema';

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);
const databaseFilesIn = (directory: string): string[] => ['', '-wal', '-shm'].map((suffix) => join(directory, `${databaseFileName}${suffix}`));

describe('SQLite event store file modes', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'crm-sqlite-modes-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('given no data directory, when the store is opened and written, then the directory is 700 and the database, its WAL and SHM are 600', async () => {
    const directory = join(root, 'data', 'events');
    const store = await SqliteEventStore.open({ directory, clock: systemClock });
    try {
      await store.append('opportunity-1', newEvents(1), 'no_stream');

      expect([modeOf(join(root, 'data')), modeOf(directory)]).toEqual(['700', '700']);
      expect(databaseFilesIn(directory).map(modeOf)).toEqual(['600', '600', '600']);
    } finally {
      await store.close();
    }
  });

  it('given files an older version left readable to others, while another connection holds them open, when the store opens, then all three are narrowed to 600', async () => {
    const directory = join(root, 'data');
    await (await SqliteEventStore.open({ directory, clock: systemClock })).close();
    const other = new Database(join(directory, databaseFileName));
    try {
      other.pragma('journal_mode = WAL');
      other.exec('CREATE TABLE IF NOT EXISTS other_writer (id INTEGER)');
      for (const file of databaseFilesIn(directory)) chmodSync(file, 0o644);

      const store = await SqliteEventStore.open({ directory, clock: systemClock });
      try {
        expect(databaseFilesIn(directory).map(modeOf)).toEqual(['600', '600', '600']);
      } finally {
        await store.close();
      }
    } finally {
      other.close();
    }
  });

  it('given a data directory the user made, when the store opens, then the directory keeps its mode (it may be shared on purpose)', async () => {
    const directory = join(root, 'shared');
    mkdirSync(directory);
    chmodSync(directory, 0o750);

    await (await SqliteEventStore.open({ directory, clock: systemClock })).close();

    expect(modeOf(directory)).toBe('750');
    expect(modeOf(join(directory, databaseFileName))).toBe('600');
  });
});
