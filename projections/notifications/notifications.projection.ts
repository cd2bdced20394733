import type { Database } from 'better-sqlite3';
import type { StoredEvent } from '@crm/event-store';
import { NOTIFICATION_EVENT_TYPES, NOTIFICATION_QUEUED, NOTIFICATION_READ } from '@crm/notifications';
import type { Projection, ProjectionWriter, TableNames } from '@crm/projection-runtime';

export const NOTIFICATIONS_PROJECTION = 'notifications';

const objectOf = (value: unknown): Record<string, unknown> | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null);

const openWriter = (db: Database, tables: TableNames): ProjectionWriter => {
  const notifications = tables('notifications');
  const insert = db.prepare(
    `INSERT OR IGNORE INTO ${notifications} (user, notification_id, kind, record_kind, record_id, title, body, source_event_id, source_event_type, queued_at, read_at)
     VALUES (@user, @notification_id, @kind, @record_kind, @record_id, @title, @body, @source_event_id, @source_event_type, @queued_at, NULL)`,
  );
  const markRead = db.prepare(`UPDATE ${notifications} SET read_at = ? WHERE user = ? AND notification_id = ? AND read_at IS NULL`);

  const evolve = (event: StoredEvent): void => {
    const { data } = event;
    if (event.type === NOTIFICATION_QUEUED) {
      const record = objectOf(data['record']) ?? {};
      const source = objectOf(data['sourceEvent']);
      insert.run({
        user: String(data['user']),
        notification_id: String(data['notificationId']),
        kind: String(data['kind']),
        record_kind: String(record['kind']),
        record_id: String(record['id']),
        title: String(data['title']),
        body: String(data['body']),
        source_event_id: String(source?.['id']),
        source_event_type: String(source?.['type']),
        queued_at: event.occurredAt,
      });
    }
    if (event.type === NOTIFICATION_READ) markRead.run(event.occurredAt, String(data['user']), String(data['notificationId']));
  };
  return { evolve };
};

/**
 * Every user's inbox (README, Notifications and webhooks): a row per notification, read or not. The
 * inbox streams are the truth; this answers `GET /notifications` newest first without reading them.
 */
export const notificationsProjection = (): Projection => ({
  name: NOTIFICATIONS_PROJECTION,
  version: 1,
  eventTypes: NOTIFICATION_EVENT_TYPES,
  tables: [
    {
      name: 'notifications',
      create: (table) => [
        `CREATE TABLE ${table} (
          user              TEXT NOT NULL,
          notification_id   TEXT NOT NULL,
          kind              TEXT NOT NULL,
          record_kind       TEXT NOT NULL,
          record_id         TEXT NOT NULL,
          title             TEXT NOT NULL,
          body              TEXT NOT NULL,
          source_event_id   TEXT NOT NULL,
          source_event_type TEXT NOT NULL,
          queued_at         TEXT NOT NULL,
          read_at           TEXT,
          PRIMARY KEY (user, notification_id)
        )`,
        // Newest first with a tie-break, so a cursor after any row is exact; the unread ones on their own.
        `CREATE INDEX ${table}__by_user ON ${table} (user, queued_at, notification_id)`,
        `CREATE INDEX ${table}__unread ON ${table} (user, queued_at, notification_id) WHERE read_at IS NULL`,
      ],
    },
  ],
  open: openWriter,
});
