import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '@crm/clock';
import { newEvents } from './contract';
import { WireLevelStandIn } from './eventstoredb/stand-in/wire-level-stand-in';
import { eventStoreConfigFromEnv, openEventStore } from './open-event-store';

describe('openEventStore', () => {
  it('given the SQLite configuration from the environment, then an SQLite store in that folder', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'crm-open-event-store-'));
    try {
      const store = await openEventStore({ ...eventStoreConfigFromEnv({ CRM_DATA_DIR: directory }), clock: systemClock });
      await store.append('deal-1', newEvents(1), 'no_stream');

      expect(store.kind).toBe('sqlite');
      expect(await store.readStream('deal-1')).toHaveLength(1);
      await store.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('given the EventStoreDB configuration from the environment, then a store connected to that server (the wire-level stand-in)', async () => {
    const standIn = await WireLevelStandIn.start();
    try {
      const store = await openEventStore({ ...eventStoreConfigFromEnv({ CRM_EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: standIn.connectionString }), clock: systemClock });
      await store.append('deal-1', newEvents(1), 'no_stream');

      expect(store.kind).toBe('eventstoredb');
      expect(await store.readStream('deal-1')).toHaveLength(1);
      await store.close();
    } finally {
      await standIn.stop();
    }
  });

  it('given an EventStoreDB address where nothing listens, then opening fails with UNAVAILABLE naming the server', async () => {
    const standIn = await WireLevelStandIn.start();
    const connectionString = standIn.connectionString;
    await standIn.stop();

    await expect(openEventStore({ kind: 'eventstoredb', connectionString, clock: systemClock })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining(`cannot reach EventStoreDB at ${connectionString}`),
    });
  });
});
