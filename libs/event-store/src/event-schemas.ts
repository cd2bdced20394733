import { EventStoreException, EventStoreExceptionCode } from './event-store.exception';
import type { JsonObject, StoredEvent } from './event-store.port';

/**
 * The metadata key that says which schema version of its type an event's data has. Absent: version 1,
 * so everything stored before a type was first versioned reads as version 1.
 */
export const SCHEMA_VERSION_KEY = 'schemaVersion';

/** Pure: the data of one version of a type, as the next version shapes it. */
export type Upcaster = (data: JsonObject) => JsonObject;

/** One event type's current schema version and how each older version becomes the next. */
export interface EventSchema {
  /** The version writers store today; an integer ≥ 1. */
  readonly version: number;
  /** `upcasters[n]` turns version `n` into version `n + 1`; one for every version below `version`. */
  readonly upcasters?: Readonly<Record<number, Upcaster>>;
}

/** Event type → its schema; types left out are at version 1 and are read as stored. */
export type EventSchemaTable = Readonly<Record<string, EventSchema>>;

interface CheckedSchema {
  readonly version: number;
  readonly steps: readonly Upcaster[];
}

const checkSchema = (type: string, schema: EventSchema): CheckedSchema => {
  if (!Number.isSafeInteger(schema.version) || schema.version < 1) throw new RangeError(`event type ${type}: schema version must be an integer ≥ 1, not ${schema.version}`);
  const steps: Upcaster[] = [];
  for (let version = 1; version < schema.version; version += 1) {
    const upcaster = schema.upcasters?.[version];
    if (upcaster === undefined) throw new RangeError(`event type ${type} is at schema version ${schema.version} but has no upcaster from version ${version}`);
    steps.push(upcaster);
  }
  const extra = Object.keys(schema.upcasters ?? {}).filter((version) => !(Number(version) >= 1 && Number(version) < schema.version));
  if (extra.length > 0) throw new RangeError(`event type ${type} is at schema version ${schema.version}: an upcaster from version ${extra.join(', ')} has nothing to turn into`);
  return { version: schema.version, steps };
};

const storedVersionOf = (event: StoredEvent): number => {
  const value = event.metadata[SCHEMA_VERSION_KEY];
  if (value === undefined) return 1;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1) return value;
  throw new EventStoreException(
    EventStoreExceptionCode.UNKNOWN_SCHEMA_VERSION,
    `event ${event.id} (${event.type}, stream "${event.stream}", revision ${event.revision}) has schema version ${JSON.stringify(value)}, which is no version`,
    { eventId: event.id, type: event.type, stream: event.stream, schemaVersion: value },
  );
};

/**
 * Which schema version each event type is at, and the upcasters that turn older shapes into the current
 * one. The stores apply `upcast` to every event they read (stream reads, `$all` pages, subscriptions), so
 * every reader (folds, projections, replay, audits) sees only current shapes; writers stamp `stampOf`.
 */
export class EventSchemas {
  static readonly none = new EventSchemas({});

  private readonly schemas = new Map<string, CheckedSchema>();

  constructor(table: EventSchemaTable) {
    for (const [type, schema] of Object.entries(table)) this.schemas.set(type, checkSchema(type, schema));
  }

  /** The version writers store today (1 for a type with no schema). */
  versionOf(type: string): number {
    return this.schemas.get(type)?.version ?? 1;
  }

  /** The metadata a writer adds to an event of `type` it stores now: nothing at version 1. */
  stampOf(type: string): JsonObject {
    const version = this.versionOf(type);
    return version === 1 ? {} : { [SCHEMA_VERSION_KEY]: version };
  }

  /**
   * Pure: the event with data of its type's current version. An event already current is given back as
   * it is; one of a version newer than this build knows is refused (its shape cannot be guessed).
   */
  upcast(event: StoredEvent): StoredEvent {
    const schema = this.schemas.get(event.type);
    if (schema === undefined) return event;
    const stored = storedVersionOf(event);
    if (stored === schema.version) return event;
    if (stored > schema.version) {
      throw new EventStoreException(
        EventStoreExceptionCode.UNKNOWN_SCHEMA_VERSION,
        `event ${event.id} (${event.type}, stream "${event.stream}", revision ${event.revision}) has schema version ${stored}; this build knows ${event.type} up to version ${schema.version}. Upgrade the application.`,
        { eventId: event.id, type: event.type, stream: event.stream, schemaVersion: stored, known: schema.version },
      );
    }
    const data = schema.steps.slice(stored - 1).reduce((shaped, step) => step(shaped), event.data);
    return { ...event, data, metadata: { ...event.metadata, [SCHEMA_VERSION_KEY]: schema.version } };
  }
}
