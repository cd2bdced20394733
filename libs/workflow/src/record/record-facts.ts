import type { TaskFact } from '@crm/blueprint';
import type { RecordTask } from './record.state';

/** The record's tasks as the guards see them (cancelled ones count for nothing). */
export const taskFacts = (tasks: readonly RecordTask[]): TaskFact[] =>
  tasks.flatMap((task) => (task.status === 'cancelled' ? [] : [{ template: task.template, status: task.status === 'done' ? 'done' : 'open' }]));
