import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { catchUpProjection, ReadModelDatabase } from '@crm/projection-runtime';
import { dealBlueprint } from '../testing';
import { BlueprintCatalog, openAccess, RecordCommandHandler, type RecordCommand } from '@crm/workflow';
import type { RecordVisibility } from '../records/records.queries';
import { pipelineProjection } from './pipeline.projection';
import { queryPipeline } from './pipeline.queries';

type CommandDraft = RecordCommand extends infer C ? (C extends RecordCommand ? Omit<C, 'commandId' | 'actor'> : never) : never;

/** What `listScope` gives a rep: their own records and the lead pool. */
const repScope = (rep: string): RecordVisibility => ({ owners: [rep], unowned: { kinds: ['lead'] } });
/** What it gives a manager of a team: its members' records and every unowned one. */
const managerScope = (...members: string[]): RecordVisibility => ({ owners: members, unowned: 'all' });

describe('pipeline: the stalled list follows the read rule of the records list', () => {
  // Deals opened on 1 March; on 20 April raj's deal passes to rita. Stalled after 30 days.
  const clock = new ManualClock('2026-03-01T09:00:00.000Z');
  const admin = { id: 'ada', roles: ['admin'] };
  let directory: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let handler: RecordCommandHandler;
  let commands = 0;

  const execute = (command: CommandDraft): ReturnType<RecordCommandHandler['execute']> => {
    commands += 1;
    return handler.execute({ ...command, commandId: `read-rule-${commands}`, actor: admin } as RecordCommand);
  };
  const stalledFor = (visibleTo: RecordVisibility | undefined, asOf?: string): string[] =>
    queryPipeline(readModels.db, clock, { asOf, stalledAfterDays: 30, visibleTo }).stalled.map((deal) => deal.recordId).sort();

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-pipeline-read-rule-'));
    store = await SqliteEventStore.open({ directory, clock });
    const catalog = await BlueprintCatalog.open(store, [dealBlueprint(1)]);
    handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess });
    readModels = ReadModelDatabase.open({ directory });
    await execute({ type: 'OpenRecord', kind: 'opportunity', recordId: 'ritas', owner: 'rita', fields: { name: 'Acme', amount: 1_000 } });
    await execute({ type: 'OpenRecord', kind: 'opportunity', recordId: 'rajs', owner: 'raj', fields: { name: 'Globex', amount: 2_000 } });
    await execute({ type: 'OpenRecord', kind: 'opportunity', recordId: 'passed-on', owner: 'raj', fields: { name: 'Initech', amount: 3_000 } });
    await execute({ type: 'OpenRecord', kind: 'opportunity', recordId: 'unowned', owner: null, fields: { name: 'Hooli', amount: 4_000 } });
    clock.set('2026-04-20T09:00:00.000Z');
    await execute({ type: 'Reassign', kind: 'opportunity', recordId: 'passed-on', owner: 'rita' });
    clock.set('2026-05-01T09:00:00.000Z');
    await catchUpProjection({ store, readModels, projection: pipelineProjection(), clock });
  });

  afterAll(async () => {
    readModels?.close();
    await store?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given no read rule (analysts, admins, the CLI), when the stalled deals are listed, then every one', () => {
    expect(stalledFor(undefined)).toEqual(['passed-on', 'rajs', 'ritas', 'unowned']);
  });

  it('given a rep, when the stalled deals are listed, then only the deals they may open: their own, no unowned opportunity', () => {
    expect(stalledFor(repScope('rita'))).toEqual(['passed-on', 'ritas']);
    expect(stalledFor(repScope('raj'))).toEqual(['rajs']);
  });

  it('given a manager, when the stalled deals are listed, then their team\'s deals and the unowned ones', () => {
    expect(stalledFor(managerScope('max', 'raj'))).toEqual(['rajs', 'unowned']);
  });

  it('given a rep, when the counts and amounts are read, then they still cover every deal', () => {
    const report = queryPipeline(readModels.db, clock, { visibleTo: repScope('rita') });

    expect(report.byStage.map(({ stage, count, amount }) => ({ stage, count, amount }))).toEqual([{ stage: 'qualification', count: 4, amount: 10_000 }]);
  });

  it('given asOf before a reassignment, when the stalled deals are listed, then the current owner decides who sees a deal, not the owner then', () => {
    const asOf = '2026-04-15';

    expect(stalledFor(repScope('rita'), asOf)).toEqual(['passed-on', 'ritas']);
    expect(stalledFor(repScope('raj'), asOf)).toEqual(['rajs']);
    expect(queryPipeline(readModels.db, clock, { asOf, visibleTo: repScope('rita') }).stalled.find((deal) => deal.recordId === 'passed-on')?.owner).toBe('raj');
  });
});
