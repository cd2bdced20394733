import type { TaskTemplate } from '@crm/blueprint';
import { deriveId } from '@crm/command-handler';
import type { TaskOpened } from './tasks.events';

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
    },
  }));
