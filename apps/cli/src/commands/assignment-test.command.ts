import { LeadAssignment, loadAssignmentRulesBeside, TRIGGERS, type LeadSketch, type RoutingPlan } from '@crm/assignment';
import type { FieldValues } from '@crm/blueprint';
import { loadOrCreateUsersFile } from '@crm/identity';
import { catchUpProjection } from '@crm/projection-runtime';
import { recordsProjection } from '@crm/projections';
import { CliException, CliExceptionCode, EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { openEngine, openReadModels, using } from '../cli-context';
import { choiceOption, pathFrom, readInputFile } from '../cli-options';
import { usersFileOf } from '../records/record-session';

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{ "fields": {…}, "left": { "<rep>": "<when>" } }`, or the fields alone, as `POST /records/lead` takes them. */
export const leadSketchOf = (text: string, file: string): LeadSketch => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CliException(CliExceptionCode.INVALID_INPUT, `${file}: not JSON (${(error as Error).message})`, { path: file });
  }
  if (!isPlain(parsed)) throw new CliException(CliExceptionCode.INVALID_INPUT, `${file}: expected a JSON object of the lead's fields, or { "fields": {…} }`, { path: file });
  const fields = isPlain(parsed['fields']) ? parsed['fields'] : parsed;
  const left = isPlain(parsed['left']) ? parsed['left'] : {};
  if (Object.values(left).some((when) => typeof when !== 'string')) {
    throw new CliException(CliExceptionCode.INVALID_INPUT, `${file}: left: expected { "<rep>": "<ISO date-time the lead left them>" }`, { path: file });
  }
  return { fields: fields as FieldValues, left: left as Record<string, string> };
};

/** The plan in words: each rule tried, in order, with why it matched or not and whom it passed over. */
export const renderPlan = (plan: RoutingPlan, file: string | null): string => {
  const lines = [`rules: ${file ?? 'none (no lead-assignment.yaml beside the blueprints)'}`, ''];
  for (const verdict of plan.verdicts) {
    lines.push(`${verdict.matched ? 'matches' : 'no match'}  ${verdict.rule}: ${verdict.why.join('; ')}`);
    for (const { rep, reason } of verdict.skipped) lines.push(`          passes over ${rep}: ${reason}`);
  }
  if (plan.verdicts.length > 0) lines.push('');
  lines.push(
    plan.rep !== null
      ? `→ ${plan.rep} (rule ${plan.rule}, team ${plan.team}): ${plan.reason}`
      : `→ the pool of ${plan.team === null ? 'everyone' : `team ${plan.team}`}${plan.rule === null ? '' : ` (rule ${plan.rule})`}: ${plan.reason}`,
  );
  return `${lines.join('\n')}\n`;
};

export const assignmentTestCommand: CliCommand = {
  path: ['assignment', 'test'],
  summary:
    'Show which assignment rule fires for a lead, and why, storing nothing (README, Assignment rules).\n' +
    'Reads lead-assignment.yaml beside the blueprints, the round robin\'s cursor, absences and each rep\'s open leads\n' +
    '(the records read model, brought to the head of the store first), as the lead-assignment reactor would now.\n' +
    'The file: the lead\'s fields as JSON, or { "fields": {…}, "left": { "<rep>": "<when they lost it to the pool>" } }.',
  usage: 'assignment test <lead.json> [--trigger intake|return] [--json]',
  options: { trigger: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  run: async (input) => {
    const trigger = choiceOption(input.values, 'trigger', TRIGGERS, 'intake');
    const file = pathFrom(input, input.positionals[0]);
    const lead = leadSketchOf(readInputFile(file), input.positionals[0]);
    const { rules, calendars } = loadAssignmentRulesBeside(input.blueprintsDir);
    const { directory: users } = loadOrCreateUsersFile(usersFileOf(input));
    const engine = await openEngine(input, users);
    const readModels = openReadModels(input);
    return using([() => engine.close(), () => readModels.close()], async () => {
      const assignment = new LeadAssignment({
        store: engine.store,
        clock: input.io.clock,
        catalog: engine.catalog,
        records: engine.commands,
        rules,
        calendars,
        users: () => users,
        readModels: readModels.db,
        caughtUp: async () => void (await catchUpProjection({ store: engine.store, readModels, projection: recordsProjection(), clock: input.io.clock })),
        automation: { mode: 'manual' },
      });
      const plan = await assignment.router.plan(lead, trigger);
      input.io.stdout.write(input.values['json'] === true ? `${JSON.stringify({ trigger, rulesFile: rules.file, ...plan }, null, 2)}\n` : renderPlan(plan, rules.file));
      return EXIT_OK;
    });
  },
};
