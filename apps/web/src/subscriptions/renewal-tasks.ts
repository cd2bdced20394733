import type { HistoryEntry } from '../api/api-types';

/** A task the record's stages opened, and whether it is still open. */
export interface RecordTask {
  readonly taskId: string;
  readonly template: string;
  readonly title: string;
  readonly openedAt: string;
  readonly dueAt: string | null;
  readonly status: 'open' | 'done' | 'cancelled';
}

/** Every task opened on the record, oldest first, with what became of it (a subscription's are its renewal tasks). */
export const tasksOf = (history: readonly HistoryEntry[]): RecordTask[] => {
  const tasks = new Map<string, RecordTask>();
  for (const { type, data, occurredAt } of history) {
    const taskId = typeof data['taskId'] === 'string' ? data['taskId'] : null;
    if (taskId === null) continue;
    if (type === 'TaskOpened') {
      tasks.set(taskId, {
        taskId,
        template: String(data['template']),
        title: String(data['title']),
        openedAt: occurredAt,
        dueAt: typeof data['dueAt'] === 'string' ? data['dueAt'] : null,
        status: 'open',
      });
    }
    const task = tasks.get(taskId);
    if (task === undefined) continue;
    if (type === 'TaskCompleted') tasks.set(taskId, { ...task, status: 'done' });
    if (type === 'TaskCancelled') tasks.set(taskId, { ...task, status: 'cancelled' });
  }
  return [...tasks.values()];
};
