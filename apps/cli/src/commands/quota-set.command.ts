import { authorizeQuotaSet, type User, type UserDirectory } from '@crm/identity';
import { catchUpProjection } from '@crm/projection-runtime';
import { forecastProjection, Quotas, type Quota } from '@crm/projections';
import { BlueprintCatalog, newCommandId } from '@crm/workflow';
import type { EventStore } from '@crm/event-store';
import { EXIT_OK, usageError } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { openChosenEventStore, openReadModels, using } from '../cli-context';
import { choiceOption, requiredOption, stringOption } from '../cli-options';
import { forbidden, platformCommandBy } from '../platform-access';
import { actingUser } from '../records/record-session';

/** A quota is in the currency the forecast reports in: the published opportunity blueprint's, unless given. */
const currencyOf = async (store: EventStore, given: string | undefined): Promise<string> => {
  if (given !== undefined) return given;
  const catalog = await BlueprintCatalog.open(store);
  if (!catalog.kinds().includes('opportunity')) throw usageError('say the quota\'s currency: --currency <ISO 4217 code> (no opportunity blueprint is published)');
  return catalog.latestForKind('opportunity').definition.currency;
};

/** Managers set the quotas of their team and its members, admins any (rule manager.own-team, manager-or-admin). */
const quotaCheck = (user: User, users: UserDirectory, target: Pick<Quota, 'scope' | 'name'>) => (): void => {
  const denial = authorizeQuotaSet(user, target, users);
  if (denial !== null) throw forbidden(user, 'quota.set', denial);
};

export const quotaSetCommand: CliCommand = {
  path: ['quota', 'set'],
  summary:
    'Set the quota of an owner or a team for a period, as a QuotaSet event.\n' +
    "Periods are YYYY-MM or YYYY-Qn; the forecast reports attainment against it. Managers set their team's and its\n" +
    "members' quotas, admins any. The currency defaults to the opportunity blueprint's; setting the same quota again stores nothing.",
  usage: 'quota set --scope owner|team --name <name> --period <period> --amount <amount> [--currency <code>] [--as <user>]',
  options: {
    scope: { type: 'string' },
    name: { type: 'string' },
    period: { type: 'string' },
    amount: { type: 'string' },
    currency: { type: 'string' },
    as: { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  run: async (input) => {
    const scope = choiceOption(input.values, 'scope', ['owner', 'team'] as const, 'owner');
    const name = requiredOption(input.values, 'name');
    const period = requiredOption(input.values, 'period');
    const amountText = requiredOption(input.values, 'amount');
    const amount = Number(amountText);
    if (amountText.trim() === '' || !Number.isFinite(amount)) throw usageError(`--amount must be a number, not "${amountText}"`);
    const { user, users } = actingUser(input);
    const by = platformCommandBy(user, quotaCheck(user, users, { scope, name }));
    const store = await openChosenEventStore(input);
    const readModels = openReadModels(input);
    return using([() => store.close(), () => readModels.close()], async () => {
      const quota = { scope, name, period, amount, currency: await currencyOf(store, stringOption(input.values, 'currency')) };
      const outcome = await new Quotas(store, input.io.clock).set({ ...by, quota, commandId: newCommandId(input.io.clock) });
      // The forecast read model follows the event now, so the next report shows the quota without a running API.
      await catchUpProjection({ store, readModels, projection: forecastProjection(), clock: input.io.clock });
      input.io.stdout.write(`quota of ${scope} ${name} for ${period}: ${amount} ${quota.currency}${outcome.changed ? '' : ' (already set; nothing stored)'}\n`);
      return EXIT_OK;
    });
  },
};
