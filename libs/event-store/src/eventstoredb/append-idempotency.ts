import type { ValidatedAppend, ValidatedEvent } from '../append-input.validation';
import { canonicalJson } from '../canonical-json';
import { EventStoreException, EventStoreExceptionCode } from '../event-store.exception';
import type { AppendResult, JsonObject, StoredEvent } from '../event-store.port';

/**
 * The rules the SQLite store applies inside its transaction, applied here to events read back from
 * EventStoreDB: an append whose every id is already stored in this stream, consecutively and with the same
 * type, data and metadata (key order aside), is a retry and gets the original result; any other reuse of
 * an id is `DUPLICATE_EVENT_ID`. Business time is not compared: a retry may default it to a later clock.
 */

export const duplicateEventId = (stream: string, eventId: string, reason: string): EventStoreException =>
  new EventStoreException(EventStoreExceptionCode.DUPLICATE_EVENT_ID, `stream "${stream}": event id ${eventId} ${reason}`, { stream, eventId });

const sameJson = (stored: JsonObject, given: string): boolean => canonicalJson(stored) === canonicalJson(JSON.parse(given) as JsonObject);

/** Why `stored` is not the stored copy of `event` at `expectedRevision`, or `null` if it is. */
export const describeMismatch = (event: ValidatedEvent, stored: StoredEvent, expectedRevision: number): string | null => {
  if (stored.revision !== expectedRevision) return 'is already stored, but not together with the other events of this append';
  if (stored.type !== event.type) return `is already stored with type "${stored.type}", not "${event.type}"`;
  if (!sameJson(stored.data, event.data)) return 'is already stored with other data';
  if (!sameJson(stored.metadata, event.metadata)) return 'is already stored with other metadata';
  return null;
};

const resultOf = (last: StoredEvent): AppendResult => ({ nextExpectedRevision: last.revision, position: last.position });

/**
 * Given the events of the stream that carry ids of this append, the original result when the append is a
 * retry, `null` when none of its ids is stored, and `DUPLICATE_EVENT_ID` for anything in between.
 */
export const findOriginalResult = (append: ValidatedAppend, storedById: ReadonlyMap<string, StoredEvent>): AppendResult | null => {
  const stored = append.events.map((event) => storedById.get(event.id));
  const firstStored = stored.find((event): event is StoredEvent => event !== undefined);
  if (!firstStored) return null;
  const firstRevision = stored[0]?.revision ?? -1;
  append.events.forEach((event, index) => {
    const copy = stored[index];
    if (!copy) throw duplicateEventId(append.stream, firstStored.id, `is already stored, but event id ${event.id} of the same append is not`);
    const mismatch = describeMismatch(event, copy, firstRevision + index);
    if (mismatch) throw duplicateEventId(append.stream, event.id, mismatch);
  });
  return resultOf(stored[stored.length - 1] as StoredEvent);
};

/**
 * Checks what the server acknowledged: the events now at the revisions it reported must be this append's.
 * The server dedups by id alone, so an acknowledgement can stand for events another writer stored under
 * the same ids with other content (two attempts of one command racing); that is `DUPLICATE_EVENT_ID`.
 */
export const verifyAcknowledged = (append: ValidatedAppend, readBack: readonly StoredEvent[]): AppendResult => {
  const firstRevision = readBack[0]?.revision ?? -1;
  append.events.forEach((event, index) => {
    const copy = readBack[index];
    if (!copy || copy.id !== event.id) {
      throw duplicateEventId(append.stream, event.id, 'is already stored, but not together with the other events of this append');
    }
    const mismatch = describeMismatch(event, copy, firstRevision + index);
    if (mismatch) throw duplicateEventId(append.stream, event.id, mismatch);
  });
  return resultOf(readBack[readBack.length - 1] as StoredEvent);
};
