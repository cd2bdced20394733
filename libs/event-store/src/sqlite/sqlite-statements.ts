import type { Database, Statement } from 'better-sqlite3';
import type { JsonObject, StoredEvent } from '../event-store.port';
import { positionOf, type Position } from '../position';

export interface EventRow {
  readonly position: number;
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly occurred_at: string;
  readonly recorded_at: string;
}

export type InsertParameters = [
  id: string,
  stream: string,
  revision: number,
  type: string,
  data: string,
  metadata: string,
  occurredAt: string,
  recordedAt: string,
];

/**
 * `after` is the last sequence not to return, `until` the last one that may be returned. Every read-all
 * shape takes the same object; better-sqlite3 ignores the keys a statement does not use.
 */
export type ReadAllParameters = { after: bigint | number; until: bigint | number; limit: number; prefixes: string; types: string };

/** `until` for reads that go to the end of the log. */
export const lastSequence = 9_223_372_036_854_775_807n;

export interface SqliteStatements {
  readonly begin: Statement<[]>;
  readonly commit: Statement<[]>;
  readonly rollback: Statement<[]>;
  readonly savepoint: Statement<[]>;
  readonly rollbackToSavepoint: Statement<[]>;
  readonly releaseSavepoint: Statement<[]>;
  readonly streamRevision: Statement<[stream: string], { revision: number }>;
  readonly eventById: Statement<[id: string], EventRow>;
  readonly insert: Statement<InsertParameters>;
  readonly readStream: Statement<[stream: string, fromRevision: number, limit: number], EventRow>;
  readonly readAll: Statement<ReadAllParameters, EventRow>;
  readonly readAllByPrefix: Statement<ReadAllParameters, EventRow>;
  readonly readAllByType: Statement<ReadAllParameters, EventRow>;
  readonly readAllByPrefixAndType: Statement<ReadAllParameters, EventRow>;
  readonly head: Statement<[], { head: number | null }>;
}

const columns = 'position, id, stream, revision, type, data, metadata, occurred_at, recorded_at';

// Prefixes and types arrive as one JSON array parameter each, so one prepared statement serves any
// number of them; `substr` instead of LIKE means `_` and `%` in a prefix are matched literally.
const prefixCondition = `EXISTS (SELECT 1 FROM json_each(@prefixes) p WHERE substr(stream, 1, length(p.value)) = p.value)`;
const typeCondition = `type IN (SELECT value FROM json_each(@types))`;

const readAllWhere = (...conditions: string[]): string =>
  `SELECT ${columns} FROM events WHERE ${['position > @after', 'position <= @until', ...conditions].join(' AND ')} ORDER BY position LIMIT @limit`;

export const prepareStatements = (db: Database): SqliteStatements => ({
  begin: db.prepare('BEGIN IMMEDIATE'),
  commit: db.prepare('COMMIT'),
  rollback: db.prepare('ROLLBACK'),
  savepoint: db.prepare('SAVEPOINT append_member'),
  rollbackToSavepoint: db.prepare('ROLLBACK TO append_member'),
  releaseSavepoint: db.prepare('RELEASE append_member'),
  streamRevision: db.prepare('SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1'),
  eventById: db.prepare(`SELECT ${columns} FROM events WHERE id = ?`),
  insert: db.prepare(
    'INSERT INTO events (id, stream, revision, type, data, metadata, occurred_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ),
  readStream: db.prepare(`SELECT ${columns} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`),
  readAll: db.prepare(readAllWhere()),
  readAllByPrefix: db.prepare(readAllWhere(prefixCondition)),
  readAllByType: db.prepare(readAllWhere(typeCondition)),
  readAllByPrefixAndType: db.prepare(readAllWhere(prefixCondition, typeCondition)),
  head: db.prepare('SELECT max(position) AS head FROM events'),
});

export const toStoredEvent = (row: EventRow): StoredEvent => ({
  id: row.id,
  type: row.type,
  stream: row.stream,
  revision: row.revision,
  position: positionOf(row.position),
  data: JSON.parse(row.data) as JsonObject,
  metadata: JSON.parse(row.metadata) as JsonObject,
  occurredAt: row.occurred_at,
  recordedAt: row.recorded_at,
});

/** The last global sequence not to return when reading strictly after `from`. */
export const sequenceBefore = (from: Position | 'start'): bigint => {
  if (from === 'start') return 0n;
  // Our positions have commit = prepare; a foreign position with prepare < commit sorts before ours at `commit`.
  return from.prepare < from.commit ? from.commit - 1n : from.commit;
};
