import type { Database } from 'better-sqlite3';
import type { ValidatedAppend, ValidatedEvent } from '../append-input.validation';
import { canonicalJson } from '../canonical-json';
import { EventStoreException, EventStoreExceptionCode, wrongExpectedRevision } from '../event-store.exception';
import type { AppendResult, ExpectedRevision, JsonObject } from '../event-store.port';
import { positionOf } from '../position';
import { describeError } from './describe-error';
import type { EventRow, SqliteStatements } from './sqlite-statements';

export type MemberOutcome =
  | { readonly ok: true; readonly result: AppendResult }
  | { readonly ok: false; readonly error: EventStoreException };

/** A group also stops growing past this many events, so one flush never blocks the loop for long. */
export const maxGroupEvents = 10_000;

/** Takes the next group off the queue: at least one append, then up to the member and event caps. */
export const takeGroup = <Member extends { readonly append: ValidatedAppend }>(queue: Member[], maxMembers: number): Member[] => {
  let events = 0;
  let size = 0;
  while (size < queue.length && size < maxMembers) {
    events += (queue[size] as Member).append.events.length;
    if (size > 0 && events > maxGroupEvents) break;
    size += 1;
  }
  return queue.splice(0, size);
};

export type StreamRevision = number | 'no_stream';

export const conflictsWith = (expected: ExpectedRevision, actual: StreamRevision): boolean => {
  if (expected === 'any') return false;
  if (expected === 'no_stream') return actual !== 'no_stream';
  return actual !== expected;
};

const sameJson = (stored: string, given: string): boolean =>
  stored === given || canonicalJson(JSON.parse(stored) as JsonObject) === canonicalJson(JSON.parse(given) as JsonObject);

/** Why `row` is not the stored copy of `event` at `expectedRevision` of `stream`, or `null` if it is. */
export const describeMismatch = (
  stream: string,
  event: ValidatedEvent,
  row: EventRow,
  expectedRevision: number,
): string | null => {
  if (row.stream !== stream) return `is already stored in stream "${row.stream}"`;
  if (row.revision !== expectedRevision) return 'is already stored, but not together with the other events of this append';
  if (row.type !== event.type) return `is already stored with type "${row.type}", not "${event.type}"`;
  if (!sameJson(row.data, event.data)) return 'is already stored with other data';
  if (!sameJson(row.metadata, event.metadata)) return 'is already stored with other metadata';
  return null;
};

const duplicateEventId = (stream: string, eventId: string, reason: string): EventStoreException =>
  new EventStoreException(EventStoreExceptionCode.DUPLICATE_EVENT_ID, `stream "${stream}": event id ${eventId} ${reason}`, {
    stream,
    eventId,
  });

/**
 * An append whose every event id is already stored, in this stream, consecutively, with the same content,
 * is a retry: it gets the original result whatever its expected revision says (as in EventStoreDB).
 * Any other reuse of an id is an error, so an id never silently stands for two different events.
 */
const findOriginalResult = (statements: SqliteStatements, append: ValidatedAppend): AppendResult | null => {
  const rows = append.events.map((event) => statements.eventById.get(event.id));
  const firstStored = rows.find((row): row is EventRow => row !== undefined);
  if (!firstStored) return null;
  const firstRevision = rows[0]?.revision ?? -1;
  append.events.forEach((event, index) => {
    const row = rows[index];
    if (!row) {
      throw duplicateEventId(append.stream, firstStored.id, `is already stored, but event id ${event.id} of the same append is not`);
    }
    const mismatch = describeMismatch(append.stream, event, row, firstRevision + index);
    if (mismatch) throw duplicateEventId(append.stream, event.id, mismatch);
  });
  const last = rows[rows.length - 1] as EventRow;
  return { nextExpectedRevision: last.revision, position: positionOf(last.position) };
};

const insertEvents = (statements: SqliteStatements, append: ValidatedAppend, firstRevision: number, recordedAt: string): AppendResult => {
  let lastPosition = 0;
  append.events.forEach((event, index) => {
    const { lastInsertRowid } = statements.insert.run(
      event.id,
      append.stream,
      firstRevision + index,
      event.type,
      event.data,
      event.metadata,
      event.occurredAt ?? recordedAt,
      recordedAt,
    );
    lastPosition = Number(lastInsertRowid);
  });
  return { nextExpectedRevision: firstRevision + append.events.length - 1, position: positionOf(lastPosition) };
};

/** `UNIQUE constraint failed: events.id`: an event id of the append is stored already (SQLite names the column). */
const isStoredIdViolation = (error: unknown): boolean =>
  // Not `instanceof Error`: better-sqlite3 builds its errors in the realm of its addon, which a test sandbox does not share.
  typeof error === 'object' &&
  error !== null &&
  'code' in error &&
  error.code === 'SQLITE_CONSTRAINT_UNIQUE' &&
  'message' in error &&
  typeof error.message === 'string' &&
  error.message.includes('events.id');

/**
 * Reads the stream's revision inside the open transaction, so it includes earlier members of the group.
 * A retry is recognised by its ids only when the append cannot simply go in (its revision conflicts, or
 * the unique id refuses an insert), so a new append costs no look-up per event id.
 */
const applyMember = (statements: SqliteStatements, append: ValidatedAppend, recordedAt: string): AppendResult => {
  const actual: StreamRevision = statements.streamRevision.get(append.stream)?.revision ?? 'no_stream';
  if (conflictsWith(append.expectedRevision, actual)) {
    // An append already stored gets its original result whatever its expected revision says.
    const original = findOriginalResult(statements, append);
    if (original) return original;
    throw wrongExpectedRevision(append.stream, append.expectedRevision, actual);
  }
  return insertEvents(statements, append, actual === 'no_stream' ? 0 : actual + 1, recordedAt);
};

const undoMember = (statements: SqliteStatements): void => {
  statements.rollbackToSavepoint.run();
  statements.releaseSavepoint.run();
};

const retriedOrRefused = (statements: SqliteStatements, append: ValidatedAppend, violation: unknown): MemberOutcome => {
  try {
    const original = findOriginalResult(statements, append);
    if (original) return { ok: true, result: original };
  } catch (error) {
    if (error instanceof EventStoreException) return { ok: false, error };
    throw error;
  }
  throw violation;
};

// Only the store's own refusals (conflict, duplicate id) are one member's failure; any other error
// (disk full, I/O, read-only) leaves the transaction in doubt and fails the whole group.
const applyInSavepoint = (statements: SqliteStatements, append: ValidatedAppend, recordedAt: string): MemberOutcome => {
  statements.savepoint.run();
  try {
    const result = applyMember(statements, append, recordedAt);
    statements.releaseSavepoint.run();
    return { ok: true, result };
  } catch (error) {
    if (isStoredIdViolation(error)) {
      // With the member's own inserts undone, its ids say whether it is a retry (its first result) or a reuse (refused).
      undoMember(statements);
      return retriedOrRefused(statements, append, error);
    }
    if (!(error instanceof EventStoreException)) throw error;
    undoMember(statements);
    return { ok: false, error };
  }
};

const rollbackIfOpen = (db: Database, statements: SqliteStatements): string => {
  if (!db.inTransaction) return '';
  try {
    statements.rollback.run();
    return '';
  } catch (error) {
    return `; rolling back failed too (${describeError(error)})`;
  }
};

export const groupCommitFailed = (error: unknown, groupSize: number, rollbackProblem = ''): EventStoreException =>
  new EventStoreException(
    EventStoreExceptionCode.UNAVAILABLE,
    `the append was not stored: the database refused the transaction of its group of ${groupSize} appends (${describeError(error)})${rollbackProblem}`,
    { cause: describeError(error), groupSize },
  );

/**
 * Commits `appends` in one `BEGIN IMMEDIATE … COMMIT`, each in its own savepoint so a member that
 * conflicts is rolled back alone. Returns one outcome per member once COMMIT has returned (the WAL is
 * fsynced by then). Throws `UNAVAILABLE` when the transaction as a whole fails; nothing is stored then.
 */
export const commitGroup = (
  db: Database,
  statements: SqliteStatements,
  appends: readonly ValidatedAppend[],
  recordedAt: string,
): MemberOutcome[] => {
  try {
    statements.begin.run();
    const outcomes = appends.map((append) => applyInSavepoint(statements, append, recordedAt));
    statements.commit.run();
    return outcomes;
  } catch (error) {
    throw groupCommitFailed(error, appends.length, rollbackIfOpen(db, statements));
  }
};
