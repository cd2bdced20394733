import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { newCommandId } from '@crm/command-handler';
import { EventStoreDbEventStore, SCHEMA_VERSION_KEY, SqliteEventStore, type EventSchemas, type EventStore, type StoredEvent } from '@crm/event-store';
import { WireLevelStandIn } from '@crm/event-store/stand-in';
import { openAccess } from '../access/record-access';
import { BlueprintCatalog } from '../blueprint-catalog/blueprint-catalog';
import { poolTeamOf } from '../lead-pool/lead-pool.part';
import { RecordCommandHandler } from '../record/record-command.handler';
import { RECORD_EVENT_SCHEMAS } from '../record/record.events';
import { recordStreamName } from '../record/record-stream';
import type { RecordCommand } from '../record/record.commands';
import { poolLeadBlueprint } from '../__fixtures__/pool-lead/pool-lead.blueprint';

const rita: Actor = { id: 'rita', roles: ['rep'] };

interface StoreHarness {
  /** A store on the same data each time: without schemas, as a build from before OwnerChanged v2 opened it. */
  open(clock: ManualClock, schemas?: EventSchemas): Promise<EventStore>;
  dispose(): Promise<void>;
}

const sqliteHarness = async (): Promise<StoreHarness> => {
  const directory = mkdtempSync(join(tmpdir(), 'crm-owner-changed-v1-'));
  return {
    open: (clock, schemas) => SqliteEventStore.open({ directory, clock, ...(schemas === undefined ? {} : { schemas }) }),
    dispose: async () => rmSync(directory, { recursive: true, force: true }),
  };
};

const standInHarness = async (): Promise<StoreHarness> => {
  const standIn = await WireLevelStandIn.start();
  return {
    open: (clock, schemas) => EventStoreDbEventStore.connect({ connectionString: standIn.connectionString, clock, ...(schemas === undefined ? {} : { schemas }) }),
    dispose: () => standIn.stop(),
  };
};

describe.each([
  ['SQLite', sqliteHarness],
  ['the EventStoreDB adapter (wire-level stand-in)', standInHarness],
])('OwnerChanged schema version 2 on %s', (_name, createHarness) => {
  let harness: StoreHarness;
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  const command = (partial: Record<string, unknown>): RecordCommand => ({ commandId: newCommandId(clock), actor: rita, ...partial }) as unknown as RecordCommand;

  beforeEach(async () => {
    harness = await createHarness();
  });

  afterEach(async () => {
    await harness.dispose();
  });

  /** A lead rita held and gave back to nobody as a build before lead pools stored it: `to` null, no `team`, no version. */
  const storeVersionOneReturn = async (): Promise<string> => {
    const oldStore = await harness.open(clock);
    try {
      const catalog = await BlueprintCatalog.open(oldStore, [poolLeadBlueprint().definition]);
      const handler = new RecordCommandHandler(oldStore, catalog, { clock, policy: openAccess });
      const opened = await handler.execute(command({ type: 'OpenRecord', kind: 'lead', fields: { name: 'Initech' } }));
      const stream = recordStreamName('lead', opened.recordId);
      const [first] = await oldStore.readStream(stream);
      await oldStore.append(
        stream,
        [{ id: newCommandId(clock), type: 'OwnerChanged', data: { recordId: opened.recordId, from: 'rita', to: null }, metadata: { ...first?.metadata, commandId: 'old-build-reassign' } }],
        opened.revision,
      );
      await catalog.stop();
      return opened.recordId;
    } finally {
      await oldStore.close();
    }
  };

  it('given a return to the pool stored at version 1, when the new build reads it, then it names everyone’s pool (team null) in the stream and the fold', async () => {
    const recordId = await storeVersionOneReturn();

    const store = await harness.open(clock, RECORD_EVENT_SCHEMAS);
    try {
      const catalog = await BlueprintCatalog.open(store, [poolLeadBlueprint().definition]);
      const handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess });
      const returned = (await store.readStream(recordStreamName('lead', recordId))).find((event) => event.type === 'OwnerChanged');
      expect(returned?.data).toEqual({ recordId, from: 'rita', to: null, team: null });
      expect(returned?.metadata[SCHEMA_VERSION_KEY]).toBe(2);

      const lead = await handler.load('lead', recordId);
      expect(lead.status).toBe('open');
      if (lead.status === 'none') return;
      expect(lead.owner).toBeNull();
      expect(poolTeamOf(lead)).toBeNull();
      await catalog.stop();
    } finally {
      await store.close();
    }
  });

  it('when the new build reassigns the lead, then the OwnerChanged it stores says version 2', async () => {
    const recordId = await storeVersionOneReturn();

    const store = await harness.open(clock, RECORD_EVENT_SCHEMAS);
    try {
      const catalog = await BlueprintCatalog.open(store, [poolLeadBlueprint().definition]);
      const handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess });
      const result = await handler.execute(command({ type: 'Reassign', kind: 'lead', recordId, owner: 'rita' }));
      const versions = (events: readonly Pick<StoredEvent, 'type' | 'metadata'>[]): unknown[] => events.filter((event) => event.type === 'OwnerChanged').map((event) => event.metadata[SCHEMA_VERSION_KEY]);
      expect(versions(result.events)).toEqual([2]);
      // The other events of the decision are at version 1 and carry no stamp.
      expect(result.events.filter((event) => event.type !== 'OwnerChanged').every((event) => !(SCHEMA_VERSION_KEY in event.metadata))).toBe(true);
      expect(versions(await store.readStream(recordStreamName('lead', recordId)))).toEqual([2, 2]);
      await catalog.stop();
    } finally {
      await store.close();
    }
  });
});
