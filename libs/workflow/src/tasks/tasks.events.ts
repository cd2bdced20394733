export interface TaskOpened {
  readonly type: 'TaskOpened';
  readonly data: {
    readonly recordId: string;
    readonly taskId: string;
    /** The blueprint's task template id, e.g. `send_proposal`; `resolve_<event>` for a task a refused timer opens. */
    readonly template: string;
    readonly title: string;
    readonly stage: string;
    readonly assignee: string | null;
    /** ISO-8601; null when the template sets no due date. */
    readonly dueAt: string | null;
    /** Present (true) when the task stays open as its stage is left. */
    readonly keepOpen?: true;
  };
}

export interface TaskCompleted {
  readonly type: 'TaskCompleted';
  readonly data: { readonly recordId: string; readonly taskId: string; readonly by: string; readonly note: string | null };
}

export interface TaskCancelled {
  readonly type: 'TaskCancelled';
  readonly data: { readonly recordId: string; readonly taskId: string; readonly reason: 'stage_left' | 'record_closed' };
}

export interface TaskReassigned {
  readonly type: 'TaskReassigned';
  readonly data: { readonly recordId: string; readonly taskId: string; readonly from: string | null; readonly to: string | null };
}

export type TaskEvent = TaskOpened | TaskCompleted | TaskCancelled | TaskReassigned;
