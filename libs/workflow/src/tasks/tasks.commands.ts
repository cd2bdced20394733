import type { RecordCommandBase } from '../record/record-command';

export interface CompleteTask extends RecordCommandBase {
  readonly type: 'CompleteTask';
  readonly recordId: string;
  readonly taskId: string;
  readonly note?: string;
}

export interface ReassignTask extends RecordCommandBase {
  readonly type: 'ReassignTask';
  readonly recordId: string;
  readonly taskId: string;
  readonly assignee: string | null;
}

/**
 * A task automation opens to tell a person what it could not do (an order whose opportunity could not be
 * closed won); the task id derives from the command id, so a retried command opens one task.
 */
export interface OpenTask extends RecordCommandBase {
  readonly type: 'OpenTask';
  readonly recordId: string;
  /** What kind of task, e.g. `resolve_close_won`. */
  readonly template: string;
  readonly title: string;
  readonly dueInDays?: number;
}

export type TaskCommand = CompleteTask | ReassignTask | OpenTask;
