import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import type { StoredEvent } from '@crm/event-store';
import { eventually } from '@crm/event-store/contract';
import { DEMO_USERS, UserDirectory } from '@crm/identity';
import { ReactorRuntime } from '@crm/reactor-runtime';
import { fireTimerCommandId, newCommandId, TIMER_ACTOR } from '@crm/workflow';
import { openCrmRecords, type CrmRecords } from '../__fixtures__/crm-records';
import { inboxStream } from '../inbox/inbox.stream';
import { Inboxes } from '../inbox/inboxes';
import { NotificationDesk } from './notification-desk';
import { notificationsReactor, type NotificationsDispatcher } from './notifications.reactor';

// 2026-03-02 is a Monday: the lead SLA counts the standard calendar's hours, Monday to Friday 09:00-17:00 UTC.
const MONDAY_NINE = '2026-03-02T09:00:00.000Z';
const users = new UserDirectory(DEMO_USERS);
const rita = { id: 'rita', roles: ['rep'] };

describe('the notifications reactor: record events become notifications in the users’ inboxes', () => {
  const clock = new ManualClock(MONDAY_NINE);
  let directory: string;
  let records: CrmRecords;
  const runtimes: ReactorRuntime<NotificationsDispatcher>[] = [];

  const startReactor = async (name = 'notifications'): Promise<void> => {
    const inboxes = new Inboxes(records.store, clock);
    const runtime = new ReactorRuntime<NotificationsDispatcher>({
      store: records.store,
      dispatcher: { inboxes },
      reactors: [notificationsReactor(new NotificationDesk({ store: records.store, inboxes, users: () => users }), { name, startFrom: 'start' })],
      clock,
      standbyPollMs: 10,
    });
    runtimes.push(runtime);
    await runtime.start();
  };
  const inboxOf = (user: string): Promise<StoredEvent[]> => records.store.readStream(inboxStream(user));
  const eventOf = async (stream: string, type: string): Promise<StoredEvent> => {
    const found = (await records.store.readStream(stream)).filter((event) => event.type === type);
    if (found.length !== 1) throw new Error(`${stream} has ${found.length} ${type}`);
    return found[0];
  };
  const execute = (command: Record<string, unknown>) => records.commands.execute({ commandId: newCommandId(clock), ...command } as Parameters<CrmRecords['commands']['execute']>[0]);

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-notifications-reactor-'));
    clock.set(MONDAY_NINE);
    records = await openCrmRecords(directory, clock, users);
  });

  afterEach(async () => {
    for (const runtime of runtimes.splice(0)) await runtime.stop();
    await records.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const escalateUncontactedLead = async (): Promise<StoredEvent> => {
    await execute({ type: 'OpenRecord', kind: 'lead', recordId: 'lee', actor: rita, fields: { name: 'Lee Industries' } });
    const escalation = (await records.store.readStream('lead-lee')).find((event) => event.type === 'TimerScheduled' && event.data['timer'] === 'escalate_uncontacted');
    if (escalation === undefined) throw new Error('the lead blueprint set no escalation timer');
    clock.set('2026-03-02T13:00:00.000Z');
    const timerId = String(escalation.data['timerId']);
    await records.commands.execute({ type: 'FireTimer', kind: 'lead', recordId: 'lee', timerId, commandId: fireTimerCommandId(timerId), actor: TIMER_ACTOR });
    return eventOf('lead-lee', 'TimerFired');
  };

  it('given rita’s lead not contacted for four business hours, when its escalation fires, then max, her team’s manager, is told once, by the reactor, caused by TimerFired', async () => {
    await startReactor();

    const fired = await escalateUncontactedLead();

    const [notification] = await eventually(async () => {
      const inbox = await inboxOf('max');
      expect(inbox).toHaveLength(1);
      return inbox;
    });
    expect(notification).toMatchObject({
      type: 'NotificationQueued',
      data: {
        user: 'max',
        kind: 'escalation',
        record: { kind: 'lead', id: 'lee' },
        title: 'Escalation: Lee Industries (lead lee)',
        body: 'This new lead has not been contacted for four business hours (owner: rita)',
        sourceEvent: { id: fired.id, type: 'TimerFired' },
      },
      metadata: { actor: 'system:reactor:notifications', causationId: fired.id },
    });
    expect(await inboxOf('mia')).toEqual([]);
    expect(await inboxOf('rita')).toEqual([]);
  });

  it('given the escalation told max already, when the same events are delivered again (a second reactor following from the start), then nothing more is stored', async () => {
    await startReactor();
    const fired = await escalateUncontactedLead();
    await eventually(async () => expect(await inboxOf('max')).toHaveLength(1));

    await startReactor('notifications-again');
    await eventually(async () => {
      const [status] = await runtimes[1].status();
      expect(status).toMatchObject({ state: 'active', lag: 0 });
      expect(status?.commandsSent).toBeGreaterThanOrEqual(1);
    });

    const inbox = await inboxOf('max');
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.data['sourceEvent']).toEqual({ id: fired.id, type: 'TimerFired' });
  });

  it('given rita’s quote at a 25% discount, when she asks for approval and max grants, then max is asked, then rita told and ada asked as finance', async () => {
    await startReactor();
    await execute({ type: 'OpenRecord', kind: 'opportunity', recordId: 'globex-1', actor: rita, fields: { name: 'Globex platform deal' } });
    await execute({ type: 'OpenRecord', kind: 'quote', recordId: 'q1', actor: rita, fields: { opportunity: 'globex-1', total: 90000, validUntil: '2026-12-31', discount: 0.25 } });
    await execute({ type: 'FireTransition', kind: 'quote', recordId: 'q1', actor: rita, event: 'submit' });
    await execute({ type: 'FireTransition', kind: 'quote', recordId: 'q1', actor: rita, event: 'approve' });
    const requested = await eventOf('quote-q1', 'ApprovalRequested');

    await eventually(async () => expect((await inboxOf('max')).map((event) => event.data['kind'])).toEqual(['approval_requested']));
    await execute({ type: 'GrantApproval', kind: 'quote', recordId: 'q1', actor: { id: 'max', roles: ['manager'] }, approvalId: requested.data['approvalId'], comment: 'Strategic account' });

    await eventually(async () => {
      expect((await inboxOf('rita')).map((event) => event.data['title'])).toEqual(['Approved: Sales manager for approve on quote q1']);
      expect((await inboxOf('ada')).map((event) => event.data['kind'])).toEqual(['approval_requested']);
    });
    expect(await inboxOf('mia')).toEqual([]);
  });
});
