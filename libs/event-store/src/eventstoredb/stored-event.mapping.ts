import type { ValidatedEvent } from '../append-input.validation';
import { isJsonObject } from '../canonical-json';
import type { JsonObject, StoredEvent } from '../event-store.port';
import type { GatewayEvent, ProposedEvent } from './eventstoredb.gateway';

/**
 * EventStoreDB gives an event one free-form metadata document, and no business time. We store
 * `{ "occurredAt": "<ISO-8601>", "metadata": { ...the caller's metadata } }` there: an envelope rather than
 * a reserved key mixed into the caller's metadata, so no metadata key is off limits and reading it back
 * is unambiguous. `recordedAt` is the server's own `created` timestamp.
 */
export interface MetadataEnvelope {
  readonly occurredAt: string;
  readonly metadata: JsonObject;
}

const isEnvelope = (value: unknown): value is MetadataEnvelope =>
  isJsonObject(value) &&
  typeof (value as Record<string, unknown>)['occurredAt'] === 'string' &&
  isJsonObject((value as Record<string, unknown>)['metadata']) &&
  Object.keys(value as object).length === 2;

export const toProposedEvent = (event: ValidatedEvent, defaultOccurredAt: string): ProposedEvent => ({
  id: event.id,
  type: event.type,
  data: JSON.parse(event.data) as JsonObject,
  metadata: { occurredAt: event.occurredAt ?? defaultOccurredAt, metadata: JSON.parse(event.metadata) as JsonObject } satisfies MetadataEnvelope,
});

/**
 * Events written by other tools have no envelope: their JSON metadata is taken as it is and their business
 * time is the time the server recorded them. Data that is not a JSON object cannot be a `StoredEvent`,
 * so such an event is refused by name instead of being skipped or mangled.
 */
export const unwrapMetadata = (metadata: unknown, recordedAt: string): MetadataEnvelope => {
  if (isEnvelope(metadata)) return metadata;
  return { occurredAt: recordedAt, metadata: isJsonObject(metadata) ? (metadata as JsonObject) : {} };
};

export const describeEvent = (event: GatewayEvent): string => `event ${event.id} (stream "${event.stream}", revision ${event.revision})`;

/**
 * Why the port cannot carry this event, or `null` when it can. Other tools sharing the database may write
 * binary events, or events marked JSON whose data does not parse (the client then hands over the raw
 * text) or is not an object.
 */
export const undeliverableReason = (event: GatewayEvent): string | null => {
  if (!event.isJson) return 'its data is not JSON (binary content)';
  if (typeof event.data === 'string') return 'its data is marked JSON but does not parse';
  if (!isJsonObject(event.data)) return 'its data is JSON but not an object';
  return null;
};

export const toStoredEvent = (event: GatewayEvent): StoredEvent => {
  const undeliverable = undeliverableReason(event);
  if (undeliverable !== null) {
    throw new Error(`${describeEvent(event)} cannot be read: ${undeliverable}; this store reads JSON objects only`);
  }
  if (event.position === undefined) {
    throw new Error(`${describeEvent(event)} came without its $all position (older EventStoreDB versions leave it out of stream reads); this adapter needs it`);
  }
  const recordedAt = event.created.toISOString();
  const { occurredAt, metadata } = unwrapMetadata(event.metadata, recordedAt);
  return {
    id: event.id,
    type: event.type,
    stream: event.stream,
    revision: Number(event.revision),
    position: event.position,
    data: event.data as JsonObject,
    metadata,
    occurredAt,
    recordedAt,
  };
};
