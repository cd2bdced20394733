import { listScope } from '@crm/identity';
import { catchUpProjection } from '@crm/projection-runtime';
import { listTasks, TASK_STATUS_FILTERS, tasksProjection, type TaskListItem } from '@crm/projections';
import { BlueprintCatalog } from '@crm/workflow';
import { EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { openChosenEventStore, openReadModels, using } from '../cli-context';
import { choiceOption, stringOption } from '../cli-options';
import { actingUser } from '../records/record-session';
import { formatCount, renderTable } from '../text-table';

const ME = 'me';

const statusOf = (task: TaskListItem): string => (task.overdue ? 'overdue' : task.status);

const renderTasks = (tasks: readonly TaskListItem[]): string =>
  tasks.length === 0
    ? 'no tasks'
    : renderTable(
        ['due', 'status', 'kind', 'record', 'name', 'task', 'task id'],
        tasks.map((task) => [task.dueAt ?? '-', statusOf(task), task.kind, task.recordId, task.recordName ?? '', task.title, task.taskId]),
        7,
      );

export const taskListCommand: CliCommand = {
  path: ['task', 'list'],
  summary:
    "List a user's tasks from the tasks read model, brought to the head of the store first.\n" +
    'open (default): not done nor cancelled; overdue: open and past its due time (now); done: completed; all: every task.\n' +
    "Soonest due first, undated last. Only tasks of records the acting user may read: a rep their own, a manager their team's.",
  usage: 'task list [--status open|overdue|done|all] [--owner me|<user>] [--kind <kind>] [--as <user>] [--json]',
  options: { status: { type: 'string' }, owner: { type: 'string' }, kind: { type: 'string' }, as: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  run: async (input) => {
    const status = choiceOption(input.values, 'status', TASK_STATUS_FILTERS, 'open');
    const owner = stringOption(input.values, 'owner') ?? ME;
    const { user, users } = actingUser(input);
    const assignee = owner === ME ? user.id : owner;
    const store = await openChosenEventStore(input);
    const readModels = openReadModels(input);
    return using([() => store.close(), () => readModels.close()], async () => {
      const kind = stringOption(input.values, 'kind');
      // A kind no blueprint governs is a mistake to name, not an empty list.
      if (kind !== undefined) (await BlueprintCatalog.open(store)).latestForKind(kind);
      // The read model follows the store now, so the list is current without a running API.
      await catchUpProjection({ store, readModels, projection: tasksProjection(), clock: input.io.clock });
      const scope = listScope(user, users);
      const query = { assignee, status, kind, visibleTo: scope.all ? undefined : scope };
      const tasks: TaskListItem[] = [];
      let page = listTasks(readModels.db, input.io.clock, query);
      tasks.push(...page.items);
      while (page.nextCursor !== null) {
        page = listTasks(readModels.db, input.io.clock, { ...query, cursor: page.nextCursor });
        tasks.push(...page.items);
      }
      if (input.values['json'] === true) {
        input.io.stdout.write(`${JSON.stringify({ items: tasks, now: page.now }, null, 2)}\n`);
        return EXIT_OK;
      }
      input.io.stdout.write(`tasks of ${assignee}: ${status}, as of ${page.now}\n\n${renderTasks(tasks)}\n\n`);
      input.io.stdout.write(`${formatCount(tasks.length)} ${tasks.length === 1 ? 'task' : 'tasks'}\n`);
      return EXIT_OK;
    });
  },
};
