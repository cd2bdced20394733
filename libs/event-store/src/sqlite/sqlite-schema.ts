import { accessSync, closeSync, constants, existsSync, openSync, readSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Database } from 'better-sqlite3';

export const databaseFileName = 'events.sqlite';

/** Bumped, with a migration, whenever the table below changes. */
export const schemaVersion = 1;

const schema = `
  CREATE TABLE IF NOT EXISTS events (
    position    INTEGER PRIMARY KEY,
    id          TEXT    NOT NULL UNIQUE,
    stream      TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    type        TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    metadata    TEXT    NOT NULL,
    occurred_at TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    UNIQUE (stream, revision)
  );
  CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
`;

/**
 * WAL lets readers (subscriptions, other processes) run while a group commits; `synchronous=FULL`
 * fsyncs the WAL at every commit, which is what makes an acknowledged append survive a crash.
 */
export const configureConnection = (db: Database): void => {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
};

export const createSchema = (db: Database): void => {
  const version = db.pragma('user_version', { simple: true });
  if (typeof version === 'number' && version > schemaVersion) {
    throw new Error(`${db.name} has schema version ${version}; this build knows up to ${schemaVersion}. Upgrade the application.`);
  }
  db.exec(schema);
  db.pragma(`user_version = ${schemaVersion}`);
};

const codeOf = (error: unknown): string | null =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : null;

/**
 * At a clean close the last writer turns WAL off, which checkpoints the log into the database file and
 * deletes -wal and -shm: what stays is one self-contained file that opens read-only anywhere, a
 * read-only mount included (SQLite reads a WAL database only where it can create its -shm and -wal
 * files). The next writable open turns WAL on again. While another connection, in this process or
 * another, still has the store open, SQLite refuses the switch with SQLITE_BUSY at once: WAL stays, and
 * the last of them to close does it.
 */
export const leaveSelfContained = (db: Database): void => {
  try {
    db.pragma('journal_mode = DELETE');
  } catch (error) {
    if (codeOf(error) !== 'SQLITE_BUSY') throw error;
  }
};

/** SQLite's file header says whether the database is in WAL mode (bytes 18 and 19 are 2). */
const readsAsWal = (file: string): boolean => {
  const header = Buffer.alloc(20);
  const descriptor = openSync(file, 'r');
  try {
    return readSync(descriptor, header, 0, header.length, 0) === header.length && header[18] === 2 && header[19] === 2;
  } finally {
    closeSync(descriptor);
  }
};

const unwritableBecause = (directory: string): string | null => {
  try {
    accessSync(directory, constants.W_OK);
    return null;
  } catch (error) {
    return codeOf(error) ?? 'not writable';
  }
};

/**
 * Why a read-only open of `file` may have failed, for the error message: a missing file, or a WAL-mode
 * store in a directory where SQLite cannot create the -shm and -wal files it needs to read one.
 */
export const readOnlyOpenHint = (file: string): string => {
  const name = basename(file);
  if (!existsSync(file)) return `; there is no store there (${name} does not exist)`;
  const directory = dirname(file);
  const unwritable = unwritableBecause(directory);
  if (unwritable === null) return '';
  let wal: boolean;
  try {
    wal = readsAsWal(file);
  } catch (error) {
    // Only a hint: the error being explained must not be replaced by this one.
    return `; ${name} cannot be read either (${codeOf(error) ?? 'unknown error'})`;
  }
  if (!wal) return '';
  return (
    `; the store is in WAL mode, and SQLite reads a WAL store only where it can create ${name}-shm and ${name}-wal ` +
    `next to it, which it cannot in ${directory} (${unwritable}). A store that was closed cleanly is a single file that ` +
    'opens read-only anywhere: open it once with write access and close it, or copy the directory to writable storage'
  );
};

/** Why a writable open of `file` may have failed, for the error message: a directory that is not writable. */
export const writableOpenHint = (file: string): string => {
  const directory = dirname(file);
  const unwritable = unwritableBecause(directory);
  return unwritable === null ? '' : `; ${directory} is not writable (${unwritable}); to read the store there, open it read-only`;
};
