import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { describeEventStoreContract, describeSchemaEvolutionContract } from '../contract';
import { SqliteEventStore } from './sqlite-event-store';

describeEventStoreContract('sqlite', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'crm-event-store-contract-'));
  const clock = new ManualClock('2026-03-01T09:00:00.000Z');
  const store = await SqliteEventStore.open({ directory, clock, livePollIntervalMs: 50 });
  return {
    store,
    clock,
    dispose: async () => {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
});

describeSchemaEvolutionContract('sqlite', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'crm-event-store-schemas-'));
  const clock = new ManualClock('2026-03-01T09:00:00.000Z');
  return {
    open: (schemas) => SqliteEventStore.open({ directory, clock, livePollIntervalMs: 50, ...(schemas === undefined ? {} : { schemas }) }),
    dispose: async () => rmSync(directory, { recursive: true, force: true }),
  };
});
