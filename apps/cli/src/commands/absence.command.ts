import { Availability, type Absence } from '@crm/assignment';
import type { User } from '@crm/identity';
import { newCommandId } from '@crm/workflow';
import { EXIT_OK } from '../cli.exception';
import type { CliCommand, CommandInput } from '../cli-command';
import { stringOption } from '../cli-options';
import { withRecordSession } from '../records/record-session';
import { renderTable } from '../text-table';

const renderAbsences = (user: string, absences: readonly Absence[]): string =>
  absences.length === 0
    ? `${user} has no absence in force\n`
    : renderTable(
        ['absence', 'from', 'to', 'reason'],
        absences.map((absence) => [absence.absenceId, absence.from, absence.to, absence.reason]),
        4,
      );

/** Absences are written through the same stream command loop and rule as `POST /users/:user/absences`. */
const withAvailability = <T>(input: CommandInput, use: (availability: Availability, actor: User) => Promise<T>): Promise<T> =>
  withRecordSession(input, { create: false }, ({ engine, user, users }) => use(new Availability(engine.store, input.io.clock, () => users), user));

const print = (input: CommandInput, value: unknown, text: string): void => {
  input.io.stdout.write(input.values['json'] === true ? `${JSON.stringify(value, null, 2)}\n` : text);
};

export const absenceDeclareCommand: CliCommand = {
  path: ['absence', 'declare'],
  summary:
    'Record that a user is away between two moments (README, Assignment rules: absences): the assignment rules give them no lead meanwhile.\n' +
    'The user themself, their team manager or an admin may; --from and --to are ISO-8601 date-times with offset, or dates (whole days, UTC).',
  usage: 'absence declare <user> --from <when> --to <when> --reason <text> [--as <user>] [--json]',
  options: { from: { type: 'string' }, to: { type: 'string' }, reason: { type: 'string' }, as: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  run: (input) =>
    withAvailability(input, async (availability, user) => {
      const [absent] = input.positionals;
      const request = { from: stringOption(input.values, 'from') ?? '', to: stringOption(input.values, 'to') ?? '', reason: stringOption(input.values, 'reason') ?? '' };
      const absence = await availability.declare(user, absent, request, newCommandId(input.io.clock));
      print(input, absence, `${absent} is away from ${absence.from} to ${absence.to} (absence ${absence.absenceId})\n`);
      return EXIT_OK;
    }),
};

export const absenceListCommand: CliCommand = {
  path: ['absence', 'list'],
  summary: "A user's absences in force (their own, their team manager, analysts, process owners and admins may read them).",
  usage: 'absence list <user> [--as <user>] [--json]',
  options: { as: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  run: (input) =>
    withAvailability(input, async (availability, user) => {
      const [absent] = input.positionals;
      const absences = await availability.list(user, absent);
      print(input, { absences }, renderAbsences(absent, absences));
      return EXIT_OK;
    }),
};

export const absenceCancelCommand: CliCommand = {
  path: ['absence', 'cancel'],
  summary: 'Cancel an absence (AbsenceCancelled); cancelling it again changes nothing.',
  usage: 'absence cancel <user> <absence> [--as <user>] [--json]',
  options: { as: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 2, max: 2 },
  run: (input) =>
    withAvailability(input, async (availability, user) => {
      const [absent, absenceId] = input.positionals;
      await availability.cancel(user, absent, absenceId, newCommandId(input.io.clock));
      const absences = await availability.list(user, absent);
      print(input, { absences }, `cancelled ${absenceId}\n${renderAbsences(absent, absences)}`);
      return EXIT_OK;
    }),
};
