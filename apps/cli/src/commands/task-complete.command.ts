import { newCommandId, recordAfter, type ExistingRecord } from '@crm/workflow';
import { EXIT_OK } from '../cli.exception';
import { cliOrigin } from '../cli-origin';
import type { CliCommand } from '../cli-command';
import { stringOption } from '../cli-options';
import { readRecord, withRecordSession } from '../records/record-session';
import { recordView, renderRecordWrite } from '../records/record-view';

/**
 * The task id as given, or the one open task of that template (`send_proposal`), which is what a person
 * reads on `record show`. Anything else goes to the engine as given, which names what is missing.
 */
const taskIdOf = (record: ExistingRecord, given: string): string => {
  if (record.tasks.some((task) => task.taskId === given)) return given;
  const open = record.tasks.filter((task) => task.template === given && task.status === 'open');
  return open.length === 1 && open[0] !== undefined ? open[0].taskId : given;
};

export const taskCompleteCommand: CliCommand = {
  path: ['task', 'complete'],
  summary:
    "Mark a task of a record done through the API's command handler and access policy (the owner, or whoever may change the record).\n" +
    '<task> is the task id (task list prints it) or the template id of the one open task of that template (send_proposal).\n' +
    'A task already done stores nothing; a cancelled one is a conflict (exit 6); an unknown one exits 1 (TASK_NOT_FOUND).',
  usage: 'task complete <kind> <id> <task> [--note <text>] [--as <user>] [--json]',
  options: { note: { type: 'string' }, as: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 3, max: 3 },
  run: async (input) => {
    const [kind, id, task] = input.positionals;
    return withRecordSession(input, { create: false }, async (session) => {
      const { engine, user } = session;
      const record = await readRecord(session, kind, id);
      const result = await engine.commands.execute({
        type: 'CompleteTask',
        kind,
        recordId: id,
        taskId: taskIdOf(record, task),
        note: stringOption(input.values, 'note'),
        commandId: newCommandId(engine.clock),
        actor: { id: user.id, roles: user.roles },
        origin: cliOrigin(),
      });
      const view = recordView(recordAfter(result), engine.commands.blueprintOf(recordAfter(result)), user);
      input.io.stdout.write(renderRecordWrite(view, result.events, user, input.values['json'] === true));
      return EXIT_OK;
    });
  },
};
