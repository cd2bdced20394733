import type { Database } from 'better-sqlite3';
import type { Clock } from '@crm/clock';
import type { RecordVisibility } from '../records/records.queries';
import { requireTables } from '../shared/require-tables';
import { decodeCursor, encodeCursor, pageLimit } from './work-list-page';
import { visibleRecordCondition } from './work-records';

/** open: not done nor cancelled; overdue: open and past its due time; done: completed; all: every task. */
export const TASK_STATUS_FILTERS = ['open', 'overdue', 'done', 'all'] as const;
export type TaskStatusFilter = (typeof TASK_STATUS_FILTERS)[number];

export interface TaskListQuery {
  /** Whose tasks; absent: everyone's the read rule shows. */
  readonly assignee?: string;
  /** Default `open`. */
  readonly status?: TaskStatusFilter;
  readonly kind?: string;
  /** 1..500, default 50. */
  readonly limit?: number;
  /** `nextCursor` of the previous page. */
  readonly cursor?: string;
  /** Only tasks of these owners' records, plus unowned records (all, or of the given kinds); absent: every record's. */
  readonly visibleTo?: RecordVisibility;
}

export interface TaskListItem {
  readonly taskId: string;
  readonly kind: string;
  readonly recordId: string;
  /** The record's name field (name, else title, else company); null when it has none. */
  readonly recordName: string | null;
  readonly template: string;
  readonly title: string;
  /** The stage that opened it. */
  readonly stage: string;
  readonly assignee: string | null;
  readonly dueAt: string | null;
  readonly status: 'open' | 'done' | 'cancelled';
  /** Open and past its due time, by the clock the query was asked with. */
  readonly overdue: boolean;
  readonly openedAt: string;
  /** Done or cancelled: when. */
  readonly closedAt: string | null;
  /** Done: by whom. */
  readonly closedBy: string | null;
}

export interface TaskPage {
  readonly items: readonly TaskListItem[];
  /** Pass it as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
  /** The moment overdue was judged at. */
  readonly now: string;
}

interface TaskRow {
  readonly kind: string;
  readonly record_id: string;
  readonly task_id: string;
  readonly record_name: string | null;
  readonly template: string;
  readonly title: string;
  readonly stage: string;
  readonly assignee: string | null;
  readonly due_at: string | null;
  readonly status: 'open' | 'done' | 'cancelled';
  readonly opened_at: string;
  readonly closed_at: string | null;
  readonly closed_by: string | null;
  readonly due_order: string;
}

// Sorts after every ISO date-time: tasks without a due time come last.
const UNDATED = '~';

const STATUS_CONDITIONS: Record<TaskStatusFilter, string | null> = {
  open: "t.status = 'open'",
  overdue: "t.status = 'open' AND t.due_at IS NOT NULL AND t.due_at < @now",
  done: "t.status = 'done'",
  all: null,
};

/**
 * Tasks, soonest due first (undated last), then by when they were opened; paginated by keyset on that
 * order, which never changes for a task. Overdue is judged at `clock.now()`.
 */
export const listTasks = (db: Database, clock: Clock, query: TaskListQuery = {}): TaskPage => {
  requireTables(db, 'tasks', ['tasks', 'task_records']);
  const limit = pageLimit(query.limit);
  const now = clock.now().toISOString();
  const parameters: Record<string, string | number> = { limit: limit + 1, now, undated: UNDATED };
  const conditions: string[] = [];
  const status = STATUS_CONDITIONS[query.status ?? 'open'];
  if (status !== null) conditions.push(status);
  if (query.assignee !== undefined) {
    conditions.push('t.assignee = @assignee');
    parameters['assignee'] = query.assignee;
  }
  if (query.kind !== undefined) {
    conditions.push('t.kind = @kind');
    parameters['kind'] = query.kind;
  }
  if (query.visibleTo !== undefined) conditions.push(visibleRecordCondition(query.visibleTo, 'r', parameters));
  if (query.cursor !== undefined) {
    const [dueOrder, openedAt, kind, recordId, taskId] = decodeCursor(query.cursor, 5);
    conditions.push('(ifnull(t.due_at, @undated), t.opened_at, t.kind, t.record_id, t.task_id) > (@cursorDue, @cursorOpenedAt, @cursorKind, @cursorRecordId, @cursorTaskId)');
    Object.assign(parameters, { cursorDue: dueOrder, cursorOpenedAt: openedAt, cursorKind: kind, cursorRecordId: recordId, cursorTaskId: taskId });
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = db
    .prepare(
      `SELECT t.*, r.name AS record_name, ifnull(t.due_at, @undated) AS due_order
       FROM tasks t JOIN task_records r ON r.kind = t.kind AND r.record_id = t.record_id
       ${where}
       ORDER BY due_order, t.opened_at, t.kind, t.record_id, t.task_id LIMIT @limit`,
    )
    .all(parameters) as TaskRow[];
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      taskId: row.task_id,
      kind: row.kind,
      recordId: row.record_id,
      recordName: row.record_name,
      template: row.template,
      title: row.title,
      stage: row.stage,
      assignee: row.assignee,
      dueAt: row.due_at,
      status: row.status,
      overdue: row.status === 'open' && row.due_at !== null && row.due_at < now,
      openedAt: row.opened_at,
      closedAt: row.closed_at,
      closedBy: row.closed_by,
    })),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.due_order, last.opened_at, last.kind, last.record_id, last.task_id]) : null,
    now,
  };
};
