import type { BlueprintDefinition, BlueprintRef } from '@crm/blueprint';
import type { JsonObject, StoredEvent } from '@crm/event-store';

/**
 * Every blueprint version ever published is an event in `_blueprint-<id>` streams. Stream names start
 * with `_` so they can never collide with a record kind.
 */
export const BLUEPRINT_STREAM_PREFIX = '_blueprint-';
export const BLUEPRINT_VERSION_PUBLISHED = 'BlueprintVersionPublished';

export const blueprintStream = (id: string): string => `${BLUEPRINT_STREAM_PREFIX}${id}`;

export interface BlueprintVersionPublished {
  readonly type: typeof BLUEPRINT_VERSION_PUBLISHED;
  readonly data: {
    readonly ref: BlueprintRef;
    readonly definition: BlueprintDefinition;
  };
}

type PublishedData = BlueprintVersionPublished['data'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The stored data has the shape of a published version. Only the envelope is checked here: the
 * definition is trusted as far as its content hash (checked by the catalog against the ref) says it is
 * the one that was validated when published.
 */
const isPublishedData = (data: JsonObject): data is JsonObject & PublishedData => {
  const { ref, definition } = data;
  return (
    isObject(ref) &&
    typeof ref['id'] === 'string' &&
    typeof ref['version'] === 'number' &&
    typeof ref['contentHash'] === 'string' &&
    isObject(definition) &&
    Array.isArray(definition['stages']) &&
    Array.isArray(definition['transitions']) &&
    Array.isArray(definition['fields'])
  );
};

/** The published version a stored event carries, or null when the event is not one (or is malformed). */
export const publishedVersionOf = (event: StoredEvent): PublishedData | null =>
  event.type === BLUEPRINT_VERSION_PUBLISHED && isPublishedData(event.data) ? event.data : null;

/** A definition as stored JSON: plain data already, so a JSON round trip gives it the store's type. */
export const publishedVersionData = (ref: BlueprintRef, definition: BlueprintDefinition): JsonObject => JSON.parse(JSON.stringify({ ref, definition }));
