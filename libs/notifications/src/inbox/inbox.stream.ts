import type { StreamFold } from '@crm/command-handler';
import { NotificationsException, NotificationsExceptionCode } from '../notifications.exception';
import {
  NOTIFICATION_QUEUED,
  NOTIFICATION_READ,
  type NotificationQueued,
  type NotificationQueuedData,
  type NotificationRead,
} from './notification.events';

/**
 * A user's notifications live in their own stream. The `_` prefix marks platform streams (like
 * `_quota-`, `_reactor-`): record kinds are lower-case identifiers, so no record stream can be an inbox.
 */
export const INBOX_STREAM_PREFIX = '_notifications-';

export const inboxStream = (user: string): string => `${INBOX_STREAM_PREFIX}${user}`;

export const userOfInbox = (stream: string): string | null => (stream.startsWith(INBOX_STREAM_PREFIX) ? stream.slice(INBOX_STREAM_PREFIX.length) : null);

/** A notification before it is queued: the same fields as the event. */
export type NotificationDraft = NotificationQueuedData;

/** What marking notifications read is decided on: each notification of the inbox, read or not, in queue order. */
export interface InboxState {
  readonly user: string;
  readonly read: ReadonlyMap<string, boolean>;
}

export const inboxFold: StreamFold<InboxState> = {
  initialState: (stream) => ({ user: userOfInbox(stream) ?? stream, read: new Map() }),
  evolve: (state, events) => {
    const read = new Map(state.read);
    for (const event of events) {
      const notificationId = String(event.data['notificationId']);
      if (event.type === NOTIFICATION_QUEUED) read.set(notificationId, false);
      if (event.type === NOTIFICATION_READ) read.set(notificationId, true);
    }
    return { user: state.user, read };
  },
};

export const notificationQueued = (draft: NotificationDraft): NotificationQueued => ({
  type: NOTIFICATION_QUEUED,
  data: {
    notificationId: draft.notificationId,
    user: draft.user,
    kind: draft.kind,
    record: { kind: draft.record.kind, id: draft.record.id },
    title: draft.title,
    body: draft.body,
    sourceEvent: { id: draft.sourceEvent.id, type: draft.sourceEvent.type },
  },
});

const notificationRead = (user: string, notificationId: string): NotificationRead => ({ type: NOTIFICATION_READ, data: { notificationId, user } });

/** Reading twice changes nothing; an id the inbox does not hold is not found (whosever it is). */
export const decideRead = (state: InboxState, notificationId: string): NotificationRead[] => {
  const read = state.read.get(notificationId);
  if (read === undefined) {
    throw new NotificationsException(NotificationsExceptionCode.NOTIFICATION_NOT_FOUND, `no notification ${notificationId} in your inbox`, { notificationId });
  }
  return read ? [] : [notificationRead(state.user, notificationId)];
};

export const decideAllRead = (state: InboxState): NotificationRead[] =>
  [...state.read].filter(([, read]) => !read).map(([notificationId]) => notificationRead(state.user, notificationId));
