import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { eventually, scaledTimeout } from '@crm/event-store/contract';
import { WireLevelStandIn } from '@crm/event-store/stand-in';
import { inboxStream } from '@crm/notifications';
import { fireTimerCommandId, TIMER_ACTOR } from '@crm/workflow';
import { ApiHarness, type ApiResponse, type DemoUser } from './api-harness';

/**
 * In-app notifications over real HTTP: reminders and escalations of the lead SLA, approval requests and
 * decisions, stalled deals; each user reads their own (`GET /notifications`) and marks them read. On
 * SQLite and on the EventStoreDB adapter (through the real client to the wire-level stand-in).
 */

interface NotificationItem {
  notificationId: string;
  kind: string;
  record: { kind: string; id: string } | null;
  title: string;
  body: string;
  sourceEvent: { id: string; type: string };
  queuedAt: string;
  readAt: string | null;
}
interface NotificationPage {
  items: NotificationItem[];
  nextCursor: string | null;
  unread: number;
}
interface ErrorBody {
  error: string;
  details: Record<string, unknown>;
}

const DAY = 86_400_000;
// 2026-03-02 is a Monday: the lead SLA counts business hours, Monday to Friday 09:00-17:00 UTC.
const MONDAY_NINE = '2026-03-02T09:00:00.000Z';

const expectStatus = <T>(response: ApiResponse<T>, status: number): T => {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
};

/** Waits until the user's unread notifications, newest first, are of these kinds. */
const unreadKinds = (on: ApiHarness, as: DemoUser, kinds: readonly string[]): Promise<NotificationPage> =>
  eventually(async () => {
    // On an injected clock the host runs the reactors: what a request caused is notified on the next run.
    await on.api.outbox.runReactors();
    const page = expectStatus(await on.request<NotificationPage>(as, 'GET', '/notifications?unread=true'), 200);
    expect(page.items.map((item) => item.kind)).toEqual(kinds);
    return page;
  });

describe.each(['sqlite', 'eventstoredb (wire-level stand-in)'] as const)('notifications on %s: GET /notifications, POST /notifications/:id/read and /notifications/read-all', (store) => {
  const clock = new ManualClock(MONDAY_NINE);
  let harness: ApiHarness;
  let standIn: WireLevelStandIn | null = null;
  const inboxOf = async (as: DemoUser, query = ''): Promise<NotificationPage> => expectStatus(await harness.request<NotificationPage>(as, 'GET', `/notifications${query}`), 200);

  /** Fires the record's timers due by the clock, as the timer scheduler would: FireTimer as system:timer, once per timer. */
  const fireDueTimers = async (kind: string, recordId: string): Promise<number> => {
    const events = await harness.api.engine.store.readStream(`${kind}-${recordId}`);
    const settled = new Set(events.filter((event) => event.type === 'TimerFired' || event.type === 'TimerCancelled').map((event) => String(event.data['timerId'])));
    const due = events.filter(
      (event) => event.type === 'TimerScheduled' && !settled.has(String(event.data['timerId'])) && Date.parse(String(event.data['dueAt'])) <= clock.now().getTime(),
    );
    for (const timer of due) {
      const timerId = String(timer.data['timerId']);
      await harness.api.engine.commands.execute({ type: 'FireTimer', kind, recordId, timerId, commandId: fireTimerCommandId(timerId), actor: TIMER_ACTOR });
    }
    return due.length;
  };

  beforeEach(async () => {
    clock.set(MONDAY_NINE);
    // A fresh stand-in per test: its log, like a data directory, starts empty.
    standIn = store === 'sqlite' ? null : await WireLevelStandIn.start();
    harness = await ApiHarness.start({ clock, ...(standIn === null ? {} : { eventStoreDbConnectionString: standIn.connectionString }) });
  }, scaledTimeout(60_000));
  afterEach(async () => {
    await harness.stop();
    await standIn?.stop();
  });

  it('given rita’s new lead not contacted, when its reminder and then its escalation fall due, then rita is reminded and max, her manager, sees the escalation; mia, of another team, nothing', async () => {
    expectStatus(await harness.request('rita', 'POST', '/records/lead', { id: 'lee', fields: { name: 'Lee Industries' } }), 201);

    clock.set('2026-03-02T10:00:00.000Z');
    expect(await fireDueTimers('lead', 'lee')).toBe(1);
    clock.set('2026-03-02T13:00:00.000Z');
    expect(await fireDueTimers('lead', 'lee')).toBe(1);

    const [reminder] = (await unreadKinds(harness, 'rita', ['reminder'])).items;
    const page = await unreadKinds(harness, 'max', ['escalation']);
    expect(reminder).toMatchObject({ title: 'Reminder: Lee Industries (lead lee)', body: 'This new lead has not been contacted for a business hour' });
    expect(page).toEqual({
      items: [
        {
          notificationId: expect.any(String),
          kind: 'escalation',
          record: { kind: 'lead', id: 'lee' },
          title: 'Escalation: Lee Industries (lead lee)',
          body: 'This new lead has not been contacted for four business hours (owner: rita)',
          sourceEvent: { id: expect.any(String), type: 'TimerFired' },
          queuedAt: '2026-03-02T13:00:00.000Z',
          readAt: null,
        },
      ],
      nextCursor: null,
      unread: 1,
    });
    expect(await harness.api.engine.store.readStream(inboxStream('mia'))).toEqual([]);
  });

  it('given an unread notification, when its user marks it read, then it leaves the unread list at once; another user cannot find it', async () => {
    expectStatus(await harness.request('ada', 'POST', '/records/opportunity', { id: 'globex-1', owner: 'rita', fields: { name: 'Globex platform deal' } }), 201);
    const [assigned] = (await unreadKinds(harness, 'rita', ['owner_changed'])).items;
    const id = assigned?.notificationId ?? 'missing';

    expect(expectStatus(await harness.request('max', 'POST', `/notifications/${id}/read`), 404)).toMatchObject({ error: 'NOTIFICATION_NOT_FOUND' } satisfies Partial<ErrorBody>);
    const marked = expectStatus(await harness.request<{ read: string[]; readAt: string | null }>('rita', 'POST', `/notifications/${id}/read`), 200);
    const again = expectStatus(await harness.request<{ read: string[] }>('rita', 'POST', `/notifications/${id}/read`), 200);

    expect(marked).toEqual({ read: [id], readAt: MONDAY_NINE });
    // Only the recipient lists it: ada, who gave the deal, and max, rita's manager, see nothing.
    expect(await inboxOf('ada')).toEqual({ items: [], nextCursor: null, unread: 0 });
    expect(await inboxOf('max')).toEqual({ items: [], nextCursor: null, unread: 0 });
    expect(again.read).toEqual([]);
    expect(await inboxOf('rita', '?unread=true')).toEqual({ items: [], nextCursor: null, unread: 0 });
    expect((await inboxOf('rita')).items[0]).toMatchObject({ notificationId: id, readAt: MONDAY_NINE });
  });

  it('given three deals given to rita, when she reads them two at a time and then marks all read, then the pages hold all three and nothing stays unread', async () => {
    for (const id of ['a-1', 'a-2', 'a-3']) {
      clock.advance(60_000);
      expectStatus(await harness.request('ada', 'POST', '/records/opportunity', { id, owner: 'rita', fields: { name: `Deal ${id}` } }), 201);
    }
    await unreadKinds(harness, 'rita', ['owner_changed', 'owner_changed', 'owner_changed']);

    const first = await inboxOf('rita', '?limit=2');
    const second = await inboxOf('rita', `?limit=2&cursor=${first.nextCursor ?? ''}`);
    const all = expectStatus(await harness.request<{ read: string[] }>('rita', 'POST', '/notifications/read-all'), 200);

    expect([...first.items, ...second.items].map((item) => item.record?.id)).toEqual(['a-3', 'a-2', 'a-1']);
    expect(all.read).toHaveLength(3);
    expect((await inboxOf('rita', '?unread=true')).unread).toBe(0);
  });

  it('given rita asks for a 25% discount on a quote, when max grants, then max was asked, rita hears of the grant and ada is asked as finance', async () => {
    expectStatus(await harness.request('rita', 'POST', '/records/opportunity', { id: 'globex-1', fields: { name: 'Globex platform deal' } }), 201);
    expectStatus(await harness.request('rita', 'POST', '/records/quote', { id: 'q1', fields: { opportunity: 'globex-1', total: 90000, validUntil: '2026-12-31', discount: 0.25 } }), 201);
    expectStatus(await harness.request('rita', 'POST', '/records/quote/q1/transitions', { event: 'submit' }), 200);
    const requested = expectStatus(await harness.request<{ record: { approvals: { approvalId: string }[] } }>('rita', 'POST', '/records/quote/q1/transitions', { event: 'approve' }), 202);

    const [asked] = (await unreadKinds(harness, 'max', ['approval_requested'])).items;
    expectStatus(await harness.request('max', 'POST', `/records/quote/q1/approvals/${requested.record.approvals[0]?.approvalId ?? ''}/grant`, { comment: 'Strategic account' }), 200);

    expect(asked).toMatchObject({ title: 'Approval requested: approve on quote q1', body: 'rita asks you to approve as Sales manager' });
    expect((await unreadKinds(harness, 'rita', ['approval_granted'])).items[0]).toMatchObject({ body: 'max granted: Strategic account' });
    expect((await unreadKinds(harness, 'ada', ['approval_requested'])).items[0]).toMatchObject({ body: 'rita asks you to approve as Finance (admin)' });
  });

  it('given rita’s deal left in proposal for 30 days, when the stalled timer falls due, then rita is told', async () => {
    const fields = { name: 'Globex platform deal', budget: 50_000, decisionMaker: 'Pat Buyer', timeline: '2026-09-30', proposalDocument: 'p.pdf' };
    expectStatus(await harness.request('rita', 'POST', '/records/opportunity', { id: 'globex-1', fields }), 201);
    for (const event of ['analyze_needs', 'propose']) expectStatus(await harness.request('rita', 'POST', '/records/opportunity/globex-1/transitions', { event }), 200);

    // A month on, the demo tokens have expired: the app restarts with new ones, its outbox resuming from its checkpoints.
    clock.advance(30 * DAY + 60_000);
    rmSync(join(harness.dataDirectory, 'demo-tokens.json'));
    harness = await harness.restart();
    expect(await fireDueTimers('opportunity', 'globex-1')).toBe(1);

    const [stalled] = (await unreadKinds(harness, 'rita', ['record_stalled'])).items;
    expect(stalled?.title).toBe('Stalled: Globex platform deal (opportunity globex-1)');
    expect(stalled?.body).toMatch(/^No move in stage proposal since 2026-0[34]-\d\dT[\d:.]+Z$/);
  });

  it('given a bad query, when listing, then it is refused naming the parameter', async () => {
    const refused = expectStatus(await harness.request<ErrorBody>('rita', 'GET', '/notifications?unread=maybe&limit=0'), 400);

    expect(refused.error).toBe('VALIDATION_FAILED');
  });
});

describe('notifications in the background (npm start)', () => {
  it('given the app on the system clock (npm start), when ada gives rita a deal, then the reactors notify her in the background', async () => {
    const live = await ApiHarness.start({ outbox: 'loop' });
    try {
      expectStatus(await live.request('ada', 'POST', '/records/opportunity', { id: 'live-1', owner: 'rita', fields: { name: 'Live deal' } }), 201);

      const [assigned] = (await unreadKinds(live, 'rita', ['owner_changed'])).items;

      expect(assigned).toMatchObject({ title: 'Assigned to you: Live deal (opportunity live-1)', body: 'ada assigned it to you' });
    } finally {
      await live.stop();
    }
  });
});
