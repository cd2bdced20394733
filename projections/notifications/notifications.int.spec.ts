import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { Inboxes, type NotificationDraft } from '@crm/notifications';
import { catchUpProjection, projectionDigest, ReadModelDatabase, rebuildProjection } from '@crm/projection-runtime';
import { ReadModelException } from '../shared/read-model.exception';
import { notificationsProjection } from './notifications.projection';
import { listNotifications } from './notifications.queries';

const max = { id: 'max', roles: ['manager'] };
const TRACE = { causationId: 'cause', correlationId: 'correlation' };

const draft = (n: number, user = 'max'): NotificationDraft => ({
  notificationId: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  user,
  kind: n % 2 === 0 ? 'escalation' : 'reminder',
  record: { kind: 'lead', id: `lead-${n}` },
  title: `Notification ${n}`,
  body: `Body ${n}`,
  sourceEvent: { id: `source-${n}`, type: 'TimerFired' },
});

describe('the notifications read model: each user’s inbox, newest first', () => {
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  let directory: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let inboxes: Inboxes;

  const catchUp = () => catchUpProjection({ store, readModels, projection: notificationsProjection(), clock });
  const queue = async (...numbers: number[]) => {
    for (const n of numbers) {
      clock.advance(60_000);
      await inboxes.queue(draft(n, n > 100 ? 'mia' : 'max'), TRACE);
    }
  };

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-notifications-read-model-'));
    clock.set('2026-03-02T09:00:00.000Z');
    store = await SqliteEventStore.open({ directory, clock });
    readModels = ReadModelDatabase.open({ directory });
    inboxes = new Inboxes(store, clock);
  });

  afterEach(async () => {
    readModels.close();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given notifications to max and mia, when max lists his, then he sees only his, newest first, with what each says and when', async () => {
    await queue(1, 2, 101);
    await catchUp();

    const page = listNotifications(readModels.db, { user: 'max' });

    expect(page).toEqual({
      items: [
        {
          notificationId: draft(2).notificationId,
          kind: 'escalation',
          record: { kind: 'lead', id: 'lead-2' },
          title: 'Notification 2',
          body: 'Body 2',
          sourceEvent: { id: 'source-2', type: 'TimerFired' },
          queuedAt: '2026-03-02T09:02:00.000Z',
          readAt: null,
        },
        expect.objectContaining({ notificationId: draft(1).notificationId, queuedAt: '2026-03-02T09:01:00.000Z' }),
      ],
      nextCursor: null,
      unread: 2,
    });
  });

  it('given one of three read, when max lists the unread ones, then the read one is left out and the count says two', async () => {
    await queue(1, 2, 3);
    clock.advance(1_000);
    await inboxes.markRead(max, draft(2).notificationId);
    await catchUp();

    const unread = listNotifications(readModels.db, { user: 'max', unread: true });
    const all = listNotifications(readModels.db, { user: 'max' });

    expect(unread.items.map((item) => item.title)).toEqual(['Notification 3', 'Notification 1']);
    expect(unread.unread).toBe(2);
    expect(all.items.find((item) => item.title === 'Notification 2')?.readAt).toBe('2026-03-02T09:03:01.000Z');
  });

  it('given five notifications, when listed two at a time, then the pages follow each other without gap or repeat', async () => {
    await queue(1, 2, 3, 4, 5);
    await catchUp();

    const titles: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = listNotifications(readModels.db, { user: 'max', limit: 2, cursor });
      titles.push(...page.items.map((item) => item.title));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }

    expect(titles).toEqual(['Notification 5', 'Notification 4', 'Notification 3', 'Notification 2', 'Notification 1']);
  });

  it('given a damaged cursor, when listed, then the query is refused', async () => {
    await catchUp();

    expect(() => listNotifications(readModels.db, { user: 'max', cursor: 'bm90IGEgY3Vyc29y' })).toThrow(ReadModelException);
  });

  it('given the live model, when rebuilt from the log, then it holds the same rows', async () => {
    await queue(1, 2, 101);
    await inboxes.markAllRead(max);
    await catchUp();
    const live = projectionDigest(readModels.db, notificationsProjection());

    await rebuildProjection({ store, readModels, projection: notificationsProjection(), clock });

    expect(projectionDigest(readModels.db, notificationsProjection())).toBe(live);
    expect(listNotifications(readModels.db, { user: 'max', unread: true }).items).toEqual([]);
  });
});
