import type { Database } from 'better-sqlite3';
import type { TimerAction } from '@crm/blueprint';
import { requireTables } from '../shared/require-tables';
import { TIMERS_PROJECTION, type TimerRow } from './timers.projection';

/** A pending timer whose due time has come, as the scheduler fires it. */
export interface DueTimer {
  readonly kind: string;
  readonly recordId: string;
  readonly timerId: string;
  /** The blueprint's timer id, e.g. `remind_uncontacted`. */
  readonly timer: string;
  readonly stage: string;
  readonly dueAt: string;
  readonly action: TimerAction;
  /** The id of the TimerScheduled that set it: the cause of its firing. */
  readonly scheduledBy: string;
  readonly correlationId: string | null;
}

/** Where the previous page of due timers ended: its last row's due time and keys. */
export type DueTimerCursor = Pick<DueTimer, 'dueAt' | 'timerId' | 'kind' | 'recordId'>;

export interface TimersBacklog {
  /** Pending timers due at the moment asked. */
  readonly due: number;
  /** The earliest due time among them; null when none is due. */
  readonly oldestDueAt: string | null;
}

const requireTimers = (db: Database): void => requireTables(db, TIMERS_PROJECTION, ['timers']);

const dueTimerOf = (row: TimerRow): DueTimer => ({
  kind: row.kind,
  recordId: row.record_id,
  timerId: row.timer_id,
  timer: row.timer,
  stage: row.stage,
  dueAt: row.due_at,
  action: JSON.parse(row.action) as TimerAction,
  scheduledBy: row.scheduled_by,
  correlationId: row.correlation_id,
});

/**
 * The timers due at `at` or before, in due order (due time, then timer id, then record), at most `limit`,
 * after `cursor` when given: pages of one pass over the backlog.
 */
export const dueTimers = (db: Database, at: string, limit: number, cursor?: DueTimerCursor): DueTimer[] => {
  requireTimers(db);
  const rows = (
    cursor === undefined
      ? db.prepare('SELECT * FROM timers WHERE due_at <= ? ORDER BY due_at, timer_id, kind, record_id LIMIT ?').all(at, limit)
      : db
          .prepare(
            `SELECT * FROM timers WHERE due_at <= ? AND (due_at, timer_id, kind, record_id) > (?, ?, ?, ?)
             ORDER BY due_at, timer_id, kind, record_id LIMIT ?`,
          )
          .all(at, cursor.dueAt, cursor.timerId, cursor.kind, cursor.recordId, limit)
  ) as TimerRow[];
  return rows.map(dueTimerOf);
};

/** The first due time still to come after `at`, or null when no timer is set beyond it. */
export const nextDueAfter = (db: Database, at: string): string | null => {
  requireTimers(db);
  const row = db.prepare('SELECT MIN(due_at) AS next FROM timers WHERE due_at > ?').get(at) as { readonly next: string | null };
  return row.next;
};

/** How many timers are due at `at` and since when: what /health shows of the scheduler's backlog. */
export const timersBacklog = (db: Database, at: string): TimersBacklog => {
  requireTimers(db);
  const row = db.prepare('SELECT COUNT(*) AS due, MIN(due_at) AS oldest FROM timers WHERE due_at <= ?').get(at) as {
    readonly due: number;
    readonly oldest: string | null;
  };
  return { due: row.due, oldestDueAt: row.oldest };
};

/** The queries the timer scheduler asks, bound to one read-model file. */
export interface PendingTimersReadModel {
  due(at: string, limit: number, cursor?: DueTimerCursor): DueTimer[];
  nextDueAfter(at: string): string | null;
  backlog(at: string): TimersBacklog;
}

export const pendingTimersIn = (db: Database): PendingTimersReadModel => ({
  due: (at, limit, cursor) => dueTimers(db, at, limit, cursor),
  nextDueAfter: (at) => nextDueAfter(db, at),
  backlog: (at) => timersBacklog(db, at),
});
