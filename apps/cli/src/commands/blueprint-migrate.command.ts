import { catchUpProjection } from '@crm/projection-runtime';
import { planMigrationFromReadModel, recordsProjection } from '@crm/projections';
import { applyMigration, type MigrationPlan } from '@crm/workflow';
import { EXIT_OK, EXIT_REFUSED, usageError } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { openReadModels, using } from '../cli-context';
import { positiveIntegerOption, requiredOption, stringListOption, stringOption } from '../cli-options';
import { cliOrigin } from '../cli-origin';
import { requirePlatformAction } from '../platform-access';
import { actingUser, withRecordSession } from '../records/record-session';

/** `--map needs_analysis=qualification`, repeatable. */
const stageMapOf = (entries: readonly string[]): Record<string, string> =>
  Object.fromEntries(
    entries.map((entry) => {
      const [from, to, ...rest] = entry.split('=');
      if (!from || !to || rest.length > 0) throw usageError(`--map takes <stage of from>=<stage of to>, not "${entry}"`);
      return [from, to];
    }),
  );

const planText = (plan: MigrationPlan): string =>
  [
    `plan ${plan.blueprint} v${plan.from.version} -> v${plan.to.version}: ${plan.summary.records} live records, ${plan.summary.ready} ready, ${plan.summary.breaking} would break criteria, ${plan.summary.removedStage} in removed stages`,
    ...Object.entries(plan.unmetByRule).map(([rule, count]) => `  ${rule}: ${count} records`),
    ...plan.records.map(
      (record) =>
        `  ${record.recordId}: ${record.stage} -> ${record.toStage ?? '(removed stage; map it with --map)'}${record.unmet.length === 0 ? '' : `; breaks ${record.unmet.map((unmet) => unmet.message).join('; ')}`}`,
    ),
  ].join('\n');

export const blueprintMigrateCommand: CliCommand = {
  path: ['blueprint', 'migrate'],
  summary:
    'Move the live records of one published version of a blueprint to another (process owners and admins), as\n' +
    'POST /blueprints/{id}/migrations. --plan stores nothing: each record with its target stage (--map, else the same\n' +
    'id), the target stage\'s criteria it would break, records in removed stages. Without --plan: one RecordMigrated per\n' +
    'record through the command handler; a record that would break criteria is refused (exit 4) unless --force with a\n' +
    '--reason. Undo: migrate back (--from 2 --to 1) with the reverse --map. The records read model is brought up first.',
  usage: 'blueprint migrate <id> --from <n> --to <n> [--map <stage>=<stage>]... [--plan] [--reason <text>] [--force] [--json] --as <user>',
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    map: { type: 'string', multiple: true },
    plan: { type: 'boolean' },
    reason: { type: 'string' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
    as: { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  run: async (input) => {
    const blueprint = input.positionals[0];
    requiredOption(input.values, 'from');
    requiredOption(input.values, 'to');
    const from = positiveIntegerOption(input.values, 'from') ?? 0;
    const to = positiveIntegerOption(input.values, 'to') ?? 0;
    const stageMap = stageMapOf(stringListOption(input.values, 'map'));
    const force = input.values['force'] === true;
    const reason = stringOption(input.values, 'reason');
    if (force && reason === undefined) throw usageError('--force needs a --reason, recorded on every RecordMigrated');
    requirePlatformAction(actingUser(input).user, 'blueprints.publish');
    return withRecordSession(input, { create: false }, async ({ engine, user }) => {
      const readModels = openReadModels(input);
      return using([() => readModels.close()], async () => {
        await catchUpProjection({ store: engine.store, readModels, projection: recordsProjection(), clock: input.io.clock });
        const plan = planMigrationFromReadModel(readModels.db, engine.catalog, { blueprint, from, to, stageMap });
        if (input.values['plan'] === true) {
          input.io.stdout.write(input.values['json'] === true ? `${JSON.stringify(plan, null, 2)}\n` : `${planText(plan)}\n`);
          return EXIT_OK;
        }
        const kind = engine.catalog.get(plan.from).definition.kind;
        const result = await applyMigration(engine.commands, kind, plan, { actor: { id: user.id, roles: user.roles }, reason, force, origin: cliOrigin() });
        if (input.values['json'] === true) input.io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else {
          input.io.stdout.write(`migrated ${result.migrated}, refused ${result.refused}, unchanged ${result.unchanged} (${plan.blueprint} v${from} -> v${to})\n`);
          for (const outcome of result.records) if (outcome.error !== undefined) input.io.stderr.write(`${outcome.recordId}: ${outcome.error.code}: ${outcome.error.message}\n`);
        }
        return result.refused > 0 ? EXIT_REFUSED : EXIT_OK;
      });
    });
  },
};
