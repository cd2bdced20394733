import type { Clock } from '@crm/clock';
import type { EventSchemas } from './event-schemas';
import type { EventStore } from './event-store.port';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export const eventStoreKinds = ['sqlite', 'eventstoredb'] as const;
export type EventStoreKind = (typeof eventStoreKinds)[number];

export interface EventStoreConfig {
  readonly kind: EventStoreKind;
  /** SQLite only: the folder of `events.sqlite`; default `./data`. */
  readonly directory?: string;
  /** EventStoreDB only, required: e.g. `esdb://localhost:2113?tls=false`. */
  readonly connectionString?: string;
}

export const defaultDataDirectory = './data';

const isKind = (value: string): value is EventStoreKind => (eventStoreKinds as readonly string[]).includes(value);

const unknownKind = (kind: string, source: string): Error =>
  new Error(`${source} is "${kind}", which is not an event store; use one of: ${eventStoreKinds.join(', ')}`);

const missingConnectionString = (): Error =>
  new Error('the eventstoredb event store needs a connection string: set EVENTSTORE_CONNECTION_STRING, e.g. esdb://localhost:2113?tls=false');

/** Blank and whitespace-only variables count as unset, as they do in most shells' `FOO= cmd`. */
const valueOf = (env: NodeJS.ProcessEnv, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value ? value : undefined;
};

/**
 * Reads the store choice from the environment: `CRM_EVENT_STORE` (`sqlite`, the default, or `eventstoredb`),
 * `CRM_DATA_DIR` for SQLite (default `./data`), `EVENTSTORE_CONNECTION_STRING` for EventStoreDB (required).
 * Fails on a wrong choice here, at startup, rather than on the first command.
 */
export const eventStoreConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): EventStoreConfig => {
  const kind = valueOf(env, 'CRM_EVENT_STORE') ?? 'sqlite';
  if (!isKind(kind)) throw unknownKind(kind, 'CRM_EVENT_STORE');
  if (kind === 'sqlite') return { kind, directory: valueOf(env, 'CRM_DATA_DIR') ?? defaultDataDirectory };
  const connectionString = valueOf(env, 'EVENTSTORE_CONNECTION_STRING');
  if (!connectionString) throw missingConnectionString();
  return { kind, connectionString };
};

/**
 * Opens the configured store; for EventStoreDB it resolves once the server has answered. The clock gives
 * the business time of events appended without `occurredAt`; the composition root chooses it. `schemas`:
 * the event types' schema versions, which every read upcasts to (README, "Event schema versions").
 */
export const openEventStore = async (config: EventStoreConfig & { readonly clock: Clock; readonly schemas?: EventSchemas }): Promise<EventStore> => {
  const kind: string = config.kind;
  const { clock, schemas } = config;
  if (kind === 'sqlite') return SqliteEventStore.open({ directory: config.directory ?? defaultDataDirectory, clock, ...(schemas === undefined ? {} : { schemas }) });
  if (kind === 'eventstoredb') {
    const connectionString = config.connectionString?.trim();
    if (!connectionString) throw missingConnectionString();
    return EventStoreDbEventStore.connect({ connectionString, clock, ...(schemas === undefined ? {} : { schemas }) });
  }
  throw unknownKind(kind, 'the event store kind');
};
