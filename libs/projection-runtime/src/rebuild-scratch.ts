import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { preparePrivateDatabaseFile } from '@crm/event-store';

/**
 * SQLite page cache of the scratch connection, in KiB (16 MiB). The load appends finished rows and the
 * open rows spill to keyed tables, so a larger cache bought no speed at 1M events but grew the peak RSS
 * (README, Benchmarks: replay).
 */
const SCRATCH_CACHE_KIB = 16_384;

const scratchPrefix = (readModelFile: string): string => `${basename(readModelFile)}.rebuild-`;

let scratchCount = 0;

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Scratch files a rebuild killed mid-way left beside the read models (their process is gone). */
export const removeAbandonedScratchFiles = (readModelFile: string): void => {
  const directory = dirname(readModelFile);
  const prefix = scratchPrefix(readModelFile);
  for (const name of readdirSync(directory)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    // This process's own scratch files belong to rebuilds under way.
    if (!Number.isSafeInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    rmSync(join(directory, name), { force: true });
  }
};

/**
 * The file a rebuild folds into, beside the read models: fresh tables nobody reads, so durability is
 * relaxed (no journal, no fsync, an exclusive lock) — a crash loses only this file, and the live model
 * is untouched until the verified swap (README, Read models: "Rebuilds never show half a model").
 */
export class RebuildScratch {
  private constructor(
    readonly db: Database.Database,
    readonly file: string,
  ) {}

  static open(readModelFile: string): RebuildScratch {
    removeAbandonedScratchFiles(readModelFile);
    scratchCount += 1;
    const file = join(dirname(readModelFile), `${scratchPrefix(readModelFile)}${process.pid}-${scratchCount}`);
    rmSync(file, { force: true });
    preparePrivateDatabaseFile(file);
    const db = new Database(file);
    try {
      // better-sqlite3 opens connections in SQLite's defensive mode, which refuses journal_mode=OFF.
      db.unsafeMode(true);
      const mode = db.pragma('journal_mode = OFF', { simple: true });
      db.unsafeMode(false);
      if (mode !== 'off') throw new Error(`the rebuild's scratch file ${file} kept journal_mode=${String(mode)}`);
      db.pragma('synchronous = OFF');
      db.pragma('locking_mode = EXCLUSIVE');
      // Sorts (the index builds after the load) spill to temporary files rather than grow the process.
      db.pragma('temp_store = FILE');
      db.pragma(`cache_size = -${SCRATCH_CACHE_KIB}`);
    } catch (error) {
      db.close();
      rmSync(file, { force: true });
      throw error;
    }
    return new RebuildScratch(db, file);
  }

  /** Closes the connection (releasing its exclusive lock) so the read models' connection can attach it. */
  close(): void {
    if (this.db.open) this.db.close();
  }

  remove(): void {
    this.close();
    rmSync(this.file, { force: true });
  }
}
