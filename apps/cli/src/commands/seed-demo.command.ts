import { IdentityException, IdentityExceptionCode, loadOrCreateUsersFile, type User } from '@crm/identity';
import type { Engine } from '@crm/engine';
import { countEvents } from '@crm/projection-runtime';
import { EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { checkEventStore, openEngine, using } from '../cli-context';
import { nonNegativeIntegerOption, positiveIntegerOption } from '../cli-options';
import { usersFileOf } from '../records/record-session';
import { demoPipeline } from '../seed/demo-pipeline';

const actorOf = (user: User) => ({ id: user.id, roles: user.roles });

const repsOf = (users: readonly User[], usersFile: string): User[] => {
  const reps = users.filter((user) => user.roles.includes('rep'));
  if (reps.length === 0) {
    throw new IdentityException(IdentityExceptionCode.FORBIDDEN, `no user with the rep role in ${usersFile}: the demo deals need owners`, { rule: 'seed.needs-reps' });
  }
  return reps;
};

/** Every write is a command through the engine's handler, so the demo obeys the blueprints like any user. */
const seed = async (engine: Engine, reps: User[], options: { deals: number; seed: number }): Promise<number> => {
  const byId = new Map(reps.map((rep) => [rep.id, rep]));
  const plan = demoPipeline({ reps: reps.map((rep) => rep.id), deals: options.deals, seed: options.seed, now: engine.clock.now() });
  const commandId = (recordId: string, step: string): string => `seed-demo:${options.seed}:${recordId}:${step}`;
  for (const deal of plan.closed) {
    await engine.commands.execute({
      type: 'ImportRecordHistory',
      kind: 'opportunity',
      recordId: deal.recordId,
      owner: deal.owner,
      openedAt: deal.openedAt,
      fields: deal.fields,
      stages: deal.stages,
      source: `crm seed demo --seed ${options.seed}`,
      commandId: commandId(deal.recordId, 'history'),
      actor: actorOf(byId.get(deal.owner)!),
    });
  }
  for (const deal of plan.open) {
    const actor = actorOf(byId.get(deal.owner)!);
    await engine.commands.execute({
      type: 'OpenRecord',
      kind: 'opportunity',
      recordId: deal.recordId,
      owner: deal.owner,
      fields: deal.fields,
      commandId: commandId(deal.recordId, 'open'),
      actor,
    });
    for (const step of deal.steps) {
      await engine.commands.execute({
        type: 'FireTransition',
        kind: 'opportunity',
        recordId: deal.recordId,
        event: step.event,
        fields: step.fields,
        commandId: commandId(deal.recordId, step.event),
        actor,
      });
    }
  }
  for (const lead of plan.poolLeads) {
    await engine.commands.execute({
      type: 'OpenRecord',
      kind: 'lead',
      recordId: lead.recordId,
      owner: null,
      fields: lead.fields,
      commandId: commandId(lead.recordId, 'open'),
      actor: actorOf(reps[0]),
    });
  }
  return plan.closed.length + plan.open.length + plan.poolLeads.length;
};

export const seedDemoCommand: CliCommand = {
  path: ['seed', 'demo'],
  summary:
    'Fill the data directory with a demo pipeline for the default blueprints: closed deals with a dated past\n' +
    "(imported history, for the funnel and forecast), open deals walked through today's guarded transitions by\n" +
    'their owners (the reps of the users file), and a few unowned leads in the pool. Every write goes through the\n' +
    'command handler. Seeded: the same --seed gives the same demo, and running it again stores nothing new.',
  usage: 'seed demo [--deals <n>] [--seed <n>]',
  options: { deals: { type: 'string' }, seed: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  run: async (input) => {
    const deals = positiveIntegerOption(input.values, 'deals') ?? 40;
    const seedValue = nonNegativeIntegerOption(input.values, 'seed') ?? 1;
    checkEventStore(input, { create: true });
    const usersFile = usersFileOf(input);
    const { directory: users } = loadOrCreateUsersFile(usersFile);
    const reps = repsOf(users.all(), usersFile);
    const engine = await openEngine(input, users);
    return using([() => engine.close()], async () => {
      const before = await engine.store.headPosition();
      const records = await seed(engine, reps, { deals, seed: seedValue });
      // A retried command answers with its first result, so new events are counted in the store itself.
      const events = await countEvents(engine.store, before ?? 'start', {});
      input.io.stdout.write(
        `seeded ${records} records (${events} new events) in ${input.dataDir}; owners: ${reps.map((rep) => rep.id).join(', ')}\n` +
          'the API builds its read models on start: npm start, then GET /pipeline, /forecast, /funnel\n',
      );
      return EXIT_OK;
    });
  },
};
