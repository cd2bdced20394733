import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';

/**
 * Owner-only modes for what the engine keeps on disk: other local users may read neither the events nor
 * the read models built from them. Set per file, never through `process.umask`, which is process-wide.
 */
export const PRIVATE_DIRECTORY_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** The files SQLite keeps beside a database while it is open or after a crash. */
const sidecarSuffixes = ['-wal', '-shm', '-journal'] as const;

/**
 * Creates the data directory, and any missing parent, owner-only. One that exists keeps its mode: it was
 * made by someone on purpose, and it may be a shared folder that narrowing would break.
 */
export const makePrivateDirectory = (directory: string): void => {
  mkdirSync(directory, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
};

/**
 * Before SQLite opens a database file: creates it owner-only if missing (SQLite would create it 644) and
 * narrows one an older version left wider. SQLite creates its -wal, -shm and journal with the database
 * file's own mode, so this is what keeps them private too.
 */
export const preparePrivateDatabaseFile = (file: string): void => {
  try {
    closeSync(openSync(file, 'wx', PRIVATE_FILE_MODE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    narrowIfWider(file);
  }
};

/** After opening: a -wal, -shm or journal left by an older version or a crash keeps its old mode until narrowed. */
export const narrowDatabaseSidecars = (file: string): void => {
  for (const suffix of sidecarSuffixes) narrowIfWider(`${file}${suffix}`);
};

/** Only when others have any access: a file already private is not touched, so one on read-only storage still opens. */
const narrowIfWider = (file: string): void => {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (stats && (stats.mode & 0o077) !== 0) chmodSync(file, PRIVATE_FILE_MODE);
};
