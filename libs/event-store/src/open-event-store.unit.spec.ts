import { systemClock } from '@crm/clock';
import { eventStoreConfigFromEnv, openEventStore } from './open-event-store';

describe('eventStoreConfigFromEnv', () => {
  it('given nothing set, then the embedded SQLite store in ./data', () => {
    expect(eventStoreConfigFromEnv({})).toEqual({ kind: 'sqlite', directory: './data' });
  });

  it('given CRM_DATA_DIR, then SQLite keeps its events there', () => {
    expect(eventStoreConfigFromEnv({ CRM_EVENT_STORE: 'sqlite', CRM_DATA_DIR: '/var/lib/crm' })).toEqual({ kind: 'sqlite', directory: '/var/lib/crm' });
  });

  it('given eventstoredb and a connection string, then EventStoreDB with that connection string', () => {
    const env = { CRM_EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: ' esdb://localhost:2113?tls=false ', CRM_DATA_DIR: '/data' };

    expect(eventStoreConfigFromEnv(env)).toEqual({ kind: 'eventstoredb', connectionString: 'esdb://localhost:2113?tls=false' });
  });

  it('given blank variables, then they count as unset', () => {
    expect(eventStoreConfigFromEnv({ CRM_EVENT_STORE: '  ', CRM_DATA_DIR: '' })).toEqual({ kind: 'sqlite', directory: './data' });
  });

  it('given eventstoredb without a connection string, then the error says which variable to set', () => {
    expect(() => eventStoreConfigFromEnv({ CRM_EVENT_STORE: 'eventstoredb' })).toThrow(/EVENTSTORE_CONNECTION_STRING/);
  });

  it('given an unknown store, then the error names the variable, the value and the choices', () => {
    expect(() => eventStoreConfigFromEnv({ CRM_EVENT_STORE: 'postgres' })).toThrow('CRM_EVENT_STORE is "postgres", which is not an event store; use one of: sqlite, eventstoredb');
  });
});

describe('openEventStore', () => {
  it('given eventstoredb without a connection string, then it refuses before connecting', async () => {
    await expect(openEventStore({ kind: 'eventstoredb', connectionString: ' ', clock: systemClock })).rejects.toThrow(/needs a connection string/);
  });

  it('given a kind that is not a store (from untyped code), then it refuses with the choices', async () => {
    await expect(openEventStore({ kind: 'mongo', clock: systemClock } as unknown as Parameters<typeof openEventStore>[0])).rejects.toThrow(/"mongo".*sqlite, eventstoredb/);
  });
});
