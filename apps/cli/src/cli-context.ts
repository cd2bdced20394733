import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadAssignmentRulesBeside } from '@crm/assignment';
import { loadBlueprintDirectory } from '@crm/blueprint';
import { Engine } from '@crm/engine';
import { eventStoreConfigFromEnv, openEventStore as openConfiguredStore, SqliteEventStore, type EventStore, type EventStoreConfig } from '@crm/event-store';
import { RoleAccessPolicy, type UserDirectory } from '@crm/identity';
import { ReadModelDatabase } from '@crm/projection-runtime';
import { BlueprintCatalog, RECORD_EVENT_SCHEMAS } from '@crm/workflow';
import { CliException, CliExceptionCode } from './cli.exception';
import type { CommandInput } from './cli-command';

/** Where SqliteEventStore keeps the events inside the data directory. */
const EVENTS_FILE = 'events.sqlite';

const requireSqliteStore = (input: CommandInput): void => {
  if (!existsSync(join(input.dataDir, EVENTS_FILE))) {
    throw new CliException(CliExceptionCode.NO_DATA, `no event store in ${input.dataDir} (no ${EVENTS_FILE}); pass --data-dir or set CRM_DATA_DIR`, {
      dataDir: input.dataDir,
    });
  }
};

/** Opens the event store; only an import may create a new one, everything else reports a missing store. */
export const openEventStore = async (input: CommandInput, options: { readonly create?: boolean } = {}): Promise<SqliteEventStore> => {
  if (!options.create) requireSqliteStore(input);
  return SqliteEventStore.open({ directory: input.dataDir, clock: input.io.clock, schemas: RECORD_EVENT_SCHEMAS });
};

/** The store the API would use: `CRM_EVENT_STORE` (`sqlite`, the default, or `eventstoredb` with `EVENTSTORE_CONNECTION_STRING`). */
const eventStoreChoice = (input: CommandInput): Pick<EventStoreConfig, 'kind' | 'connectionString'> => {
  try {
    const { kind, connectionString } = eventStoreConfigFromEnv(input.io.env);
    return { kind, connectionString };
  } catch (error) {
    throw new CliException(CliExceptionCode.INVALID_CONFIG, (error as Error).message);
  }
};

/**
 * Reports a wrong `CRM_EVENT_STORE` choice, and a missing SQLite store unless it may be created, before
 * anything creates files in the data directory; an EventStoreDB store answers for itself when opened.
 */
export const checkEventStore = (input: CommandInput, options: { readonly create: boolean }): void => {
  if (eventStoreChoice(input).kind === 'sqlite' && !options.create) requireSqliteStore(input);
};

/**
 * The store `CRM_EVENT_STORE` names, which must exist already: where platform actions (quotas, forecast
 * snapshots) are stored as events, beside the records.
 */
export const openChosenEventStore = async (input: CommandInput): Promise<EventStore> => {
  checkEventStore(input, { create: false });
  return openConfiguredStore({ ...eventStoreChoice(input), directory: input.dataDir, clock: input.io.clock, schemas: RECORD_EVENT_SCHEMAS });
};

/**
 * The engine exactly as the API opens it (store, blueprint catalog from `--blueprints`, the one command
 * handler), so a record written here is decided and stored as over HTTP. Opens (and creates) the store
 * `CRM_EVENT_STORE` names; call `checkEventStore` first where a missing store is an error.
 */
export const openEngine = async (input: CommandInput, users: UserDirectory): Promise<Engine> =>
  Engine.open({
    dataDirectory: input.dataDir,
    blueprintsDirectory: input.blueprintsDir,
    clock: input.io.clock,
    eventStore: eventStoreChoice(input),
    policy: new RoleAccessPolicy(() => users),
    teamOf: (user) => users.teamOf(user),
    // The pool's rules judge claims the same way here as over HTTP (README, Lead pool).
    pool: loadAssignmentRulesBeside(input.blueprintsDir).rules.pool,
  });

export const openReadModels = (input: CommandInput): ReadModelDatabase => ReadModelDatabase.open({ directory: input.dataDir });

/**
 * The catalog of every blueprint version in the store, plus the files in `--blueprints` (published when
 * new, like at server start). Without the folder, the versions already in the store are used.
 */
export const openCatalog = async (store: SqliteEventStore, input: CommandInput): Promise<BlueprintCatalog> =>
  BlueprintCatalog.open(store, existsSync(input.blueprintsDir) ? loadBlueprintDirectory(input.blueprintsDir) : []);

/**
 * The versions published in the store `CRM_EVENT_STORE` names, without publishing anything; null when
 * there is no SQLite store in the data directory yet (nothing is published there).
 */
export const openPublishedVersions = async (input: CommandInput): Promise<{ catalog: BlueprintCatalog; close: () => Promise<void> } | null> => {
  if (eventStoreChoice(input).kind === 'sqlite' && !existsSync(join(input.dataDir, EVENTS_FILE))) return null;
  const store = await openChosenEventStore(input);
  try {
    const catalog = await BlueprintCatalog.open(store);
    return { catalog, close: () => store.close() };
  } catch (error) {
    await store.close();
    throw error;
  }
};

/** Runs `use` and closes what was opened, in reverse order, whatever happens. */
export const using = async <T>(closers: (() => unknown)[], use: () => Promise<T>): Promise<T> => {
  try {
    return await use();
  } finally {
    for (const close of [...closers].reverse()) await close();
  }
};
