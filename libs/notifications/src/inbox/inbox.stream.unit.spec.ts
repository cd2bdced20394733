import type { StoredEvent } from '@crm/event-store';
import { NotificationsException, NotificationsExceptionCode } from '../notifications.exception';
import { decideAllRead, decideRead, inboxFold, inboxStream, notificationQueued, userOfInbox, type NotificationDraft } from './inbox.stream';

const draft = (notificationId: string): NotificationDraft => ({
  notificationId,
  user: 'max',
  kind: 'escalation',
  record: { kind: 'lead', id: 'lee' },
  title: 'Escalation: Lead lee',
  body: 'Not contacted for four business hours',
  sourceEvent: { id: `source-of-${notificationId}`, type: 'TimerFired' },
});

let revision = 0;
const stored = (event: { type: string; data: StoredEvent['data'] }): StoredEvent => ({
  id: `event-${revision}`,
  type: event.type,
  stream: inboxStream('max'),
  revision: revision++,
  position: { commit: BigInt(revision), prepare: BigInt(revision) },
  data: event.data,
  metadata: {},
  occurredAt: '2026-03-02T13:00:00.000Z',
  recordedAt: '2026-03-02T13:00:00.000Z',
});

const inboxWith = (...events: { type: string; data: StoredEvent['data'] }[]) =>
  inboxFold.evolve(inboxFold.initialState(inboxStream('max')), events.map(stored));

const refusalOf = (decide: () => unknown): NotificationsException => {
  try {
    decide();
  } catch (error) {
    if (error instanceof NotificationsException) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('an inbox: one stream per user, _notifications-<user>', () => {
  it('given a user, when the stream is named, then it is a platform stream no record kind can take, and names the user back', () => {
    expect(inboxStream('max')).toBe('_notifications-max');
    expect(userOfInbox('_notifications-max')).toBe('max');
    expect(userOfInbox('lead-max')).toBeNull();
  });

  it('given a notification to queue, when decided, then one NotificationQueued carries what the user is told and what caused it', () => {
    expect(notificationQueued(draft('n1'))).toEqual({
      type: 'NotificationQueued',
      data: {
        notificationId: 'n1',
        user: 'max',
        kind: 'escalation',
        record: { kind: 'lead', id: 'lee' },
        title: 'Escalation: Lead lee',
        body: 'Not contacted for four business hours',
        sourceEvent: { id: 'source-of-n1', type: 'TimerFired' },
      },
    });
  });

  it('given two queued notifications, when one is marked read, then only that one becomes NotificationRead', () => {
    const inbox = inboxWith(notificationQueued(draft('n1')), notificationQueued(draft('n2')));

    expect(decideRead(inbox, 'n2')).toEqual([{ type: 'NotificationRead', data: { notificationId: 'n2', user: 'max' } }]);
  });

  it('given a notification already read, when marked read again, then nothing is decided', () => {
    const inbox = inboxWith(notificationQueued(draft('n1')), { type: 'NotificationRead', data: { notificationId: 'n1', user: 'max' } });

    expect(decideRead(inbox, 'n1')).toEqual([]);
  });

  it('given an id the inbox does not hold, when marked read, then it is refused as not found', () => {
    const inbox = inboxWith(notificationQueued(draft('n1')));

    const refusal = refusalOf(() => decideRead(inbox, 'n9'));

    expect(refusal.code).toBe(NotificationsExceptionCode.NOTIFICATION_NOT_FOUND);
    expect(refusal.details).toEqual({ notificationId: 'n9' });
  });

  it('given three notifications, one read, when all are marked read, then the two unread ones are, oldest first', () => {
    const inbox = inboxWith(
      notificationQueued(draft('n1')),
      notificationQueued(draft('n2')),
      { type: 'NotificationRead', data: { notificationId: 'n1', user: 'max' } },
      notificationQueued(draft('n3')),
    );

    expect(decideAllRead(inbox).map((event) => event.data['notificationId'])).toEqual(['n2', 'n3']);
  });

  it('given a folded inbox, when more events are folded, then the earlier state is left as it was', () => {
    const before = inboxWith(notificationQueued(draft('n1')));

    inboxFold.evolve(before, [stored({ type: 'NotificationRead', data: { notificationId: 'n1', user: 'max' } })]);

    expect(decideRead(before, 'n1')).toHaveLength(1);
  });
});
