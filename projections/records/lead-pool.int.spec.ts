import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { standardCalendars } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { catchUpProjection, ReadModelDatabase } from '@crm/projection-runtime';
import { BlueprintCatalog, businessTiming, openAccess, RecordCommandHandler, type RecordCommand } from '@crm/workflow';
import { leadBlueprint } from '../testing/lead-blueprint.fixture';
import { recordsProjection } from './records.projection';
import { listRecords, openRecordsByOwner, type RecordVisibility } from './records.queries';

type CommandDraft = RecordCommand extends infer C ? (C extends RecordCommand ? Omit<C, 'commandId' | 'actor' | 'kind'> : never) : never;

const TEAMS: Record<string, string> = { rita: 'east', raj: 'west' };
const repScope = (rep: string): RecordVisibility => ({ owners: [rep], unowned: { kinds: ['lead'] }, poolTeam: TEAMS[rep] ?? null });

describe('the lead pool in the records read model', () => {
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  const system = { id: 'system:reactor:lead-assignment', roles: [] };
  let directory: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let handler: RecordCommandHandler;
  let commands = 0;

  const execute = (command: CommandDraft): ReturnType<RecordCommandHandler['execute']> => {
    commands += 1;
    return handler.execute({ ...command, kind: 'lead', commandId: `lead-pool-${commands}`, actor: system } as RecordCommand);
  };
  const ids = (items: readonly { recordId: string }[]): string[] => items.map((item) => item.recordId).sort();

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-lead-pool-'));
    store = await SqliteEventStore.open({ directory, clock });
    const catalog = await BlueprintCatalog.open(store, [leadBlueprint()]);
    handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess, timing: businessTiming(standardCalendars(), (user) => TEAMS[user] ?? null) });
    readModels = ReadModelDatabase.open({ directory });
    await execute({ type: 'OpenRecord', recordId: 'ritas', owner: 'rita', fields: { name: 'Owned by rita' } });
    await execute({ type: 'OpenRecord', recordId: 'released', owner: 'rita', fields: { name: 'Released by rita' } });
    await execute({ type: 'ReleaseLead', recordId: 'released', reason: 'Wrong region' });
    await execute({ type: 'OpenRecord', recordId: 'west-pool', owner: null, fields: { name: 'Pooled to west' } });
    await execute({ type: 'PoolLead', recordId: 'west-pool', team: 'west', rule: 'partners-west', reason: 'every rep of west is absent' });
    await execute({ type: 'OpenRecord', recordId: 'everyones', owner: null, fields: { name: 'Nobody’s team' } });
    await execute({ type: 'OpenRecord', recordId: 'closed', owner: 'rita', fields: { name: 'Disqualified' } });
    await execute({ type: 'FireTransition', recordId: 'closed', event: 'disqualify' });
    await catchUpProjection({ store, readModels, projection: recordsProjection(), clock });
  });

  afterAll(async () => {
    readModels?.close();
    await store?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('when the pool is listed for everyone, then it holds every unowned lead', () => {
    expect(ids(listRecords(readModels.db, { kind: 'lead', pool: true }).items)).toEqual(['everyones', 'released', 'west-pool']);
  });

  it('when a rep lists the pool, then they see everyone’s pool and their team’s: the lead rita released is east’s, the pooled one west’s', () => {
    expect(ids(listRecords(readModels.db, { kind: 'lead', pool: true, visibleTo: repScope('rita') }).items)).toEqual(['everyones', 'released']);
    expect(ids(listRecords(readModels.db, { kind: 'lead', pool: true, visibleTo: repScope('raj') }).items)).toEqual(['everyones', 'west-pool']);
  });

  it('when a rep lists all leads, then their own and the pools they may see are listed', () => {
    expect(ids(listRecords(readModels.db, { kind: 'lead', visibleTo: repScope('rita') }).items)).toEqual(['closed', 'everyones', 'released', 'ritas']);
  });

  it('when open leads are counted by owner, then leads in a final stage do not count and owners without any count zero', () => {
    expect(openRecordsByOwner(readModels.db, { kind: 'lead', owners: ['rita', 'raj'], finalStages: ['converted', 'disqualified'] })).toEqual(
      new Map([
        ['rita', 1],
        ['raj', 0],
      ]),
    );
  });
});
