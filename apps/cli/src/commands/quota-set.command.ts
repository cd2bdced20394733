import { setQuota } from '@crm/projections';
import { EXIT_OK, usageError } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { openReadModels, using } from '../cli-context';
import { choiceOption, requiredOption } from '../cli-options';

export const quotaSetCommand: CliCommand = {
  path: ['quota', 'set'],
  summary: 'Set the quota of an owner or a team for a period.\nPeriods are YYYY-MM or YYYY-Qn; the forecast reports attainment against it.',
  usage: 'quota set --scope owner|team --name <name> --period <period> --amount <amount>',
  options: { scope: { type: 'string' }, name: { type: 'string' }, period: { type: 'string' }, amount: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  run: async (input) => {
    const scope = choiceOption(input.values, 'scope', ['owner', 'team'] as const, 'owner');
    const name = requiredOption(input.values, 'name');
    const period = requiredOption(input.values, 'period');
    const amountText = requiredOption(input.values, 'amount');
    const amount = Number(amountText);
    if (!Number.isFinite(amount)) throw usageError(`--amount must be a number, not "${amountText}"`);
    const readModels = openReadModels(input);
    return using([() => readModels.close()], async () => {
      setQuota(readModels.db, { scope, name, period, amount });
      input.io.stdout.write(`quota of ${scope} ${name} for ${period}: ${amount}\n`);
      return EXIT_OK;
    });
  },
};
