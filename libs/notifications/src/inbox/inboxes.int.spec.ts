import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore, type EventStore } from '@crm/event-store';
import { NotificationsException, NotificationsExceptionCode } from '../notifications.exception';
import { inboxStream, type NotificationDraft } from './inbox.stream';
import { Inboxes } from './inboxes';

const TRACE = { causationId: 'timer-fired-1', correlationId: 'lead-opened-1' };

const escalation = (notificationId: string, user = 'max'): NotificationDraft => ({
  notificationId,
  user,
  kind: 'escalation',
  record: { kind: 'lead', id: 'lee' },
  title: 'Escalation: Lead lee',
  body: 'Not contacted for four business hours',
  sourceEvent: { id: 'timer-fired-1', type: 'TimerFired' },
});

describe('Inboxes: notifications through the generic command loop', () => {
  const clock = new ManualClock('2026-03-02T13:00:00.000Z');
  let directory: string;
  let store: EventStore;
  let inboxes: Inboxes;

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-inboxes-'));
    store = await SqliteEventStore.open({ directory, clock });
    inboxes = new Inboxes(store, clock);
  });

  afterEach(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given a notification, when queued, then one NotificationQueued is stored in the user’s inbox, as the notifications reactor, caused by its source', async () => {
    const outcome = await inboxes.queue(escalation('0190c1de-0000-7000-8000-000000000001'), TRACE);

    const [event] = await store.readStream(inboxStream('max'));
    expect(outcome.queued).toBe(true);
    expect(event).toMatchObject({
      type: 'NotificationQueued',
      data: { notificationId: '0190c1de-0000-7000-8000-000000000001', user: 'max', kind: 'escalation' },
      metadata: { actor: 'system:reactor:notifications', commandId: '0190c1de-0000-7000-8000-000000000001', ...TRACE },
    });
  });

  it('given a notification queued before, when queued again (a redelivered event), then nothing more is stored', async () => {
    await inboxes.queue(escalation('0190c1de-0000-7000-8000-000000000001'), TRACE);

    const again = await new Inboxes(store, clock).queue(escalation('0190c1de-0000-7000-8000-000000000001'), TRACE);

    expect(again.queued).toBe(false);
    expect(await store.readStream(inboxStream('max'))).toHaveLength(1);
  });

  it('given two notifications, when one is marked read by its user, then it alone is read, and reading it again stores nothing', async () => {
    await inboxes.queue(escalation('n-1'), TRACE);
    await inboxes.queue(escalation('n-2'), TRACE);

    const first = await inboxes.markRead({ id: 'max', roles: ['manager'] }, 'n-2');
    const second = await inboxes.markRead({ id: 'max', roles: ['manager'] }, 'n-2');

    expect(first.read).toEqual(['n-2']);
    expect(second.read).toEqual([]);
    expect((await store.readStream(inboxStream('max'))).map((event) => event.type)).toEqual(['NotificationQueued', 'NotificationQueued', 'NotificationRead']);
  });

  it('given a notification of another user, when someone marks it read, then it is not found in their inbox and nothing is stored', async () => {
    await inboxes.queue(escalation('n-1', 'max'), TRACE);

    const refusal = await inboxes.markRead({ id: 'mia', roles: ['manager'] }, 'n-1').catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(NotificationsException);
    expect((refusal as NotificationsException).code).toBe(NotificationsExceptionCode.NOTIFICATION_NOT_FOUND);
    expect(await store.readStream(inboxStream('mia'))).toEqual([]);
  });

  it('given three notifications, when all are marked read, then each unread one is read once', async () => {
    for (const id of ['n-1', 'n-2', 'n-3']) await inboxes.queue(escalation(id), TRACE);
    await inboxes.markRead({ id: 'max', roles: ['manager'] }, 'n-1');

    const outcome = await inboxes.markAllRead({ id: 'max', roles: ['manager'] });

    expect(outcome.read).toEqual(['n-2', 'n-3']);
    expect((await inboxes.markAllRead({ id: 'max', roles: ['manager'] })).read).toEqual([]);
  });
});
