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

export type TaskCommand = CompleteTask | ReassignTask;
