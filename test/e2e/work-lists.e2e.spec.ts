import { ManualClock } from '@crm/clock';
import { scaledTimeout } from '@crm/event-store/contract';
import { ApiHarness, type ApiResponse, type DemoUser } from './api-harness';

/**
 * The work lists over real HTTP: `GET /tasks` (whose tasks, open, overdue as the clock says, done) and
 * `GET /approvals` (the requests waiting for the asking approver), each under the read rule of the
 * record lists.
 */

interface TaskItem {
  taskId: string;
  kind: string;
  recordId: string;
  recordName: string | null;
  template: string;
  assignee: string | null;
  dueAt: string | null;
  status: string;
  overdue: boolean;
  closedBy: string | null;
}
interface TaskPage {
  items: TaskItem[];
  nextCursor: string | null;
  now: string;
}
interface ApprovalItem {
  approvalId: string;
  recordId: string;
  requestedBy: string;
  waitingFor: string[];
}
interface ApprovalPage {
  items: ApprovalItem[];
  nextCursor: string | null;
}
interface ErrorBody {
  error: string;
  details: Record<string, unknown>;
}

const DAY = 86_400_000;
/** What the shipped opportunity blueprint needs up to the proposal stage, which opens "send the proposal" due in 3 days. */
const TO_PROPOSAL = { budget: 50_000, decisionMaker: 'Pat Buyer', timeline: '2026-09-30', proposalDocument: 'p.pdf' };

describe('work lists: GET /tasks and GET /approvals', () => {
  const clock = new ManualClock('2026-06-01T09:00:00.000Z');
  let harness: ApiHarness;

  const expectStatus = <T>(response: ApiResponse<T>, status: number): T => {
    if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const tasksOf = async (as: DemoUser, query = ''): Promise<TaskPage> => {
    await harness.untilProjectionsCaughtUp();
    return expectStatus(await harness.request<TaskPage>(as, 'GET', `/tasks${query}`), 200);
  };
  const approvalsOf = async (as: DemoUser, query = ''): Promise<ApprovalItem[]> => {
    await harness.untilProjectionsCaughtUp();
    return expectStatus(await harness.request<ApprovalPage>(as, 'GET', `/approvals${query}`), 200).items;
  };
  const dealInProposal = async (owner: DemoUser, id: string, name: string): Promise<void> => {
    expectStatus(await harness.request(owner, 'POST', '/records/opportunity', { id, fields: { name, ...TO_PROPOSAL } }), 201);
    for (const event of ['analyze_needs', 'propose']) expectStatus(await harness.request(owner, 'POST', `/records/opportunity/${id}/transitions`, { event }), 200);
  };

  beforeAll(async () => {
    harness = await ApiHarness.start({ clock });
    await dealInProposal('rita', 'globex-1', 'Globex platform deal');
    await dealInProposal('raj', 'hooli-1', 'Hooli renewal');
  }, scaledTimeout(60_000));
  afterAll(async () => {
    await harness.stop();
  });

  describe('GET /tasks', () => {
    it('given a deal of rita in proposal, when she lists her tasks, then its open task is there, not yet overdue, and raj’s is not', async () => {
      const page = await tasksOf('rita');

      expect(page.items).toEqual([
        expect.objectContaining({
          kind: 'opportunity',
          recordId: 'globex-1',
          recordName: 'Globex platform deal',
          template: 'send_proposal',
          assignee: 'rita',
          dueAt: '2026-06-04T09:00:00.000Z',
          status: 'open',
          overdue: false,
        }),
      ]);
      expect(page).toMatchObject({ nextCursor: null, now: '2026-06-01T09:00:00.000Z' });
      expect((await tasksOf('rita', '?status=overdue')).items).toEqual([]);
    });

    it('given the clock past the due time, when rita lists her overdue tasks, then hers is overdue; raj’s she may not see even when she names him', async () => {
      clock.advance(4 * DAY);

      expect((await tasksOf('rita', '?status=overdue')).items.map((task) => [task.recordId, task.overdue])).toEqual([['globex-1', true]]);
      expect((await tasksOf('rita', '?owner=me&status=open')).items.map((task) => task.overdue)).toEqual([true]);
      expect((await tasksOf('rita', '?owner=raj&status=overdue')).items).toEqual([]);
      expect((await tasksOf('raj', '?status=overdue')).items.map((task) => task.recordId)).toEqual(['hooli-1']);
    });

    it('given max manages the east team, when he lists rita’s or raj’s tasks, then he sees his team member’s, not the west team’s, and has none of his own', async () => {
      expect((await tasksOf('max', '?owner=rita&status=overdue')).items.map((task) => task.recordId)).toEqual(['globex-1']);
      expect((await tasksOf('max', '?owner=raj&status=all')).items).toEqual([]);
      expect((await tasksOf('max')).items).toEqual([]);
      expect((await tasksOf('ada', '?owner=raj')).items.map((task) => task.recordId)).toEqual(['hooli-1']);
    });

    it('given rita completes her task, when she lists her open tasks, then it is gone, and it is among her done ones', async () => {
      const [task] = (await tasksOf('rita')).items;
      expectStatus(await harness.request('rita', 'POST', `/records/opportunity/globex-1/tasks/${task?.taskId ?? 'missing'}/complete`, { note: 'sent by mail' }), 200);

      expect((await tasksOf('rita')).items).toEqual([]);
      expect((await tasksOf('rita', '?status=done')).items.map((done) => [done.taskId, done.status, done.closedBy])).toEqual([[task?.taskId, 'done', 'rita']]);
    });

    it('given a bad status, an unknown kind or no token, when tasks are listed, then 400 naming the parameter, 404 and 401', async () => {
      const badStatus = expectStatus(await harness.request<ErrorBody>('rita', 'GET', '/tasks?status=late'), 400);
      expect(badStatus.error).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(badStatus.details)).toContain('status');
      expect(expectStatus(await harness.request<ErrorBody>('rita', 'GET', '/tasks?kind=spaceship'), 404).error).toBe('UNKNOWN_KIND');
      expect(expectStatus(await harness.request<ErrorBody>(null, 'GET', '/tasks'), 401).error).toBe('UNAUTHENTICATED');
    });
  });

  describe('GET /approvals', () => {
    it('given rita asked approval for a 25% discount, when the approvers list what waits for them, then the sales manager sees it first, then finance', async () => {
      expectStatus(
        await harness.request('rita', 'POST', '/records/quote', { id: 'q-1', fields: { opportunity: 'globex-1', total: 90_000, validUntil: '2026-12-31', discount: 0.25 } }),
        201,
      );
      expectStatus(await harness.request('rita', 'POST', '/records/quote/q-1/transitions', { event: 'submit' }), 200);
      expectStatus(await harness.request('rita', 'POST', '/records/quote/q-1/transitions', { event: 'approve' }), 202);

      const [waiting] = await approvalsOf('max', '?waitingFor=me');
      expect(waiting).toMatchObject({ recordId: 'q-1', requestedBy: 'rita', waitingFor: ['Sales manager'] });
      expect(await approvalsOf('rita')).toEqual([]);
      expect(await approvalsOf('ada')).toEqual([]);

      expectStatus(await harness.request('max', 'POST', `/records/quote/q-1/approvals/${waiting?.approvalId ?? 'missing'}/grant`, { comment: 'Strategic account' }), 200);

      expect(await approvalsOf('max')).toEqual([]);
      expect((await approvalsOf('ada')).map((approval) => [approval.recordId, approval.waitingFor])).toEqual([['q-1', ['Finance (admin)']]]);
    });

    it('given waitingFor other than me, when approvals are listed, then 400 naming the parameter', async () => {
      const refused = expectStatus(await harness.request<ErrorBody>('max', 'GET', '/approvals?waitingFor=rita'), 400);

      expect(refused.error).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(refused.details)).toContain('waitingFor');
    });
  });
});
