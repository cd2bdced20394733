import type { Database } from 'better-sqlite3';
import type { StoredEvent } from '@crm/event-store';
import {
  WEBHOOK_ATTEMPT_FAILED,
  WEBHOOK_ATTEMPT_STARTED,
  WEBHOOK_DEAD_LETTERED,
  WEBHOOK_DELETED,
  WEBHOOK_DELIVERED,
  WEBHOOK_DELIVERY_CANCELLED,
  WEBHOOK_DELIVERY_SCHEDULED,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_REPLAY_REQUESTED,
  WEBHOOK_SUBSCRIBED,
} from '@crm/notifications';
import type { Projection, ProjectionWriter, TableNames } from '@crm/projection-runtime';

export const WEBHOOKS_PROJECTION = 'webhooks';

const objectOf = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const numberOrNull = (value: unknown): number | null => (typeof value === 'number' ? value : null);

const openWriter = (db: Database, tables: TableNames): ProjectionWriter => {
  const subscriptions = tables('webhook_subscriptions');
  const deliveries = tables('webhook_deliveries');
  const attempts = tables('webhook_attempts');
  const subscribe = db.prepare(
    `INSERT OR IGNORE INTO ${subscriptions} (subscription_id, url, events, description, created_by, created_at, status, deleted_at)
     VALUES (@subscription_id, @url, @events, @description, @created_by, @created_at, 'active', NULL)`,
  );
  const unsubscribe = db.prepare(`UPDATE ${subscriptions} SET status = 'deleted', deleted_at = ? WHERE subscription_id = ?`);
  const schedule = db.prepare(
    `INSERT OR IGNORE INTO ${deliveries} (delivery_id, subscription_id, event, source_event_id, source_stream, source_type, status, attempts, next_attempt_at, scheduled_at)
     VALUES (@delivery_id, @subscription_id, @event, @source_event_id, @source_stream, @source_type, 'pending', 0, @next_attempt_at, @scheduled_at)`,
  );
  const claim = db.prepare(`UPDATE ${deliveries} SET claimed_until = ? WHERE delivery_id = ?`);
  const startAttempt = db.prepare(
    `INSERT INTO ${attempts} (delivery_id, attempt, started_at) VALUES (?, ?, ?)
     ON CONFLICT (delivery_id, attempt) DO UPDATE SET started_at = excluded.started_at`,
  );
  const settleAttempt = db.prepare(
    `INSERT INTO ${attempts} (delivery_id, attempt, started_at, finished_at, outcome, status, error, duration_ms, next_attempt_at)
     VALUES (@delivery_id, @attempt, @at, @at, @outcome, @status, @error, @duration_ms, @next_attempt_at)
     ON CONFLICT (delivery_id, attempt) DO UPDATE SET finished_at = @at, outcome = @outcome, status = @status, error = @error,
       duration_ms = @duration_ms, next_attempt_at = @next_attempt_at`,
  );
  const delivered = db.prepare(
    `UPDATE ${deliveries} SET status = 'delivered', attempts = @attempt, next_attempt_at = NULL, claimed_until = NULL, last_status = @status,
       last_error = NULL, delivered_at = @at WHERE delivery_id = @delivery_id`,
  );
  const failed = db.prepare(
    `UPDATE ${deliveries} SET attempts = @attempt, next_attempt_at = @next_attempt_at, claimed_until = NULL, last_status = @status,
       last_error = @last_error WHERE delivery_id = @delivery_id`,
  );
  const deadLettered = db.prepare(`UPDATE ${deliveries} SET status = 'dead', next_attempt_at = NULL, dead_lettered_at = ? WHERE delivery_id = ?`);
  const replayed = db.prepare(`UPDATE ${deliveries} SET status = 'pending', next_attempt_at = ?, dead_lettered_at = NULL WHERE delivery_id = ?`);
  const cancelled = db.prepare(`UPDATE ${deliveries} SET status = 'cancelled', next_attempt_at = NULL, claimed_until = NULL WHERE delivery_id = ?`);

  const settle = (event: StoredEvent, outcome: 'delivered' | 'failed'): Record<string, string | number | null> => {
    const { data } = event;
    const row = {
      delivery_id: String(data['deliveryId']),
      attempt: Number(data['attempt']),
      at: event.occurredAt,
      outcome,
      status: numberOrNull(data['status']),
      error: textOrNull(data['error']),
      duration_ms: numberOrNull(data['durationMs']),
      next_attempt_at: textOrNull(data['nextAttemptAt']),
    };
    settleAttempt.run(row);
    return row;
  };

  const evolve = (event: StoredEvent): void => {
    const { data } = event;
    const deliveryId = String(data['deliveryId']);
    switch (event.type) {
      case WEBHOOK_SUBSCRIBED:
        // The secret stays in the event store: read models are files anyone with the data directory may copy.
        subscribe.run({
          subscription_id: String(data['subscriptionId']),
          url: String(data['url']),
          events: JSON.stringify(Array.isArray(data['events']) ? data['events'] : []),
          description: textOrNull(data['description']),
          created_by: String(data['createdBy']),
          created_at: event.occurredAt,
        });
        break;
      case WEBHOOK_DELETED:
        unsubscribe.run(event.occurredAt, String(data['subscriptionId']));
        break;
      case WEBHOOK_DELIVERY_SCHEDULED: {
        const source = objectOf(data['source']);
        schedule.run({
          delivery_id: deliveryId,
          subscription_id: String(data['subscriptionId']),
          event: String(data['event']),
          source_event_id: String(source['eventId']),
          source_stream: String(source['stream']),
          source_type: String(source['type']),
          next_attempt_at: String(data['nextAttemptAt']),
          scheduled_at: event.occurredAt,
        });
        break;
      }
      case WEBHOOK_ATTEMPT_STARTED:
        claim.run(String(data['until']), deliveryId);
        startAttempt.run(deliveryId, Number(data['attempt']), event.occurredAt);
        break;
      case WEBHOOK_DELIVERED:
        delivered.run(settle(event, 'delivered'));
        break;
      case WEBHOOK_ATTEMPT_FAILED: {
        const row = settle(event, 'failed');
        failed.run({ ...row, last_error: row['error'] ?? `HTTP ${String(row['status'] ?? 'no status')}` });
        break;
      }
      case WEBHOOK_DEAD_LETTERED:
        deadLettered.run(event.occurredAt, deliveryId);
        break;
      case WEBHOOK_REPLAY_REQUESTED:
        replayed.run(String(data['nextAttemptAt']), deliveryId);
        break;
      case WEBHOOK_DELIVERY_CANCELLED:
        cancelled.run(deliveryId);
        break;
      default:
        break;
    }
  };
  return { evolve };
};

/**
 * Webhook subscriptions (without their secrets), deliveries with their attempts, and what is due
 * (README, Notifications and webhooks): the delivery worker reads what is due from here, the routes the
 * delivery log and the dead letters. The subscription and delivery streams are the truth.
 */
export const webhooksProjection = (): Projection => ({
  name: WEBHOOKS_PROJECTION,
  version: 1,
  eventTypes: WEBHOOK_EVENT_TYPES,
  tables: [
    {
      name: 'webhook_subscriptions',
      create: (table) => [
        `CREATE TABLE ${table} (
          subscription_id TEXT PRIMARY KEY,
          url             TEXT NOT NULL,
          events          TEXT NOT NULL,
          description     TEXT,
          created_by      TEXT NOT NULL,
          created_at      TEXT NOT NULL,
          status          TEXT NOT NULL,
          deleted_at      TEXT
        )`,
      ],
    },
    {
      name: 'webhook_deliveries',
      create: (table) => [
        `CREATE TABLE ${table} (
          delivery_id      TEXT PRIMARY KEY,
          subscription_id  TEXT NOT NULL,
          event            TEXT NOT NULL,
          source_event_id  TEXT NOT NULL,
          source_stream    TEXT NOT NULL,
          source_type      TEXT NOT NULL,
          status           TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead', 'cancelled')),
          attempts         INTEGER NOT NULL,
          next_attempt_at  TEXT,
          claimed_until    TEXT,
          last_status      INTEGER,
          last_error       TEXT,
          scheduled_at     TEXT NOT NULL,
          delivered_at     TEXT,
          dead_lettered_at TEXT
        )`,
        `CREATE INDEX ${table}__due ON ${table} (next_attempt_at, delivery_id) WHERE status = 'pending'`,
        `CREATE INDEX ${table}__by_subscription ON ${table} (subscription_id, scheduled_at, delivery_id)`,
        `CREATE INDEX ${table}__by_status ON ${table} (status, scheduled_at, delivery_id)`,
      ],
    },
    {
      name: 'webhook_attempts',
      create: (table) => [
        `CREATE TABLE ${table} (
          delivery_id     TEXT NOT NULL,
          attempt         INTEGER NOT NULL,
          started_at      TEXT NOT NULL,
          finished_at     TEXT,
          outcome         TEXT,
          status          INTEGER,
          error           TEXT,
          duration_ms     INTEGER,
          next_attempt_at TEXT,
          PRIMARY KEY (delivery_id, attempt)
        )`,
      ],
    },
  ],
  open: openWriter,
});
