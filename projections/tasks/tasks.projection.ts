import type { Database } from 'better-sqlite3';
import type { StoredEvent } from '@crm/event-store';
import type { Projection, ProjectionWriter, TableNames } from '@crm/projection-runtime';
import { asRecordEvent } from '../shared/record-events';
import { RECORD_FACT_TYPES, recordOfStream, workRecordsTable, workRecordsWriter } from './work-records';

export const TASKS_PROJECTION = 'tasks';

export const TASK_EVENT_TYPES = ['TaskOpened', 'TaskCompleted', 'TaskCancelled', 'TaskReassigned'] as const;

const openWriter = (db: Database, tables: TableNames): ProjectionWriter => {
  const tasks = tables('tasks');
  const followRecord = workRecordsWriter(db, tables('task_records'));
  const open = db.prepare(
    `INSERT INTO ${tasks} (kind, record_id, task_id, template, title, stage, assignee, due_at, status, opened_at, closed_at, closed_by)
     VALUES (@kind, @record_id, @task_id, @template, @title, @stage, @assignee, @due_at, 'open', @opened_at, NULL, NULL)`,
  );
  const close = db.prepare(
    `UPDATE ${tasks} SET status = @status, closed_at = @closed_at, closed_by = @closed_by WHERE kind = @kind AND record_id = @record_id AND task_id = @task_id`,
  );
  const reassign = db.prepare(`UPDATE ${tasks} SET assignee = @assignee WHERE kind = @kind AND record_id = @record_id AND task_id = @task_id`);

  const evolve = (stored: StoredEvent): void => {
    const event = asRecordEvent(stored);
    if (event === null) return;
    const { kind } = recordOfStream(stored.stream);
    if (followRecord(event, kind)) return;
    const key = { kind, record_id: event.data.recordId };
    if (event.type === 'TaskOpened') {
      const { taskId, template, title, stage, assignee, dueAt } = event.data;
      open.run({ ...key, task_id: taskId, template, title, stage, assignee, due_at: dueAt, opened_at: stored.occurredAt });
    }
    if (event.type === 'TaskCompleted') close.run({ ...key, task_id: event.data.taskId, status: 'done', closed_at: stored.occurredAt, closed_by: event.data.by });
    if (event.type === 'TaskCancelled') close.run({ ...key, task_id: event.data.taskId, status: 'cancelled', closed_at: stored.occurredAt, closed_by: null });
    if (event.type === 'TaskReassigned') reassign.run({ ...key, task_id: event.data.taskId, assignee: event.data.to });
  };
  return { evolve };
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
