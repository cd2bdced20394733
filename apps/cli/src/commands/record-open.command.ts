import { newCommandId, recordAfter } from '@crm/workflow';
import { EXIT_OK } from '../cli.exception';
import { cliOrigin } from '../cli-origin';
import type { CliCommand } from '../cli-command';
import { stringListOption, stringOption } from '../cli-options';
import { parseFieldArguments } from '../records/field-arguments';
import { withRecordSession } from '../records/record-session';
import { recordView, renderRecordWrite } from '../records/record-view';

export const recordOpenCommand: CliCommand = {
  path: ['record', 'open'],
  summary:
    "Open a record through the API's command handler and access policy.\n" +
    "It starts in the blueprint's initial stage, owned by the acting user.\n" +
    'Field values are converted by their blueprint type (number, money, boolean, date, ...); one bad value stores nothing.\n' +
    'An --id that is already taken is a conflict (exit 6), never a second record. The store is created when missing.\n' +
    'The acting user (--as, else $CRM_USER) comes from $CRM_USERS_FILE, else users.yaml in the data directory\n' +
    '(created with the demo users rita, raj, max, ana, olga, ada when missing).',
  usage: 'record open <kind> [--id <id>] [--field <name=value>]... [--as <user>] [--json]',
  options: { id: { type: 'string' }, field: { type: 'string', multiple: true }, as: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  run: async (input) => {
    const kind = input.positionals[0];
    const fieldArguments = stringListOption(input.values, 'field');
    return withRecordSession(input, { create: true }, async (session) => {
      const { engine, user } = session;
      const blueprint = engine.catalog.latestForKind(kind);
      const result = await engine.commands.execute({
        type: 'OpenRecord',
        kind,
        recordId: stringOption(input.values, 'id'),
        fields: parseFieldArguments(blueprint.definition, fieldArguments),
        owner: user.id,
        commandId: newCommandId(engine.clock),
        actor: { id: user.id, roles: user.roles },
        origin: cliOrigin(),
      });
      const record = recordAfter(result);
      const view = recordView(record, engine.commands.blueprintOf(record), user);
      input.io.stdout.write(renderRecordWrite(view, result.events, user, input.values['json'] === true));
      return EXIT_OK;
    });
  },
};
