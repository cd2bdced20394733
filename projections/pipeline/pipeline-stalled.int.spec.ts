import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBlueprintDirectory } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { catchUpProjection, ReadModelDatabase } from '@crm/projection-runtime';
import { BlueprintCatalog, fireTimerCommandId, openAccess, recordAfter, RecordCommandHandler, TIMER_ACTOR, type RecordCommand } from '@crm/workflow';
import { pipelineProjection } from './pipeline.projection';
import { queryPipeline } from './pipeline.queries';

type CommandDraft = RecordCommand extends infer C ? (C extends RecordCommand ? Omit<C, 'commandId' | 'actor'> : never) : never;

const shippedBlueprints = join(__dirname, '..', '..', 'blueprints');

describe('pipeline: deals the blueprint found stalled', () => {
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  const rita = { id: 'rita', roles: ['rep'] };
  let directory: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let handler: RecordCommandHandler;
  let commands = 0;

  const execute = (command: CommandDraft) => {
    commands += 1;
    return handler.execute({ ...command, commandId: `stalled-${commands}`, actor: rita } as RecordCommand);
  };
  const stalled = async (stalledAfterDays: number) => {
    await catchUpProjection({ store, readModels, projection: pipelineProjection(), clock });
    return queryPipeline(readModels.db, clock, { stalledAfterDays }).stalled.map(({ recordId, stalledSince }) => ({ recordId, stalledSince }));
  };

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-pipeline-stalled-'));
    store = await SqliteEventStore.open({ directory, clock });
    handler = new RecordCommandHandler(store, await BlueprintCatalog.open(store, loadBlueprintDirectory(shippedBlueprints)), { clock, policy: openAccess });
    readModels = ReadModelDatabase.open({ directory });
    await execute({ type: 'OpenRecord', kind: 'opportunity', recordId: 'acme', fields: { name: 'Acme', timeline: '2026-09-30' } });
    await execute({ type: 'FireTransition', kind: 'opportunity', recordId: 'acme', event: 'analyze_needs', fields: { budget: 1_000, decisionMaker: 'Dana' } });
    await execute({ type: 'FireTransition', kind: 'opportunity', recordId: 'acme', event: 'propose', fields: { proposalDocument: 'p.pdf' } });
  });

  afterAll(async () => {
    readModels?.close();
    await store?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given a deal in proposal for 30 days, when its stalled timer fires, then the pipeline lists it stalled since it entered the stage, whatever stalledAfterDays says; moving on clears it', async () => {
    expect(await stalled(365)).toEqual([]);

    clock.set('2026-04-02T09:00:00.000Z');
    const deal = recordAfter(await execute({ type: 'UpdateFields', kind: 'opportunity', recordId: 'acme', fields: { notes: 'quiet' } }));
    const timer = deal.timers.find((candidate) => candidate.timer === 'stalled_proposal');
    if (timer === undefined) throw new Error(`no stalled timer: ${JSON.stringify(deal.timers)}`);
    await handler.execute({ type: 'FireTimer', kind: 'opportunity', recordId: 'acme', timerId: timer.timerId, commandId: fireTimerCommandId(timer.timerId), actor: TIMER_ACTOR });

    expect(await stalled(365)).toEqual([{ recordId: 'acme', stalledSince: '2026-03-02T09:00:00.000Z' }]);

    const task = recordAfter(await execute({ type: 'UpdateFields', kind: 'opportunity', recordId: 'acme', fields: { amount: 500 } })).tasks.find((candidate) => candidate.status === 'open');
    await execute({ type: 'CompleteTask', kind: 'opportunity', recordId: 'acme', taskId: task?.taskId ?? 'none' });
    await execute({ type: 'FireTransition', kind: 'opportunity', recordId: 'acme', event: 'negotiate' });
    expect(await stalled(365)).toEqual([]);
  });
});
