import { EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { readRecord, withRecordSession } from '../records/record-session';
import { recordView, renderRecordView } from '../records/record-view';

export const recordShowCommand: CliCommand = {
  path: ['record', 'show'],
  summary:
    'Show a record: stage, fields, owner, revision, blueprint version, and what may happen next.\n' +
    'Read from its own stream, as GET /records/:kind/:id answers: open tasks too, and under "next" every event the\n' +
    'record could take from its stage, allowed or blocked, with each unmet criterion for the acting user.\n' +
    'The acting user (--as, else $CRM_USER) must be allowed to read it; --json prints the same view as the API.',
  usage: 'record show <kind> <id> [--as <user>] [--json]',
  options: { as: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 2, max: 2 },
  run: async (input) => {
    const [kind, id] = input.positionals;
    return withRecordSession(input, { create: false }, async (session) => {
      const record = await readRecord(session, kind, id);
      const view = recordView(record, session.engine.commands.blueprintOf(record), session.user);
      input.io.stdout.write(input.values['json'] === true ? `${JSON.stringify(view, null, 2)}\n` : renderRecordView(view, session.user));
      return EXIT_OK;
    });
  },
};
