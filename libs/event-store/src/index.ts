export type {
  AppendResult,
  EventFilter,
  EventStore,
  EventSubscription,
  ExpectedRevision,
  JsonObject,
  JsonValue,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  StoreWarning,
  SubscribeOptions,
} from './event-store.port';
export { comparePositions, isAfter, parsePosition, positionOf, serializePosition } from './position';
export type { Position, ReadFrom } from './position';
export { EventStoreException, EventStoreExceptionCode, wrongExpectedRevision } from './event-store.exception';
export type { EventStoreExceptionDetails } from './event-store.exception';
export { SqliteEventStore } from './sqlite/sqlite-event-store';
export type { SqliteEventStoreOptions, SqliteEventStoreStats } from './sqlite/sqlite-event-store';
export { makePrivateDirectory, narrowDatabaseSidecars, preparePrivateDatabaseFile } from './sqlite/private-database-files';
export { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
export type { EventStoreDbEventStoreOptions, UnavailableRetry } from './eventstoredb/eventstoredb-event-store';
export { backoffDelay, checkBackoffPolicy } from './eventstoredb/resubscribe-backoff';
export type { BackoffPolicy } from './eventstoredb/resubscribe-backoff';
export { defaultDataDirectory, eventStoreConfigFromEnv, eventStoreKinds, openEventStore } from './open-event-store';
export type { EventStoreConfig, EventStoreKind } from './open-event-store';
export { EventSchemas, SCHEMA_VERSION_KEY } from './event-schemas';
export type { EventSchema, EventSchemaTable, Upcaster } from './event-schemas';
