import { checkOwner, checkText } from '../record/command-problems';
import { defineRecordSlice } from '../record/record-slice';
import { requireExisting } from '../record/record-rules';
import type { ExistingRecord, RecordDraft, RecordTask } from '../record/record.state';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import type { TaskCommand } from './tasks.commands';
import type { TaskEvent } from './tasks.events';
import { entryTasksOpened } from './entry-tasks';

const taskOf = (record: ExistingRecord, taskId: string): RecordTask => {
  const task = record.tasks.find((candidate) => candidate.taskId === taskId);
  if (task === undefined) {
    throw new WorkflowException(WorkflowExceptionCode.TASK_NOT_FOUND, `${record.kind} "${record.recordId}" has no task "${taskId}"`, {
      kind: record.kind,
      recordId: record.recordId,
      taskId,
    });
  }
  return task;
};

const requireOpenTask = (task: RecordTask): void => {
  if (task.status !== 'open') {
    throw new WorkflowException(WorkflowExceptionCode.TASK_CLOSED, `task "${task.title}" is ${task.status === 'done' ? 'already done' : 'cancelled'}`, {
      taskId: task.taskId,
      status: task.status,
    });
  }
};

const updateTask = (draft: RecordDraft, taskId: string, change: (task: RecordTask) => RecordTask): void => {
  const index = draft.tasks.findIndex((task) => task.taskId === taskId);
  if (index >= 0) draft.tasks[index] = change(draft.tasks[index]);
};

/** Tasks on the record: opened by stages, done by people, cancelled when their stage is left. */
export const tasksSlice = defineRecordSlice<TaskCommand, TaskEvent>({
  name: 'tasks',
  commands: {
    CompleteTask: {
      problems: (command) => {
        const problems: string[] = [];
        checkText(problems, 'taskId', command.taskId);
        if (command.note !== undefined) checkText(problems, 'note', command.note, 2_000);
        return problems;
      },
      access: () => ({ action: 'update' }),
      decide: (command, state) => {
        const record = requireExisting(state);
        const task = taskOf(record, command.taskId);
        if (task.status === 'done') return [];
        requireOpenTask(task);
        return [{ type: 'TaskCompleted', data: { recordId: record.recordId, taskId: task.taskId, by: command.actor.id, note: command.note ?? null } }];
      },
    },
    ReassignTask: {
      problems: (command) => {
        const problems: string[] = [];
        checkText(problems, 'taskId', command.taskId);
        checkOwner(problems, command.assignee, false);
        return problems;
      },
      access: (command) => ({ action: 'reassign', newOwner: command.assignee }),
      decide: (command, state) => {
        const record = requireExisting(state);
        const task = taskOf(record, command.taskId);
        requireOpenTask(task);
        if (task.assignee === command.assignee) return [];
        return [{ type: 'TaskReassigned', data: { recordId: record.recordId, taskId: task.taskId, from: task.assignee, to: command.assignee } }];
      },
    },
    OpenTask: {
      problems: (command) => {
        const problems: string[] = [];
        checkText(problems, 'template', command.template, 64);
        checkText(problems, 'title', command.title, 500);
        if (command.dueInDays !== undefined && (!Number.isInteger(command.dueInDays) || command.dueInDays < 0 || command.dueInDays > 365)) problems.push('dueInDays: expected 0 to 365');
        return problems;
      },
      // Only automation opens tasks this way; people's tasks come from the stages they enter.
      access: () => ({ action: 'automate' }),
      decide: (command, state, { now }) => {
        const record = requireExisting(state);
        const template = { id: command.template, title: command.title, ...(command.dueInDays === undefined ? {} : { dueInDays: command.dueInDays }), keepOpen: true as const };
        return entryTasksOpened(command.commandId, record.recordId, record.stage, record.owner, [template], now);
      },
    },
  },
  events: {
    TaskOpened: {
      evolve: (draft, event) => {
        const { taskId, template, title, stage, assignee, dueAt, keepOpen } = event.data;
        draft.tasks.push({ taskId, template, title, stage, assignee, dueAt, status: 'open', keepOpen: keepOpen === true, closedAt: null, closedBy: null });
      },
    },
    TaskCompleted: {
      evolve: (draft, event) =>
        updateTask(draft, event.data.taskId, (task) => ({ ...task, status: 'done', closedAt: event.occurredAt, closedBy: event.data.by })),
    },
    TaskCancelled: {
      evolve: (draft, event) => updateTask(draft, event.data.taskId, (task) => ({ ...task, status: 'cancelled', closedAt: event.occurredAt })),
    },
    TaskReassigned: {
      evolve: (draft, event) => updateTask(draft, event.data.taskId, (task) => ({ ...task, assignee: event.data.to })),
    },
  },
});
