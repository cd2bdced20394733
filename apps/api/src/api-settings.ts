import { join, resolve } from 'node:path';

export interface ApiSettings {
  readonly port: number;
  readonly host: string;
  readonly dataDirectory: string;
  /**
   * Where this process keeps its read models (`read-models.sqlite`); default the data directory. Processes
   * sharing one SQLite store each give their own, so each builds its read models from its own
   * subscription (README, Scaling out).
   */
  readonly readModelsDirectory?: string;
  readonly blueprintsDirectory: string;
  readonly usersFile: string;
  readonly eventStore: 'sqlite' | 'eventstoredb';
  /** EventStoreDB only: `EVENTSTORE_CONNECTION_STRING`, e.g. `esdb://localhost:2113?tls=false`. */
  readonly eventStoreConnectionString: string | undefined;
  readonly tokenSecret: string | undefined;
  /** Largest accepted request body, bytes; larger bodies get 413. */
  readonly bodyLimit: number;
  /** `CRM_PAYMENTS_SECRET`: the payment system's webhook signing secret; default one kept in the data directory. */
  readonly paymentsSecret?: string;
  /** `CRM_ACCEPTANCE_LINK_SECRET`: signs customers' quote acceptance links; default one kept in the data directory. */
  readonly acceptanceLinkSecret?: string;
}

export class ApiSettingsException extends Error {}

const portOf = (value: string | undefined): number => {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new ApiSettingsException(`PORT must be a whole number 0-65535, got "${value}"`);
  return port;
};

/** Settings from the environment, with the quick start's defaults; a bad value stops the start with its name. */
export const apiSettingsFromEnv = (env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): ApiSettings => {
  const dataDirectory = resolve(cwd, env['CRM_DATA_DIR'] || './data');
  const eventStore = env['CRM_EVENT_STORE'] || 'sqlite';
  if (eventStore !== 'sqlite' && eventStore !== 'eventstoredb') {
    throw new ApiSettingsException(`CRM_EVENT_STORE must be "sqlite" or "eventstoredb", got "${eventStore}"`);
  }
  const eventStoreConnectionString = env['EVENTSTORE_CONNECTION_STRING']?.trim() || undefined;
  if (eventStore === 'eventstoredb' && !eventStoreConnectionString) {
    throw new ApiSettingsException('CRM_EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING, e.g. esdb://localhost:2113?tls=false');
  }
  return {
    port: portOf(env['PORT']),
    host: env['HOST'] || '127.0.0.1',
    dataDirectory,
    readModelsDirectory: resolve(cwd, env['CRM_READ_MODELS_DIR'] || dataDirectory),
    blueprintsDirectory: resolve(cwd, env['CRM_BLUEPRINTS_DIR'] || './blueprints'),
    usersFile: resolve(cwd, env['CRM_USERS_FILE'] || resolve(dataDirectory, 'users.yaml')),
    eventStore,
    eventStoreConnectionString,
    tokenSecret: env['CRM_JWT_SECRET'] || undefined,
    bodyLimit: 1024 * 1024,
    ...(env['CRM_PAYMENTS_SECRET'] ? { paymentsSecret: env['CRM_PAYMENTS_SECRET'] } : {}),
    ...(env['CRM_ACCEPTANCE_LINK_SECRET'] ? { acceptanceLinkSecret: env['CRM_ACCEPTANCE_LINK_SECRET'] } : {}),
  };
};

/**
 * Settings for an API on this machine only, as tests, scripts and the bench start it: an ephemeral port on
 * the loopback, the embedded SQLite store, the users file in the data directory, bodies up to 1 MiB.
 */
export const localApiSettings = (dataDirectory: string, blueprintsDirectory: string): ApiSettings => ({
  port: 0,
  host: '127.0.0.1',
  dataDirectory,
  blueprintsDirectory,
  usersFile: join(dataDirectory, 'users.yaml'),
  eventStore: 'sqlite',
  eventStoreConnectionString: undefined,
  tokenSecret: undefined,
  bodyLimit: 1024 * 1024,
});
