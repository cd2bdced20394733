import type { TaskTemplate } from '@crm/blueprint';
import { deriveId } from '@crm/command-handler';
import type { RecordTask } from '../record/record.state';
import type { TaskCancelled, TaskOpened, TaskReassigned } from './tasks.events';

const DAY_MS = 86_400_000;

/** The tasks a stage opens on entry, with ids derived from the command so a retry opens the same tasks. */
export const entryTasksOpened = (
  commandId: string,
  recordId: string,
  stage: string,
  assignee: string | null,
  templates: readonly TaskTemplate[],
  now: Date,
): TaskOpened[] =>
  templates.map((task) => ({
    type: 'TaskOpened',
    data: {
      recordId,
      taskId: deriveId(commandId, `task:${stage}:${task.id}`),
      template: task.id,
      title: task.title,
      stage,
      assignee,
      dueAt: task.dueInDays === undefined ? null : new Date(now.getTime() + task.dueInDays * DAY_MS).toISOString(),
      ...(task.keepOpen === true ? { keepOpen: true as const } : {}),
    },
  }));

/**
 * Leaving a stage cancels the open tasks it opened, unless they are kept open; closing the record (a
 * final stage) cancels every open task: nothing is left to do on a closed record.
 */
export const tasksCancelledOnLeaving = (recordId: string, tasks: readonly RecordTask[], left: string, closing: boolean): TaskCancelled[] =>
  tasks
    .filter((task) => task.status === 'open' && (closing || (task.stage === left && !task.keepOpen)))
    .map((task) => ({ type: 'TaskCancelled', data: { recordId, taskId: task.taskId, reason: closing ? 'record_closed' : 'stage_left' } }));

/** A new owner takes over the open tasks the previous owner had on the record. */
export const tasksFollowingOwner = (recordId: string, tasks: readonly RecordTask[], from: string | null, to: string | null): TaskReassigned[] =>
  tasks
    .filter((task) => task.status === 'open' && task.assignee === from && from !== to)
    .map((task) => ({ type: 'TaskReassigned', data: { recordId, taskId: task.taskId, from, to } }));
