import type { Database } from 'better-sqlite3';
import type { StoredEvent } from '@crm/event-store';
import type { Projection, ProjectionWriter, TableNames, WriteMode } from '@crm/projection-runtime';
import { ReadModelStorage } from '../shared/read-model-storage';
import { asRecordEvent } from '../shared/record-events';
import { RECORD_FACT_TYPES, recordOfStream, workRecordsTable, workRecordsWriter } from './work-records';

export const TASKS_PROJECTION = 'tasks';

export const TASK_EVENT_TYPES = ['TaskOpened', 'TaskCompleted', 'TaskCancelled', 'TaskReassigned'] as const;

interface TaskRow {
  readonly kind: string;
  readonly record_id: string;
  readonly task_id: string;
  readonly template: string;
  readonly title: string;
  readonly stage: string;
  readonly assignee: string | null;
  readonly due_at: string | null;
  readonly status: string;
  readonly opened_at: string;
  readonly closed_at: string | null;
  readonly closed_by: string | null;
}

const openWriter = (db: Database, tables: TableNames, mode: WriteMode): ProjectionWriter => {
  const storage = new ReadModelStorage(db, mode);
  const followRecord = workRecordsWriter(storage, tables('task_records'));
  const tasks = storage.rows<TaskRow>({
    table: tables('tasks'),
    keys: ['kind', 'record_id', 'task_id'],
    columns: ['template', 'title', 'stage', 'assignee', 'due_at', 'status', 'opened_at', 'closed_at', 'closed_by'],
  });
  const change = (key: { readonly kind: string; readonly record_id: string; readonly task_id: string }, changes: Partial<TaskRow>): void => {
    const task = tasks.get(key);
    if (task !== undefined) tasks.update({ ...task, ...changes });
  };

  const evolve = (stored: StoredEvent): void => {
    const event = asRecordEvent(stored);
    if (event === null) return;
    const { kind } = recordOfStream(stored.stream);
    if (followRecord(event, kind)) return;
    if (event.type === 'TaskOpened') {
      const { taskId, template, title, stage, assignee, dueAt } = event.data;
      tasks.insert({
        kind,
        record_id: event.data.recordId,
        task_id: taskId,
        template,
        title,
        stage,
        assignee,
        due_at: dueAt,
        status: 'open',
        opened_at: stored.occurredAt,
        closed_at: null,
        closed_by: null,
      });
    }
    const key = { kind, record_id: event.data.recordId };
    if (event.type === 'TaskCompleted') change({ ...key, task_id: event.data.taskId }, { status: 'done', closed_at: stored.occurredAt, closed_by: event.data.by });
    if (event.type === 'TaskCancelled') change({ ...key, task_id: event.data.taskId }, { status: 'cancelled', closed_at: stored.occurredAt, closed_by: null });
    if (event.type === 'TaskReassigned') change({ ...key, task_id: event.data.taskId }, { assignee: event.data.to });
  };
  return { evolve, finish: storage.finish };
};

/**
 * Every task of every record, one row each (`tasks`): opened by a stage, done by a person, cancelled when
 * its stage is left or the record closes, following the owner. `task_records` keeps each record's name
 * and owner: the list shows the one and the read rule judges the other. Overdue is not stored: it is a
 * question of the clock, asked by the query.
 */
export const tasksProjection = (): Projection => ({
  name: TASKS_PROJECTION,
  version: 1,
  eventTypes: [...RECORD_FACT_TYPES, ...TASK_EVENT_TYPES],
  tables: [
    {
      name: 'tasks',
      create: (table) => [
        `CREATE TABLE ${table} (
          kind      TEXT NOT NULL,
          record_id TEXT NOT NULL,
          task_id   TEXT NOT NULL,
          template  TEXT NOT NULL,
          title     TEXT NOT NULL,
          stage     TEXT NOT NULL,
          assignee  TEXT,
          due_at    TEXT,
          status    TEXT NOT NULL,
          opened_at TEXT NOT NULL,
          closed_at TEXT,
          closed_by TEXT,
          PRIMARY KEY (kind, record_id, task_id)
        )`,
        `CREATE INDEX ${table}__by_assignee ON ${table} (assignee, status, due_at)`,
      ],
    },
    workRecordsTable('task_records'),
  ],
  open: openWriter,
});
