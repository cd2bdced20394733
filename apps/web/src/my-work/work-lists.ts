import type { WorkTask } from '../api/api-types';

/** Overdue first, then by due time (undated last), then oldest first. */
export const byUrgency = (a: WorkTask, b: WorkTask): number =>
  Number(b.overdue) - Number(a.overdue) || (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff') || a.openedAt.localeCompare(b.openedAt);
