import { ApiSettingsException, apiSettingsFromEnv } from './api-settings';

describe('apiSettingsFromEnv', () => {
  it('given no variables, when read, then uses the quick-start defaults', () => {
    const settings = apiSettingsFromEnv({}, '/srv/crm');
    expect(settings).toMatchObject({
      port: 3000,
      dataDirectory: '/srv/crm/data',
      readModelsDirectory: '/srv/crm/data',
      blueprintsDirectory: '/srv/crm/blueprints',
      usersFile: '/srv/crm/data/users.yaml',
      eventStore: 'sqlite',
      eventStoreConnectionString: undefined,
    });
  });

  it('given eventstoredb and a connection string, when read, then selects EventStoreDB', () => {
    const settings = apiSettingsFromEnv({ CRM_EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: ' esdb://db:2113?tls=false ' }, '/srv');
    expect(settings.eventStore).toBe('eventstoredb');
    expect(settings.eventStoreConnectionString).toBe('esdb://db:2113?tls=false');
  });

  it('given CRM_READ_MODELS_DIR, when read, then this process keeps its read models there and its events in the data directory', () => {
    const settings = apiSettingsFromEnv({ CRM_DATA_DIR: '/shared/crm', CRM_READ_MODELS_DIR: 'node-2' }, '/srv');
    expect(settings).toMatchObject({ dataDirectory: '/shared/crm', readModelsDirectory: '/srv/node-2' });
  });

  it.each([
    [{ PORT: '70000' }, /PORT must be a whole number/],
    [{ PORT: 'abc' }, /PORT must be a whole number 0-65535, got "abc"/],
    [{ CRM_EVENT_STORE: 'postgres' }, /CRM_EVENT_STORE must be "sqlite" or "eventstoredb", got "postgres"/],
    [{ CRM_EVENT_STORE: 'eventstoredb' }, /needs EVENTSTORE_CONNECTION_STRING/],
  ])('given %j, when read, then stops with an error naming the variable', (env, message) => {
    expect(() => apiSettingsFromEnv(env, '/srv')).toThrow(ApiSettingsException);
    expect(() => apiSettingsFromEnv(env, '/srv')).toThrow(message);
  });
});
