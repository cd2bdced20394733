import type { Database } from 'better-sqlite3';
import { invalidQuery } from '../shared/read-model.exception';
import { requireTables } from '../shared/require-tables';
import { WEBHOOKS_PROJECTION } from './webhooks.projection';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'dead', 'cancelled'] as const;
export type DeliveryStatusName = (typeof DELIVERY_STATUSES)[number];

export interface SubscriptionItem {
  readonly subscriptionId: string;
  readonly url: string;
  readonly events: readonly string[];
  readonly description: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly status: 'active' | 'deleted';
  readonly deletedAt: string | null;
  readonly deliveries: Readonly<Record<DeliveryStatusName, number>>;
}

export interface AttemptItem {
  readonly attempt: number;
  readonly startedAt: string;
  /** Null while the attempt is under way (or its sender died; another takes it over once its claim lapses). */
  readonly finishedAt: string | null;
  readonly outcome: 'delivered' | 'failed' | null;
  readonly status: number | null;
  readonly error: string | null;
  readonly durationMs: number | null;
  readonly nextAttemptAt: string | null;
}

export interface DeliveryItem {
  readonly deliveryId: string;
  readonly subscriptionId: string;
  readonly event: string;
  readonly source: { readonly eventId: string; readonly stream: string; readonly type: string };
  readonly status: DeliveryStatusName;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastStatus: number | null;
  readonly lastError: string | null;
  readonly scheduledAt: string;
  readonly deliveredAt: string | null;
  readonly deadLetteredAt: string | null;
  readonly attemptLog: readonly AttemptItem[];
}

export interface DeliveryQuery {
  readonly subscriptionId?: string;
  readonly status?: DeliveryStatusName;
  /** Page size 1-200; default 50. */
  readonly limit?: number;
  readonly cursor?: string;
}

export interface DeliveryPage {
  readonly items: readonly DeliveryItem[];
  readonly nextCursor: string | null;
}

/** A delivery whose next attempt is due, as the delivery worker takes it. */
export interface DueDelivery {
  readonly deliveryId: string;
  readonly nextAttemptAt: string;
}

interface SubscriptionRow {
  readonly subscription_id: string;
  readonly url: string;
  readonly events: string;
  readonly description: string | null;
  readonly created_by: string;
  readonly created_at: string;
  readonly status: string;
  readonly deleted_at: string | null;
}

interface DeliveryRow {
  readonly delivery_id: string;
  readonly subscription_id: string;
  readonly event: string;
  readonly source_event_id: string;
  readonly source_stream: string;
  readonly source_type: string;
  readonly status: string;
  readonly attempts: number;
  readonly next_attempt_at: string | null;
  readonly last_status: number | null;
  readonly last_error: string | null;
  readonly scheduled_at: string;
  readonly delivered_at: string | null;
  readonly dead_lettered_at: string | null;
}

interface AttemptRow {
  readonly attempt: number;
  readonly started_at: string;
  readonly finished_at: string | null;
  readonly outcome: string | null;
  readonly status: number | null;
  readonly error: string | null;
  readonly duration_ms: number | null;
  readonly next_attempt_at: string | null;
}

const TABLES = ['webhook_subscriptions', 'webhook_deliveries', 'webhook_attempts'];
const requireWebhooks = (db: Database): void => requireTables(db, WEBHOOKS_PROJECTION, TABLES);

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

const isDeliveryStatus = (status: string): status is DeliveryStatusName => (DELIVERY_STATUSES as readonly string[]).includes(status);

// The table's CHECK constraint admits these four only.
const statusOf = (status: string): DeliveryStatusName => (isDeliveryStatus(status) ? status : 'pending');

const countsOf = (db: Database, subscriptionId: string): Record<DeliveryStatusName, number> => {
  const counts: Record<DeliveryStatusName, number> = { pending: 0, delivered: 0, dead: 0, cancelled: 0 };
  const rows = db.prepare('SELECT status, COUNT(*) AS count FROM webhook_deliveries WHERE subscription_id = ? GROUP BY status').all(subscriptionId) as {
    readonly status: string;
    readonly count: number;
  }[];
  for (const row of rows) counts[statusOf(row.status)] = row.count;
  return counts;
};

const subscriptionItemOf = (db: Database, row: SubscriptionRow): SubscriptionItem => ({
  subscriptionId: row.subscription_id,
  url: row.url,
  events: JSON.parse(row.events) as string[],
  description: row.description,
  createdBy: row.created_by,
  createdAt: row.created_at,
  status: row.status === 'deleted' ? 'deleted' : 'active',
  deletedAt: row.deleted_at,
  deliveries: countsOf(db, row.subscription_id),
});

/** Every subscription, oldest first, with its deliveries counted by status. */
export const listSubscriptions = (db: Database): SubscriptionItem[] => {
  requireWebhooks(db);
  const rows = db.prepare('SELECT * FROM webhook_subscriptions ORDER BY created_at, subscription_id').all() as SubscriptionRow[];
  return rows.map((row) => subscriptionItemOf(db, row));
};

export const subscriptionOf = (db: Database, subscriptionId: string): SubscriptionItem | null => {
  requireWebhooks(db);
  const row = db.prepare('SELECT * FROM webhook_subscriptions WHERE subscription_id = ?').get(subscriptionId) as SubscriptionRow | undefined;
  return row === undefined ? null : subscriptionItemOf(db, row);
};

const attemptOf = (row: AttemptRow): AttemptItem => ({
  attempt: row.attempt,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  outcome: row.outcome === 'delivered' || row.outcome === 'failed' ? row.outcome : null,
  status: row.status,
  error: row.error,
  durationMs: row.duration_ms,
  nextAttemptAt: row.next_attempt_at,
});

const deliveryItemOf = (db: Database, row: DeliveryRow): DeliveryItem => ({
  deliveryId: row.delivery_id,
  subscriptionId: row.subscription_id,
  event: row.event,
  source: { eventId: row.source_event_id, stream: row.source_stream, type: row.source_type },
  status: statusOf(row.status),
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastStatus: row.last_status,
  lastError: row.last_error,
  scheduledAt: row.scheduled_at,
  deliveredAt: row.delivered_at,
  deadLetteredAt: row.dead_lettered_at,
  attemptLog: (db.prepare('SELECT * FROM webhook_attempts WHERE delivery_id = ? ORDER BY attempt').all(row.delivery_id) as AttemptRow[]).map(attemptOf),
});

export const deliveryOf = (db: Database, deliveryId: string): DeliveryItem | null => {
  requireWebhooks(db);
  const row = db.prepare('SELECT * FROM webhook_deliveries WHERE delivery_id = ?').get(deliveryId) as DeliveryRow | undefined;
  return row === undefined ? null : deliveryItemOf(db, row);
};

type CursorKey = [scheduledAt: string, deliveryId: string];

const encodeCursor = (row: DeliveryRow): string => Buffer.from(JSON.stringify([row.scheduled_at, row.delivery_id])).toString('base64url');

const decodeCursor = (cursor: string): CursorKey => {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === 2 && key.every((part) => typeof part === 'string')) return key as CursorKey;
  } catch {
    // falls through to the error below: a cursor is opaque, any damage is the same mistake
  }
  throw invalidQuery('the cursor is not one this query returned', { cursor });
};

/** The delivery log, newest first: of one subscription, of one status (the dead letters), or all. */
export const listDeliveries = (db: Database, query: DeliveryQuery): DeliveryPage => {
  requireWebhooks(db);
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw invalidQuery(`limit must be a whole number 1-${MAX_LIMIT}`, { limit });
  const conditions: string[] = [];
  const parameters: Record<string, string | number> = { limit: limit + 1 };
  if (query.subscriptionId !== undefined) {
    conditions.push('subscription_id = @subscriptionId');
    parameters['subscriptionId'] = query.subscriptionId;
  }
  if (query.status !== undefined) {
    conditions.push('status = @status');
    parameters['status'] = query.status;
  }
  if (query.cursor !== undefined) {
    const [scheduledAt, deliveryId] = decodeCursor(query.cursor);
    conditions.push('(scheduled_at, delivery_id) < (@cursorScheduledAt, @cursorDeliveryId)');
    Object.assign(parameters, { cursorScheduledAt: scheduledAt, cursorDeliveryId: deliveryId });
  }
  const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
  const rows = db.prepare(`SELECT * FROM webhook_deliveries ${where} ORDER BY scheduled_at DESC, delivery_id DESC LIMIT @limit`).all(parameters) as DeliveryRow[];
  const page = rows.slice(0, limit);
  return { items: page.map((row) => deliveryItemOf(db, row)), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null };
};

/** A claimed attempt is due again only once its claim runs out (its sender died). */
const DUE = `status = 'pending' AND next_attempt_at <= @at AND (claimed_until IS NULL OR claimed_until <= @at)`;

/** Due at `at` or before, in due order (due time, then delivery id), at most `limit`, after `cursor`. */
export const dueDeliveries = (db: Database, at: string, limit: number, cursor?: DueDelivery): DueDelivery[] => {
  requireWebhooks(db);
  const after = cursor === undefined ? '' : 'AND (next_attempt_at, delivery_id) > (@cursorDueAt, @cursorDeliveryId)';
  const rows = db
    .prepare(`SELECT delivery_id, next_attempt_at FROM webhook_deliveries WHERE ${DUE} ${after} ORDER BY next_attempt_at, delivery_id LIMIT @limit`)
    .all({ at, limit, ...(cursor === undefined ? {} : { cursorDueAt: cursor.nextAttemptAt, cursorDeliveryId: cursor.deliveryId }) }) as {
    readonly delivery_id: string;
    readonly next_attempt_at: string;
  }[];
  return rows.map((row) => ({ deliveryId: row.delivery_id, nextAttemptAt: row.next_attempt_at }));
};

/** The first moment after `at` when a pending delivery becomes due (its claim, if any, run out); null when none. */
export const nextDeliveryDueAfter = (db: Database, at: string): string | null => {
  requireWebhooks(db);
  const row = db
    .prepare(
      `SELECT MIN(due) AS next FROM (SELECT MAX(next_attempt_at, COALESCE(claimed_until, next_attempt_at)) AS due FROM webhook_deliveries WHERE status = 'pending')
       WHERE due > ?`,
    )
    .get(at) as { readonly next: string | null };
  return row.next;
};

export const deliveriesBacklog = (db: Database, at: string): { readonly due: number; readonly oldestDueAt: string | null } => {
  requireWebhooks(db);
  const row = db.prepare(`SELECT COUNT(*) AS due, MIN(next_attempt_at) AS oldest FROM webhook_deliveries WHERE ${DUE}`).get({ at }) as {
    readonly due: number;
    readonly oldest: string | null;
  };
  return { due: row.due, oldestDueAt: row.oldest };
};

/** The queries the delivery worker asks, bound to one read-model file. */
export interface PendingDeliveriesReadModel {
  due(at: string, limit: number, cursor?: DueDelivery): DueDelivery[];
  nextDueAfter(at: string): string | null;
  backlog(at: string): { readonly due: number; readonly oldestDueAt: string | null };
}

export const pendingDeliveriesIn = (db: Database): PendingDeliveriesReadModel => ({
  due: (at, limit, cursor) => dueDeliveries(db, at, limit, cursor),
  nextDueAfter: (at) => nextDeliveryDueAfter(db, at),
  backlog: (at) => deliveriesBacklog(db, at),
});
