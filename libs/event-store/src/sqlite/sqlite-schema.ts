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
