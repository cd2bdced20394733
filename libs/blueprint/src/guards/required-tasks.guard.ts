import { defineGuard } from './guard';

/** `requiresTasks: [send_proposal]`: each task must have been done, and none of it still be open. */
export const requiredTasksGuard = defineGuard<{ readonly tasks: readonly string[] }>({
  name: 'requiredTasks',
  paramsOf: (transition) => (transition.criteria.requiresTasks === undefined ? [] : [{ tasks: transition.criteria.requiresTasks }]),
  evaluate: ({ tasks }, facts, context) =>
    tasks
      .filter((template) => {
        const ofTemplate = facts.tasks.filter((task) => task.template === template);
        return !ofTemplate.some((task) => task.status === 'done') || ofTemplate.some((task) => task.status === 'open');
      })
      .map((template) => ({ criterion: 'task', task: template, message: `the task "${context.taskTitle(template)}" must be done first` })),
});
