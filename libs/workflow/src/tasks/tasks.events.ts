export interface TaskOpened {
  readonly type: 'TaskOpened';
  readonly data: {
    readonly recordId: string;
    readonly taskId: string;
    /** The blueprint's task template id, e.g. `send_proposal`. */
    readonly template: string;
    readonly title: string;
    readonly stage: string;
    readonly assignee: string | null;
    /** ISO-8601; null when the template sets no due date. */
    readonly dueAt: string | null;
  };
}

export type TaskEvent = TaskOpened;
