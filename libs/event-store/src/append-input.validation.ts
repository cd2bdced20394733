import { normalizeIsoDateTime } from '@crm/clock';
import { EventStoreException, EventStoreExceptionCode } from './event-store.exception';
import type { ExpectedRevision, JsonObject, NewEvent } from './event-store.port';
import { findNonJson, isJsonObject } from './canonical-json';

export const maxStreamNameLength = 512;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A `NewEvent` that passed validation: id lower-cased, data and metadata serialized, occurredAt normalized. */
export interface ValidatedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  /** `null` when the caller gave none: the store fills in its clock at commit. */
  readonly occurredAt: string | null;
}

export interface ValidatedAppend {
  readonly stream: string;
  readonly events: readonly ValidatedEvent[];
  readonly expectedRevision: ExpectedRevision;
}

const invalid = (message: string, details: Record<string, unknown> = {}): EventStoreException =>
  new EventStoreException(EventStoreExceptionCode.INVALID_APPEND, message, details);

const show = (value: unknown): string => {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function' || typeof value === 'symbol') return `a ${typeof value}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

const isBlankString = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

// EventStoreDB treats `$`-prefixed streams and event types as system ones (ACL-protected, left out of the
// global order we read); rejecting them on every adapter keeps what SQLite stores readable everywhere.
const systemPrefix = '$';

/**
 * The EventStoreDB store claims each event id in a stream of this prefix (a user stream, so a non-admin
 * user may write it); reserved in both stores so data moves between them unchanged.
 */
export const eventIdClaimStreamPrefix = '_crm-event-id-';

/** EventStoreDB's default `MaxAppendSize`: the most one append may carry, counted as the server counts it. */
export const maxAppendBytes = 1_048_576;

/** EventStoreDB's largest event record: 16 MiB less the overhead it keeps for the record itself. */
export const maxEventBytes = 16 * 1024 * 1024 - 10_000;

// The EventStoreDB store wraps each event's metadata with its business time (stored-event.mapping);
// counting that allowance in both stores makes them refuse exactly the same appends.
const metadataEnvelopeAllowance = 64;

/** An event's size as the server counts it (data, metadata, and the type at two bytes a character). */
export const eventSizeOf = (event: Pick<ValidatedEvent, 'type' | 'data' | 'metadata'>): number =>
  Buffer.byteLength(event.data) + Buffer.byteLength(event.metadata) + metadataEnvelopeAllowance + 2 * event.type.length;

const checkStream = (stream: unknown): string => {
  if (isBlankString(stream)) return 'the stream name must be a non-empty string';
  if ((stream as string).startsWith(systemPrefix)) return `stream "${stream as string}": names starting with "$" are reserved for system streams`;
  if ((stream as string).startsWith(eventIdClaimStreamPrefix)) {
    return `stream "${stream as string}": names starting with "${eventIdClaimStreamPrefix}" are reserved for the store's event-id claims`;
  }
  if ((stream as string).length > maxStreamNameLength) {
    return `the stream name is ${(stream as string).length} characters long; at most ${maxStreamNameLength} are allowed`;
  }
  return '';
};

const checkExpectedRevision = (expected: unknown): string =>
  expected === 'any' || expected === 'no_stream' || (Number.isSafeInteger(expected) && (expected as number) >= 0)
    ? ''
    : `expectedRevision must be a revision (integer ≥ 0), 'no_stream' or 'any', not ${show(expected)}`;

const checkJsonObject = (value: unknown, path: string): string => {
  if (!isJsonObject(value)) return `${path} must be a plain JSON object`;
  return findNonJson(value, path) ?? '';
};

const occurredAtProblem = (occurredAt: unknown, path: string): string =>
  `${path} must be an ISO-8601 date-time with an offset (e.g. 2026-03-01T09:30:00Z), not ${show(occurredAt)}`;

const checkEvent = (event: unknown, path: string): string => {
  if (typeof event !== 'object' || event === null) return `${path} must be an object`;
  const { id, type, data, metadata, occurredAt } = event as Partial<Record<keyof NewEvent, unknown>>;
  if (typeof id !== 'string' || !uuidPattern.test(id)) return `${path}.id must be a UUID string, not ${show(id)}`;
  if (isBlankString(type)) return `${path}.type must be a non-empty string`;
  if ((type as string).startsWith(systemPrefix)) return `${path}.type ${show(type)} starts with "$", which is reserved for system events`;
  return (
    checkJsonObject(data, `${path}.data`) ||
    (metadata === undefined ? '' : checkJsonObject(metadata, `${path}.metadata`)) ||
    (occurredAt === undefined || typeof occurredAt === 'string' ? '' : occurredAtProblem(occurredAt, `${path}.occurredAt`))
  );
};

const findRepeatedId = (events: readonly NewEvent[]): string | null => {
  const seen = new Set<string>();
  for (const event of events) {
    const id = event.id.toLowerCase();
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return null;
};

/** The event as stored, or its last problem (an occurredAt that is text but no date-time), checked once. */
const toValidatedEvent = (event: NewEvent, path: string): ValidatedEvent | string => {
  const occurredAt = event.occurredAt === undefined ? null : normalizeIsoDateTime(event.occurredAt);
  if (occurredAt === null && event.occurredAt !== undefined) return occurredAtProblem(event.occurredAt, `${path}.occurredAt`);
  return {
    id: event.id.toLowerCase(),
    type: event.type,
    data: JSON.stringify(event.data),
    metadata: JSON.stringify(event.metadata ?? ({} satisfies JsonObject)),
    occurredAt,
  };
};

/**
 * Checks an append before anything is queued, so a malformed append never reaches the database and
 * never takes part in a group commit. Throws `INVALID_APPEND` naming the first problem found.
 */
export const validateAppend = (stream: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): ValidatedAppend => {
  const streamProblem = checkStream(stream);
  if (streamProblem) throw invalid(streamProblem, { stream });
  const revisionProblem = checkExpectedRevision(expectedRevision);
  if (revisionProblem) throw invalid(revisionProblem, { stream });
  if (!Array.isArray(events) || events.length === 0) throw invalid(`stream "${stream}": an append needs at least one event`, { stream });

  const validated = events.map((event, index) => {
    const path = `events[${index}]`;
    const checked = checkEvent(event, path) || toValidatedEvent(event, path);
    if (typeof checked === 'string') throw invalid(`stream "${stream}": ${checked}`, { stream, index });
    return checked;
  });
  const repeated = findRepeatedId(events);
  if (repeated) throw invalid(`stream "${stream}": event id ${repeated} appears more than once in this append`, { stream, eventId: repeated });

  const sizes = validated.map(eventSizeOf);
  const oversized = sizes.findIndex((size) => size > maxEventBytes);
  if (oversized >= 0) {
    throw invalid(`stream "${stream}": events[${oversized}] is ${sizes[oversized]} bytes; an event may hold at most ${maxEventBytes}`, { stream, index: oversized });
  }
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total > maxAppendBytes) {
    throw invalid(`stream "${stream}": this append is ${total} bytes; one append may carry at most ${maxAppendBytes} (split it)`, { stream, size: total });
  }
  return { stream, events: validated, expectedRevision };
};
