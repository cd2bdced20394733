import { ManualClock } from '@crm/clock';
import type { Engine } from '@crm/engine';
import { IdentityException, IdentityExceptionCode, loadOrCreateUsersFile, RoleAccessPolicy, type User, type UserDirectory } from '@crm/identity';
import { countEvents } from '@crm/projection-runtime';
import { recordAfter, RecordCommandHandler, recordStreamName, type CommandOrigin, type ExistingRecord } from '@crm/workflow';
import { EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { checkEventStore, openEngine, using } from '../cli-context';
import { nonNegativeIntegerOption, positiveIntegerOption } from '../cli-options';
import { cliOrigin } from '../cli-origin';
import { usersFileOf } from '../records/record-session';
import { demoPipeline, type DemoDeal, type DemoLead, type DemoPipeline } from '../seed/demo-pipeline';

const actorOf = (user: User) => ({ id: user.id, roles: user.roles });

const repsOf = (users: readonly User[], usersFile: string): User[] => {
  const reps = users.filter((user) => user.roles.includes('rep'));
  if (reps.length === 0) {
    throw new IdentityException(IdentityExceptionCode.FORBIDDEN, `no user with the rep role in ${usersFile}: the demo deals need owners`, { rule: 'seed.needs-reps' });
  }
  return reps;
};

/**
 * The seed's command handler: the engine's store, blueprint catalog and role rules, with a clock the seed
 * sets to each step's business time, so the demo's past is made of the same guarded steps a user takes
 * today — never of imported history.
 */
interface DatedCommands {
  readonly handler: RecordCommandHandler;
  readonly clock: ManualClock;
  readonly origin: CommandOrigin;
  /** Derived from the plan, so a rerun of the same plan is answered with the first results. */
  commandId(recordId: string, step: string): string;
}

/**
 * Whether a record of the plan was opened by an earlier plan (another day, another seed) or someone else:
 * then it stays as it is. A record this very plan opened is walked on, so a rerun completes an interrupted one.
 */
const openedElsewhere = async (engine: Engine, commands: DatedCommands, kind: string, recordId: string): Promise<boolean> => {
  const [opened] = await engine.store.readStream(recordStreamName(kind, recordId), { maxCount: 1 });
  return opened !== undefined && opened.metadata['commandId'] !== commands.commandId(recordId, 'open');
};

/**
 * The approvers of a chain, step by step, as people would: for each step the first user of the users
 * file who may decide it (its role, or named; a manager only for their own team's deals; never the
 * requester). A chain nobody in the file can decide stays pending, as it would for real.
 */
const decideApprovals = async (commands: DatedCommands, users: UserDirectory, record: ExistingRecord, owner: User): Promise<void> => {
  for (let round = 0; round < 10; round += 1) {
    const request = record.approvals.find((candidate) => candidate.status === 'pending');
    const step = request === undefined ? undefined : (request.mode === 'sequential' ? request.steps.filter((candidate) => candidate.status === 'waiting').slice(0, 1) : request.steps.filter((candidate) => candidate.status === 'waiting'))[0];
    if (request === undefined || step === undefined) return;
    const approver = users
      .all()
      .find(
        (user) =>
          user.id !== request.requestedBy.id &&
          (step.user !== undefined ? user.id === step.user : user.roles.some((role) => role === step.role)) &&
          (!user.roles.includes('manager') || user.roles.includes('admin') || user.team === owner.team),
      );
    if (approver === undefined) return;
    const result = await commands.handler.execute({
      type: 'GrantApproval',
      kind: record.kind,
      recordId: record.recordId,
      approvalId: request.approvalId,
      comment: 'Approved for the demo',
      commandId: commands.commandId(record.recordId, `grant:${request.approvalId}:${round}`),
      actor: actorOf(approver),
      origin: commands.origin,
    });
    record = recordAfter(result);
  }
};

const walkDeal = async (engine: Engine, commands: DatedCommands, users: UserDirectory, deal: DemoDeal, owner: User): Promise<void> => {
  if (await openedElsewhere(engine, commands, 'opportunity', deal.recordId)) return;
  const envelope = { kind: 'opportunity', recordId: deal.recordId, actor: actorOf(owner), origin: commands.origin };
  commands.clock.set(deal.openedAt);
  let record = recordAfter(
    await commands.handler.execute({ ...envelope, type: 'OpenRecord', owner: owner.id, fields: deal.fields, commandId: commands.commandId(deal.recordId, 'open') }),
  );
  for (const step of deal.steps) {
    commands.clock.set(step.at);
    // What the step requires done (the proposal sent before negotiating) is done first.
    const transition = engine.commands.blueprintOf(record).transitionsFrom(record.stage).find((candidate) => candidate.event === step.event);
    const required = transition?.criteria.requiresTasks ?? [];
    for (const task of record.tasks.filter((candidate) => candidate.status === 'open' && required.includes(candidate.template))) {
      record = recordAfter(
        await commands.handler.execute({ ...envelope, type: 'CompleteTask', taskId: task.taskId, note: 'Done for the demo', commandId: commands.commandId(deal.recordId, `task:${task.template}`) }),
      );
    }
    record = recordAfter(
      await commands.handler.execute({ ...envelope, type: 'FireTransition', event: step.event, fields: step.fields, commandId: commands.commandId(deal.recordId, step.event) }),
    );
    await decideApprovals(commands, users, record, owner);
    record = await commands.handler.read('opportunity', deal.recordId, actorOf(owner));
  }
};

const openPoolLead = async (engine: Engine, commands: DatedCommands, lead: DemoLead, opener: User): Promise<void> => {
  if (await openedElsewhere(engine, commands, 'lead', lead.recordId)) return;
  commands.clock.set(lead.openedAt);
  await commands.handler.execute({
    type: 'OpenRecord',
    kind: 'lead',
    recordId: lead.recordId,
    owner: null,
    fields: lead.fields,
    commandId: commands.commandId(lead.recordId, 'open'),
    actor: actorOf(opener),
    origin: commands.origin,
  });
};

const repNamed = (reps: readonly User[], id: string): User => {
  const rep = reps.find((candidate) => candidate.id === id);
  if (rep === undefined) throw new Error(`the demo plan names ${id}, who is not one of the reps it was made for`);
  return rep;
};

/** Every write is a command through a record command handler, so the demo obeys the blueprints like any user. */
const seed = async (engine: Engine, users: UserDirectory, reps: User[], plan: DemoPipeline, seedValue: number): Promise<number> => {
  const clock = new ManualClock(`${plan.day}T00:00:00.000Z`);
  const commands: DatedCommands = {
    handler: new RecordCommandHandler(engine.store, engine.catalog, { clock, policy: new RoleAccessPolicy(() => users), timing: engine.timing }),
    clock,
    origin: cliOrigin(),
    commandId: (recordId, step) => `seed-demo:${seedValue}:${plan.day}:${recordId}:${step}`,
  };
  for (const deal of [...plan.closed, ...plan.open]) await walkDeal(engine, commands, users, deal, repNamed(reps, deal.owner));
  for (const lead of plan.poolLeads) await openPoolLead(engine, commands, lead, reps[0]);
  return plan.closed.length + plan.open.length + plan.poolLeads.length;
};

export const seedDemoCommand: CliCommand = {
  path: ['seed', 'demo'],
  summary:
    'Fill the data directory with a demo pipeline for the default blueprints: closed deals over the last year and\n' +
    "open deals, each walked through the blueprint's guarded transitions by its owner (the reps of the users file)\n" +
    'at dated business times, and a few unowned leads in the pool. Every write goes through the command handler\n' +
    'and its guards, with the fields they need. Seeded: the same --seed gives the same demo, and running it again\n' +
    'stores nothing new; records an earlier run opened are left as they are.',
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
      const plan = demoPipeline({ reps: reps.map((rep) => rep.id), deals, seed: seedValue, now: engine.clock.now() });
      const records = await seed(engine, users, reps, plan, seedValue);
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
