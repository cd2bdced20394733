import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { catchUpProjection, ReadModelDatabase } from '@crm/projection-runtime';
import { dealBlueprint } from '../testing';
import { BlueprintCatalog, openAccess, RecordCommandHandler, type RecordCommand } from '@crm/workflow';
import { recordsProjection } from './records.projection';
import { listRecords, type RecordVisibility } from './records.queries';

type CommandDraft = RecordCommand extends infer C ? (C extends RecordCommand ? Omit<C, 'commandId' | 'actor'> : never) : never;

const repScope = (rep: string): RecordVisibility => ({ owners: [rep], unowned: { kinds: ['lead'] } });

describe('records list as of a past moment: the read rule of now', () => {
  // raj's deal passes to rita on 20 April; rita's own deal passes to raj the same day.
  const clock = new ManualClock('2026-03-01T09:00:00.000Z');
  const admin = { id: 'ada', roles: ['admin'] };
  let directory: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let handler: RecordCommandHandler;
  let commands = 0;

  const execute = (command: CommandDraft): ReturnType<RecordCommandHandler['execute']> => {
    commands += 1;
    return handler.execute({ ...command, commandId: `records-read-rule-${commands}`, actor: admin } as RecordCommand);
  };
  const listedFor = (rep: string, asOf?: string): string[] =>
    listRecords(readModels.db, { kind: 'opportunity', asOf, visibleTo: repScope(rep) }).items.map((item) => item.recordId).sort();

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-records-read-rule-'));
    store = await SqliteEventStore.open({ directory, clock });
    const catalog = await BlueprintCatalog.open(store, [dealBlueprint(1)]);
    handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess });
    readModels = ReadModelDatabase.open({ directory });
    await execute({ type: 'OpenRecord', kind: 'opportunity', recordId: 'to-rita', owner: 'raj', fields: { name: 'Globex' } });
    await execute({ type: 'OpenRecord', kind: 'opportunity', recordId: 'to-raj', owner: 'rita', fields: { name: 'Acme' } });
    clock.set('2026-04-20T09:00:00.000Z');
    await execute({ type: 'Reassign', kind: 'opportunity', recordId: 'to-rita', owner: 'rita' });
    await execute({ type: 'Reassign', kind: 'opportunity', recordId: 'to-raj', owner: 'raj' });
    await catchUpProjection({ store, readModels, projection: recordsProjection(), clock });
  });

  afterAll(async () => {
    readModels?.close();
    await store?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given records reassigned since, when a rep lists them as of before, then they see what they may read now', () => {
    expect(listedFor('rita', '2026-04-01')).toEqual(['to-rita']);
    expect(listedFor('raj', '2026-04-01')).toEqual(['to-raj']);
  });

  it('given records reassigned since, when listed as of before, then each shows the owner it had then', () => {
    const [item] = listRecords(readModels.db, { kind: 'opportunity', asOf: '2026-04-01', visibleTo: repScope('rita') }).items;

    expect(item).toMatchObject({ recordId: 'to-rita', owner: 'raj' });
  });

  it('given no asOf, when listed, then the current owners decide, as before', () => {
    expect(listedFor('rita')).toEqual(['to-rita']);
  });
});
