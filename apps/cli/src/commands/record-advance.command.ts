import { newCommandId, recordAfter } from '@crm/workflow';
import { EXIT_OK } from '../cli.exception';
import { cliOrigin } from '../cli-origin';
import type { CliCommand } from '../cli-command';
import { nonNegativeIntegerOption, stringListOption, stringOption } from '../cli-options';
import { parseFieldArguments } from '../records/field-arguments';
import { readRecord, withRecordSession } from '../records/record-session';
import { recordView, renderRecordWrite } from '../records/record-view';

export const recordAdvanceCommand: CliCommand = {
  path: ['record', 'advance'],
  summary:
    "Fire a blueprint transition on a record through the API's command handler and access policy.\n" +
    'The --field values are set in the same step, before the exit criteria are judged; one bad value stores nothing.\n' +
    'A refusal lists every unmet criterion (exit 4); a rule of the access policy names itself (exit 5);\n' +
    '--expected-revision fails with exit 6 unless the record is at exactly that revision.',
  usage: 'record advance <kind> <id> <event> [--field <name=value>]... [--reason <text>] [--expected-revision <n>] [--as <user>] [--json]',
  options: {
    field: { type: 'string', multiple: true },
    reason: { type: 'string' },
    'expected-revision': { type: 'string' },
    as: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: { min: 3, max: 3 },
  run: async (input) => {
    const [kind, id, event] = input.positionals;
    const fieldArguments = stringListOption(input.values, 'field');
    const expectedRevision = nonNegativeIntegerOption(input.values, 'expected-revision');
    return withRecordSession(input, { create: false }, async (session) => {
      const { engine, user } = session;
      const before = await readRecord(session, kind, id);
      // Fields are typed by the version the record is pinned to, which may be older than the file's.
      const fields = parseFieldArguments(engine.commands.blueprintOf(before).definition, fieldArguments);
      const result = await engine.commands.execute({
        type: 'FireTransition',
        kind,
        recordId: id,
        event,
        fields,
        reason: stringOption(input.values, 'reason'),
        expectedRevision,
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
