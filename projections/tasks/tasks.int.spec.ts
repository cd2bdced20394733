import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBlueprintDirectory, parseBlueprint } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { catchUpProjection, projectionDigest, ReadModelDatabase, replayProjections } from '@crm/projection-runtime';
import { BlueprintCatalog, openAccess, RecordCommandHandler, type RecordCommand } from '@crm/workflow';
import { ReadModelException, ReadModelExceptionCode } from '../shared/read-model.exception';
import { tasksProjection } from './tasks.projection';
import { listTasks, type TaskListQuery } from './tasks.queries';

type CommandDraft = RecordCommand extends infer C ? (C extends RecordCommand ? Omit<C, 'commandId' | 'actor'> : never) : never;

const SHIPPED = join(__dirname, '..', '..', 'blueprints');
const DAY = 86_400_000;
/** What the shipped opportunity blueprint needs up to the proposal stage, which opens "send the proposal" due in 3 days. */
const TO_PROPOSAL = { budget: 50_000, decisionMaker: 'Pat Buyer', timeline: '2026-09-30', proposalDocument: 'p.pdf' };
const REP_SCOPE = (rep: string) => ({ owners: [rep], unowned: { kinds: ['lead'] } });

/** A lifecycle whose first stage opens a task without a due time. */
const TICKET = parseBlueprint(
  `
id: ticket
version: 1
kind: ticket
title: Ticket
currency: USD
initialStage: open
fields:
  title: { type: string }
stages:
  open: { title: Open, order: 1, probability: 0, forecastCategory: omitted, entry: { tasks: [{ id: triage, title: Triage the ticket }] } }
  solved: { title: Solved, order: 2, probability: 0, forecastCategory: omitted, final: true }
transitions:
  - { event: solve, title: Solve, from: open, to: solved }
`,
  'ticket.blueprint.yaml',
);

describe('tasks read model: one row per task, open, overdue and done as the clock says', () => {
  const clock = new ManualClock('2026-06-01T09:00:00.000Z');
  let directory: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let handler: RecordCommandHandler;
  let commands = 0;

  const execute = (actor: string, command: CommandDraft): ReturnType<RecordCommandHandler['execute']> => {
    commands += 1;
    return handler.execute({ ...command, commandId: `tasks-read-model-${commands}`, actor: { id: actor, roles: ['rep'] } } as RecordCommand);
  };
  const catchUp = () => catchUpProjection({ store, readModels, projection: tasksProjection(), clock });
  const list = (query: TaskListQuery) => listTasks(readModels.db, clock, query);
  const taskIdOf = async (recordId: string): Promise<string> => {
    const record = await handler.load('opportunity', recordId);
    const task = record.status === 'none' ? undefined : record.tasks.find((candidate) => candidate.status === 'open');
    if (task === undefined) throw new Error(`opportunity ${recordId} has no open task`);
    return task.taskId;
  };
  /** A deal of `owner` walked to the proposal stage, which opens its task. */
  const dealInProposal = async (owner: string, recordId: string, name: string): Promise<void> => {
    await execute(owner, { type: 'OpenRecord', kind: 'opportunity', recordId, owner, fields: { name, ...TO_PROPOSAL } });
    await execute(owner, { type: 'FireTransition', kind: 'opportunity', recordId, event: 'analyze_needs' });
    await execute(owner, { type: 'FireTransition', kind: 'opportunity', recordId, event: 'propose' });
  };

  beforeEach(async () => {
    clock.set('2026-06-01T09:00:00.000Z');
    directory = mkdtempSync(join(tmpdir(), 'crm-tasks-read-model-'));
    store = await SqliteEventStore.open({ directory, clock });
    const catalog = await BlueprintCatalog.open(store, [...loadBlueprintDirectory(SHIPPED), TICKET]);
    handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess });
    readModels = ReadModelDatabase.open({ directory });
    await dealInProposal('rita', 'globex-1', 'Globex platform deal');
    await dealInProposal('raj', 'hooli-1', 'Hooli renewal');
    await catchUp();
  });

  afterEach(async () => {
    readModels.close();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given a stage that opened a task, when its assignee lists open tasks, then it is there with the record, template, stage and due time', async () => {
    const page = list({ assignee: 'rita' });

    expect(page.items).toEqual([
      {
        taskId: await taskIdOf('globex-1'),
        kind: 'opportunity',
        recordId: 'globex-1',
        recordName: 'Globex platform deal',
        template: 'send_proposal',
        title: 'Send the proposal to the customer',
        stage: 'proposal',
        assignee: 'rita',
        dueAt: '2026-06-04T09:00:00.000Z',
        status: 'open',
        overdue: false,
        openedAt: '2026-06-01T09:00:00.000Z',
        closedAt: null,
        closedBy: null,
      },
    ]);
    expect(page).toMatchObject({ nextCursor: null, now: '2026-06-01T09:00:00.000Z' });
  });

  it('given the clock past the due time, when overdue tasks are listed, then the open task is overdue; before it, none is', async () => {
    expect(list({ assignee: 'rita', status: 'overdue' }).items).toEqual([]);

    clock.advance(4 * DAY);

    expect(list({ assignee: 'rita', status: 'overdue' }).items.map((task) => [task.recordId, task.overdue])).toEqual([['globex-1', true]]);
    expect(list({ assignee: 'rita', status: 'open' }).items.map((task) => task.overdue)).toEqual([true]);
  });

  it("given raj's task, when rita lists hers or lists raj's within her read rule, then raj's task is not shown", () => {
    expect(list({ assignee: 'rita' }).items.map((task) => task.recordId)).toEqual(['globex-1']);
    expect(list({ assignee: 'raj', visibleTo: REP_SCOPE('rita') }).items).toEqual([]);
    expect(list({ assignee: 'raj', visibleTo: REP_SCOPE('raj') }).items.map((task) => task.recordId)).toEqual(['hooli-1']);
  });

  it('given a completed task, when listed, then it has left the open tasks and is done, with who and when', async () => {
    const taskId = await taskIdOf('globex-1');
    clock.advance(DAY);
    await execute('rita', { type: 'CompleteTask', kind: 'opportunity', recordId: 'globex-1', taskId, note: 'sent by mail' });
    await catchUp();

    expect(list({ assignee: 'rita' }).items).toEqual([]);
    expect(list({ assignee: 'rita', status: 'done' }).items).toEqual([
      expect.objectContaining({ taskId, status: 'done', overdue: false, closedAt: '2026-06-02T09:00:00.000Z', closedBy: 'rita' }),
    ]);
  });

  it('given a record reassigned, when listed, then its open task follows the new owner, and the record is now in their read rule', async () => {
    await execute('max', { type: 'Reassign', kind: 'opportunity', recordId: 'hooli-1', owner: 'rita' });
    await catchUp();

    expect(list({ assignee: 'rita', visibleTo: REP_SCOPE('rita') }).items.map((task) => task.recordId)).toEqual(['globex-1', 'hooli-1']);
    expect(list({ assignee: 'raj' }).items).toEqual([]);
  });

  it('given a record renamed, when listed, then the task shows the new name', async () => {
    await execute('rita', { type: 'UpdateFields', kind: 'opportunity', recordId: 'globex-1', fields: { name: 'Globex, all regions' } });
    await catchUp();

    expect(list({ assignee: 'rita' }).items.map((task) => task.recordName)).toEqual(['Globex, all regions']);
  });

  it('given a deal closed lost, when listed, then its task is cancelled: only in all, never open nor done', async () => {
    await execute('rita', { type: 'FireTransition', kind: 'opportunity', recordId: 'globex-1', event: 'close_lost', fields: { lossReason: 'price' } });
    await catchUp();

    expect(list({ assignee: 'rita' }).items).toEqual([]);
    expect(list({ assignee: 'rita', status: 'done' }).items).toEqual([]);
    expect(list({ assignee: 'rita', status: 'all' }).items.map((task) => [task.status, task.closedBy])).toEqual([['cancelled', null]]);
  });

  it('given tasks with and without a due time, when listed page by page, then the soonest due comes first and undated ones last', async () => {
    await execute('rita', { type: 'OpenRecord', kind: 'ticket', recordId: 't-1', owner: 'rita', fields: { title: 'Printer on fire' } });
    clock.advance(DAY);
    await execute('rita', { type: 'OpenRecord', kind: 'quote', recordId: 'q-1', owner: 'rita', fields: { opportunity: 'globex-1', total: 900, discount: 0.05, validUntil: '2026-12-31', customerEmail: 'buyer@globex.example' } });
    for (const event of ['submit', 'approve', 'send']) await execute('rita', { type: 'FireTransition', kind: 'quote', recordId: 'q-1', event });
    await dealInProposal('rita', 'initech-1', 'Initech');
    await catchUp();

    const first = list({ assignee: 'rita', limit: 2 });
    const second = list({ assignee: 'rita', limit: 2, cursor: first.nextCursor ?? 'missing' });

    expect(first.items.map((task) => [task.recordId, task.dueAt])).toEqual([
      ['globex-1', '2026-06-04T09:00:00.000Z'],
      ['initech-1', '2026-06-05T09:00:00.000Z'],
    ]);
    expect(second.items.map((task) => [task.recordId, task.recordName, task.dueAt])).toEqual([
      ['q-1', null, '2026-06-07T09:00:00.000Z'],
      ['t-1', 'Printer on fire', null],
    ]);
    expect(second.nextCursor).toBeNull();
    expect(list({ assignee: 'rita', kind: 'quote' }).items.map((task) => task.template)).toEqual(['follow_up_quote']);
  });

  it('given a damaged cursor or a limit out of range, when listed, then the query is refused as invalid', () => {
    const refusal = (query: TaskListQuery): unknown => {
      try {
        list(query);
        return null;
      } catch (error) {
        return error;
      }
    };

    for (const query of [{ cursor: 'not-a-cursor' }, { limit: 0 }, { limit: 501 }]) {
      const error = refusal(query);
      expect(error).toBeInstanceOf(ReadModelException);
      expect((error as ReadModelException).code).toBe(ReadModelExceptionCode.INVALID_QUERY);
    }
  });

  it('given the history, when the read model is rebuilt from the whole log, then it has the same rows', async () => {
    await execute('max', { type: 'Reassign', kind: 'opportunity', recordId: 'hooli-1', owner: 'rita' });
    await execute('rita', { type: 'CompleteTask', kind: 'opportunity', recordId: 'globex-1', taskId: await taskIdOf('globex-1') });
    await catchUp();
    const scratch = mkdtempSync(join(tmpdir(), 'crm-tasks-replay-'));
    try {
      const replay = await replayProjections({ store, projections: [tasksProjection()], directory: scratch, clock });
      replay.readModels.close();

      expect(replay.projections.map((entry) => entry.digest)).toEqual([projectionDigest(readModels.db, tasksProjection())]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
