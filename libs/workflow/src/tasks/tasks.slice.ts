import { defineRecordSlice } from '../record/record-slice';
import type { RecordCommandBase } from '../record/record-command';
import type { TaskEvent } from './tasks.events';

/** Tasks a stage opens on entry, kept on the record they belong to. */
export const tasksSlice = defineRecordSlice<never & RecordCommandBase, TaskEvent>({
  name: 'tasks',
  commands: {},
  events: {
    TaskOpened: {
      evolve: (draft, event) => {
        const { taskId, template, title, dueAt } = event.data;
        draft.tasks.push({ taskId, template, title, dueAt });
      },
    },
  },
});
