import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { ManualClock } from '@crm/clock';
import { present, scaledTimeout } from '@crm/event-store/contract';
import { serializePosition, SqliteEventStore, type StoredEvent } from '@crm/event-store';
import { capturedIo } from '../__fixtures__/captured-io';
import { runBin } from '../__fixtures__/run-bin';
import { runCli } from '../main';

/** The blueprints the product ships with. */
const SHIPPED = resolve(__dirname, '..', '..', '..', '..', 'blueprints');
const DAY = 86_400_000;

/** Fields that carry a deal of the shipped opportunity blueprint to proposal, whose entry opens "send the proposal", due in 3 days. */
const TO_PROPOSAL = ['--field', 'budget=50000', '--field', 'decisionMaker=Pat Buyer', '--field', 'timeline=2026-09-30', '--field', 'proposalDocument=p.pdf'];

interface ListedTask {
  taskId: string;
  recordId: string;
  template: string;
  status: string;
  overdue: boolean;
  closedBy: string | null;
}

describe('crm task list and complete', () => {
  const clock = new ManualClock('2026-06-01T12:00:00.000Z');
  let root: string;
  let dataDir: string;

  const crm = async (...args: string[]) => {
    const io = capturedIo(root, clock);
    const exitCode = await runCli([...args, '--data-dir', dataDir, '--blueprints', SHIPPED], io);
    return { exitCode, out: io.out(), err: io.err() };
  };
  const listed = async (...args: string[]): Promise<ListedTask[]> => {
    const result = await crm('task', 'list', '--json', ...args);
    expect(result).toMatchObject({ exitCode: 0, err: '' });
    return (JSON.parse(result.out) as { items: ListedTask[] }).items;
  };
  const withStore = async <T>(use: (store: SqliteEventStore) => Promise<T>): Promise<T> => {
    const store = await SqliteEventStore.open({ directory: dataDir, clock });
    try {
      return await use(store);
    } finally {
      await store.close();
    }
  };
  const head = (): Promise<string> => withStore(async (store) => serializePosition(present(await store.headPosition(), 'the head position')));
  const streamOf = (id: string): Promise<StoredEvent[]> => withStore((store) => store.readStream(`opportunity-${id}`));
  const dealInProposal = async (owner: string, id: string, name: string): Promise<void> => {
    const steps = [
      await crm('record', 'open', 'opportunity', '--id', id, '--field', `name=${name}`, ...TO_PROPOSAL, '--as', owner),
      await crm('record', 'advance', 'opportunity', id, 'analyze_needs', '--as', owner),
      await crm('record', 'advance', 'opportunity', id, 'propose', '--as', owner),
    ];
    expect(steps.map((step) => step.exitCode)).toEqual([0, 0, 0]);
  };

  beforeEach(async () => {
    clock.set('2026-06-01T12:00:00.000Z');
    root = mkdtempSync(join(tmpdir(), 'crm-cli-task-'));
    dataDir = join(root, 'data');
    await dealInProposal('rita', 'globex-1', 'Globex platform deal');
    await dealInProposal('raj', 'hooli-1', 'Hooli renewal');
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('given a deal of rita in proposal, when she lists her tasks, then its open task is printed with its due time, record and id, and raj’s is not', async () => {
    const [task] = await listed('--as', 'rita');

    const result = await crm('task', 'list', '--as', 'rita');

    expect(result.exitCode).toBe(0);
    expect(result.out).toContain('tasks of rita: open, as of 2026-06-01T12:00:00.000Z\n');
    expect(result.out).toMatch(new RegExp(`^2026-06-04T12:00:00\\.000Z  open\\s+opportunity  globex-1  Globex platform deal  Send the proposal to the customer  ${task?.taskId}$`, 'm'));
    expect(result.out).not.toContain('hooli-1');
    expect(result.out).toMatch(/^1 task$/m);
  });

  it('given the clock past the due time, when overdue tasks are listed, then rita’s is overdue; max sees his team member’s, not the west team’s', async () => {
    clock.advance(4 * DAY);

    expect((await listed('--status', 'overdue', '--as', 'rita')).map((task) => [task.recordId, task.overdue])).toEqual([['globex-1', true]]);
    expect((await crm('task', 'list', '--status', 'overdue', '--as', 'rita')).out).toMatch(/^2026-06-04T12:00:00\.000Z {2}overdue /m);
    expect((await listed('--status', 'overdue', '--owner', 'rita', '--as', 'max')).map((task) => task.recordId)).toEqual(['globex-1']);
    expect(await listed('--status', 'overdue', '--owner', 'raj', '--as', 'max')).toEqual([]);
    expect(await listed('--owner', 'raj', '--as', 'rita')).toEqual([]);
  });

  it('given her open task, when rita completes it with a note, then TaskCompleted is stored from the CLI and the task is done, no longer open', async () => {
    const [task] = await listed('--as', 'rita');

    const completed = await crm('task', 'complete', 'opportunity', 'globex-1', task?.taskId ?? 'missing', '--note', 'sent by mail', '--as', 'rita');

    expect(completed.exitCode).toBe(0);
    expect(completed.out).toMatch(/^stored r\d+ TaskCompleted$/m);
    const [stored] = (await streamOf('globex-1')).filter((event) => event.type === 'TaskCompleted');
    expect(stored?.data).toEqual({ recordId: 'globex-1', taskId: task?.taskId, by: 'rita', note: 'sent by mail' });
    expect(stored?.metadata).toMatchObject({ actor: 'rita', origin: { via: 'cli', osUser: userInfo().username } });
    expect(await listed('--as', 'rita')).toEqual([]);
    expect((await listed('--status', 'done', '--as', 'rita')).map((done) => [done.taskId, done.status, done.closedBy])).toEqual([[task?.taskId, 'done', 'rita']]);
  });

  it('given the template id instead of the task id, when the task is completed, then the one open task of that template is done', async () => {
    const completed = await crm('task', 'complete', 'opportunity', 'globex-1', 'send_proposal', '--as', 'rita');

    expect(completed.exitCode).toBe(0);
    expect(await listed('--as', 'rita')).toEqual([]);
  });

  it('given a task that is not the user’s to complete or not there, when completed, then it exits 5 or 1 naming why and nothing is stored', async () => {
    const [task] = await listed('--as', 'rita');
    const before = await head();

    const analyst = await crm('task', 'complete', 'opportunity', 'globex-1', task?.taskId ?? 'missing', '--as', 'ana');
    const otherRep = await crm('task', 'complete', 'opportunity', 'globex-1', task?.taskId ?? 'missing', '--as', 'raj');
    const unknown = await crm('task', 'complete', 'opportunity', 'globex-1', 'call_the_customer', '--as', 'rita');

    expect(analyst.exitCode).toBe(5);
    expect(analyst.err).toContain('rule: analyst.read-only');
    expect(otherRep.exitCode).toBe(1);
    expect(otherRep.err).toContain('RECORD_NOT_FOUND');
    expect(unknown.exitCode).toBe(1);
    expect(unknown.err).toContain('TASK_NOT_FOUND');
    expect(await head()).toBe(before);
  });

  it.each([
    [['task', 'list'], 2, 'say who acts: --as <user> (or set CRM_USER)'],
    [['task', 'list', '--as', 'bob'], 5, 'no user "bob" in'],
    [['task', 'list', '--status', 'late', '--as', 'rita'], 2, '--status must be one of open, overdue, done, all, not "late"'],
    [['task', 'list', '--kind', 'spaceship', '--as', 'rita'], 1, 'UNKNOWN_KIND'],
    [['task', 'complete', 'opportunity', 'globex-1', '--as', 'rita'], 2, 'expected 3 arguments, got 2'],
  ])('given the command line %j, then it exits %i and says why', async (args, exitCode, message) => {
    const result = await crm(...args);

    expect(result.exitCode).toBe(exitCode);
    expect(result.err).toContain(message);
  });

  it(
    'given the real launcher and CRM_USER, when tasks are listed and one completed, then both work as in-process',
    async () => {
      const env = { CRM_DATA_DIR: dataDir, CRM_BLUEPRINTS_DIR: SHIPPED, CRM_USER: 'rita' };

      const list = await runBin(['task', 'list', '--json'], { cwd: root, env });
      const [task] = (JSON.parse(list.out) as { items: ListedTask[] }).items;
      const complete = await runBin(['task', 'complete', 'opportunity', 'globex-1', task?.taskId ?? 'missing'], { cwd: root, env });
      const after = await runBin(['task', 'list', '--status', 'done'], { cwd: root, env });

      expect([list.exitCode, complete.exitCode, after.exitCode]).toEqual([0, 0, 0]);
      expect(task?.template).toBe('send_proposal');
      expect(after.out).toContain(`Send the proposal to the customer  ${task?.taskId}`);
    },
    scaledTimeout(60_000),
  );
});
