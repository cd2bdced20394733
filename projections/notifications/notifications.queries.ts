import type { Database } from 'better-sqlite3';
import { requireTables } from '../shared/require-tables';
import { invalidQuery } from '../shared/read-model.exception';
import { NOTIFICATIONS_PROJECTION } from './notifications.projection';

export interface NotificationQuery {
  /** Whose inbox: a user only ever reads their own. */
  readonly user: string;
  /** Only those not read yet. */
  readonly unread?: boolean;
  /** Page size 1-200; default 50. */
  readonly limit?: number;
  /** `nextCursor` of the previous page. */
  readonly cursor?: string;
}

export interface NotificationItem {
  readonly notificationId: string;
  readonly kind: string;
  readonly record: { readonly kind: string; readonly id: string };
  readonly title: string;
  readonly body: string;
  readonly sourceEvent: { readonly id: string; readonly type: string };
  readonly queuedAt: string;
  readonly readAt: string | null;
}

export interface NotificationPage {
  readonly items: readonly NotificationItem[];
  /** Pass it as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
  /** How many of the user's notifications are unread, on every page. */
  readonly unread: number;
}

interface NotificationRow {
  readonly notification_id: string;
  readonly kind: string;
  readonly record_kind: string;
  readonly record_id: string;
  readonly title: string;
  readonly body: string;
  readonly source_event_id: string;
  readonly source_event_type: string;
  readonly queued_at: string;
  readonly read_at: string | null;
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

type CursorKey = [queuedAt: string, notificationId: string];

const encodeCursor = (row: NotificationRow): string => Buffer.from(JSON.stringify([row.queued_at, row.notification_id])).toString('base64url');

const decodeCursor = (cursor: string): CursorKey => {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === 2 && key.every((part) => typeof part === 'string')) return key as CursorKey;
  } catch {
    // falls through to the error below: a cursor is opaque, any damage is the same mistake
  }
  throw invalidQuery('the cursor is not one this query returned', { cursor });
};

const itemOf = (row: NotificationRow): NotificationItem => ({
  notificationId: row.notification_id,
  kind: row.kind,
  record: { kind: row.record_kind, id: row.record_id },
  title: row.title,
  body: row.body,
  sourceEvent: { id: row.source_event_id, type: row.source_event_type },
  queuedAt: row.queued_at,
  readAt: row.read_at,
});

/** One page of a user's inbox, newest first (README, Notifications and webhooks). */
export const listNotifications = (db: Database, query: NotificationQuery): NotificationPage => {
  requireTables(db, NOTIFICATIONS_PROJECTION, ['notifications']);
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw invalidQuery(`limit must be a whole number 1-${MAX_LIMIT}`, { limit });
  const conditions = ['user = @user'];
  const parameters: Record<string, string | number> = { user: query.user, limit: limit + 1 };
  if (query.unread === true) conditions.push('read_at IS NULL');
  if (query.cursor !== undefined) {
    const [queuedAt, notificationId] = decodeCursor(query.cursor);
    conditions.push('(queued_at, notification_id) < (@cursorQueuedAt, @cursorNotificationId)');
    Object.assign(parameters, { cursorQueuedAt: queuedAt, cursorNotificationId: notificationId });
  }
  const rows = db
    .prepare(`SELECT * FROM notifications WHERE ${conditions.join(' AND ')} ORDER BY queued_at DESC, notification_id DESC LIMIT @limit`)
    .all(parameters) as NotificationRow[];
  const page = rows.slice(0, limit);
  const { unread } = db.prepare('SELECT COUNT(*) AS unread FROM notifications WHERE user = ? AND read_at IS NULL').get(query.user) as { readonly unread: number };
  return { items: page.map(itemOf), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null, unread };
};
