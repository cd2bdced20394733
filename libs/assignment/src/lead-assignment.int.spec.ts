import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { standardCalendars, type Actor } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { RoleAccessPolicy, UserDirectory, type User } from '@crm/identity';
import { catchUpProjection, ReadModelDatabase } from '@crm/projection-runtime';
import { listRecords, recordsProjection } from '@crm/projections';
import {
  BlueprintCatalog,
  businessTiming,
  fireTimerCommandId,
  POOL_INACTIVITY_TIMER,
  recordAfter,
  RecordCommandHandler,
  TIMER_ACTOR,
  WorkflowException,
  type RecordCommandResult,
} from '@crm/workflow';
import { assignmentLeadBlueprint } from './__fixtures__/assignment-lead.blueprint';
import { LeadAssignment } from './lead-assignment';
import { parseAssignmentRules } from './rules/assignment-rules';

const EAST = ['ann', 'bob', 'cid', 'dee'];
const USERS: readonly User[] = [
  ...EAST.map((id): User => ({ id, name: id, roles: ['rep'], team: 'east' })),
  { id: 'wes', name: 'wes', roles: ['rep'], team: 'west' },
  { id: 'max', name: 'max', roles: ['manager'], team: 'east' },
  { id: 'ada', name: 'ada', roles: ['admin'], team: null },
];
const actor = (id: string): Actor => {
  const user = USERS.find((candidate) => candidate.id === id);
  if (user === undefined) throw new Error(`no user ${id}`);
  return { id: user.id, roles: user.roles };
};

/** One process's engine, records read model and lead assignment over a fresh store, as the API puts them together. */
const openDesk = async (rulesFile: string) => {
  const directory = mkdtempSync(join(tmpdir(), 'crm-lead-assignment-'));
  const clock = new ManualClock('2026-03-02T10:00:00.000Z');
  const users = new UserDirectory(USERS);
  const calendars = standardCalendars();
  const lead = assignmentLeadBlueprint();
  const rules = parseAssignmentRules(rulesFile, 'lead-assignment.yaml', { lead, calendars });
  const store = await SqliteEventStore.open({ directory, clock });
  const catalog = await BlueprintCatalog.open(store, [lead]);
  const timing = businessTiming(calendars, (user) => users.teamOf(user));
  const handler = (): RecordCommandHandler => new RecordCommandHandler(store, catalog, { clock, policy: new RoleAccessPolicy(() => users), timing, pool: rules.pool });
  const records = handler();
  const readModels = ReadModelDatabase.open({ directory });
  // One catch-up at a time over this read-model file (each API process has its own runner for that).
  let catchingUp: Promise<void> = Promise.resolve();
  const caughtUp = (): Promise<void> => {
    catchingUp = catchingUp.then(async () => void (await catchUpProjection({ store, readModels, projection: recordsProjection(), clock })));
    return catchingUp;
  };
  const assignment = new LeadAssignment({ store, clock, catalog, records, rules, calendars, users: () => users, readModels: readModels.db, caughtUp, automation: { mode: 'manual' } });
  let opened = 0;
  const openLead = async (fields: Record<string, string | number> = { source: 'web' }): Promise<string> => {
    opened += 1;
    const recordId = `lead-${String(opened).padStart(3, '0')}`;
    await records.execute({ type: 'OpenRecord', kind: 'lead', recordId, owner: null, fields: { name: `Lead ${opened}`, ...fields }, commandId: `open-${recordId}`, actor: actor('ada') });
    return recordId;
  };
  const ownerOf = async (recordId: string): Promise<string | null> => {
    const state = await records.load('lead', recordId);
    if (state.status === 'none') throw new Error(`${recordId} was never opened`);
    return state.owner;
  };
  const heldBy = async (reps: readonly string[]): Promise<number[]> => {
    await caughtUp();
    return reps.map((rep) => listRecords(readModels.db, { kind: 'lead', owner: rep, limit: 500 }).items.length);
  };
  const close = async (): Promise<void> => {
    await assignment.automation.stop();
    readModels.close();
    await catalog.stop();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  };
  return { clock, store, catalog, records, handler, readModels, caughtUp, assignment, openLead, ownerOf, heldBy, close };
};
type Desk = Awaited<ReturnType<typeof openDesk>>;

const refusalOf = async (attempt: Promise<unknown>): Promise<string> => {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof WorkflowException) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
};

const spreadOf = (counts: readonly number[]): number => Math.max(...counts) - Math.min(...counts);

describe('lead assignment through the reactors and the command handler', () => {
  let desk: Desk | undefined;
  afterEach(async () => {
    await desk?.close();
    desk = undefined;
  });

  it('given 4 reps and a round-robin rule, when 100 leads arrive without an owner, then each is assigned by the rule and the reps hold 25 ± 1', async () => {
    desk = await openDesk('rules: [{ id: east-web, team: east, strategy: round_robin, match: { source: web } }]');
    const leads: string[] = [];
    for (let lead = 0; lead < 100; lead += 1) leads.push(await desk.openLead());
    await desk.assignment.automation.runDue();

    const counts = await desk.heldBy(EAST);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(100);
    expect(spreadOf(counts)).toBeLessThanOrEqual(1);
    const history = await desk.store.readStream('lead-lead-001');
    const assigned = history.find((event) => event.type === 'OwnerChanged');
    expect(assigned?.data).toMatchObject({ from: null, to: 'ann', rule: 'east-web', reason: 'round robin in team east: ann, the first in turn' });
    expect(assigned?.metadata['actor']).toBe('system:reactor:lead-assignment');

    // A second run over the same log (a restart, a redelivery) assigns nothing again.
    await desk.assignment.automation.runDue();
    expect(await desk.heldBy(EAST)).toEqual(counts);
  });

  it('given a cap of 20 open leads per rep, when 100 leads arrive, then nobody holds more than 20 and the other 20 wait in east’s pool naming the cap', async () => {
    desk = await openDesk('rules: [{ id: east-web, team: east, strategy: round_robin, capacity: 20 }]');
    for (let lead = 0; lead < 100; lead += 1) await desk.openLead();
    await desk.assignment.automation.runDue();

    expect(await desk.heldBy(EAST)).toEqual([20, 20, 20, 20]);
    const pool = listRecords(desk.readModels.db, { kind: 'lead', pool: true, limit: 500 }).items;
    expect(pool).toHaveLength(20);
    const pooled = (await desk.store.readStream(`lead-${pool[0].recordId}`)).find((event) => event.type === 'LeadPooled');
    expect(pooled?.data).toMatchObject({ team: 'east', rule: 'east-web' });
    expect(String(pooled?.data['reason'])).toContain('at capacity: holds 20 open leads, the cap is 20');
  });

  it('given bob is absent, when 30 leads arrive, then bob gets none and the other three share them evenly', async () => {
    desk = await openDesk('rules: [{ id: east-web, team: east }]');
    await desk.assignment.availability.declare(USERS.find((user) => user.id === 'max') as User, 'bob', { from: '2026-03-01', to: '2026-03-06', reason: 'vacation' }, 'absence-bob-1');
    for (let lead = 0; lead < 30; lead += 1) await desk.openLead();
    await desk.assignment.automation.runDue();

    expect(await desk.heldBy(EAST)).toEqual([10, 0, 10, 10]);
  });

  describe('the pool', () => {
    const POOL_RULES = `
rules: [{ id: east-intake, team: east, on: [intake] }]
pool: { claimCap: 2, cooldown: P3D, returnAfter: P5D }
`;

    it('given a lead assigned to ann and left alone for 5 days, when its timer fires, then it returns to east’s pool and ann may not claim it back before the cool-down ends; bob may', async () => {
      desk = await openDesk(POOL_RULES);
      const lead = await desk.openLead();
      await desk.assignment.automation.runDue();
      expect(await desk.ownerOf(lead)).toBe('ann');

      desk.clock.set('2026-03-07T10:00:00.000Z');
      const state = await desk.records.load('lead', lead);
      const timer = state.status === 'none' ? undefined : state.timers.find((candidate) => candidate.timer === POOL_INACTIVITY_TIMER);
      expect(timer?.dueAt).toBe('2026-03-07T10:00:00.000Z');
      await desk.records.execute({ type: 'FireTimer', kind: 'lead', recordId: lead, timerId: timer?.timerId ?? 'none', commandId: fireTimerCommandId(timer?.timerId ?? 'none'), actor: TIMER_ACTOR });
      await desk.assignment.automation.runDue();

      expect(await desk.ownerOf(lead)).toBeNull();
      await desk.caughtUp();
      expect(listRecords(desk.readModels.db, { kind: 'lead', pool: true, visibleTo: { owners: ['wes'], unowned: { kinds: ['lead'] }, poolTeam: 'west' } }).items).toEqual([]);
      expect(listRecords(desk.readModels.db, { kind: 'lead', pool: true, visibleTo: { owners: ['bob'], unowned: { kinds: ['lead'] }, poolTeam: 'east' } }).items.map((item) => item.recordId)).toEqual([lead]);

      expect(await refusalOf(desk.assignment.claims.claim(actor('ann'), lead, { commandId: 'ann-claims-back' }))).toBe('CLAIM_COOLDOWN');
      // West's rep may not even see east's pool: unreadable and missing look the same.
      expect(await refusalOf(desk.assignment.claims.claim(actor('wes'), lead, { commandId: 'wes-claims' }))).toBe('RECORD_NOT_FOUND');
      const claimed = await desk.assignment.claims.claim(actor('bob'), lead, { commandId: 'bob-claims' });
      expect(recordAfter(claimed).owner).toBe('bob');
    });

    it('given bob holds 2 open leads, when he claims a third from the pool, then CLAIM_CAP_REACHED; once he releases one with a reason, the claim goes through', async () => {
      desk = await openDesk('pool: { claimCap: 2 }');
      const [first, second, third] = [await desk.openLead(), await desk.openLead(), await desk.openLead()];
      const bob = actor('bob');
      await desk.assignment.claims.claim(bob, first, { commandId: 'bob-1' });
      await desk.assignment.claims.claim(bob, second, { commandId: 'bob-2' });
      expect(await refusalOf(desk.assignment.claims.claim(bob, third, { commandId: 'bob-3' }))).toBe('CLAIM_CAP_REACHED');

      const released = await desk.assignment.claims.release(bob, first, 'Wrong region: the buyer is in Berlin', { commandId: 'bob-releases-1' });
      expect(released.events[0]).toMatchObject({ type: 'OwnerChanged', data: { from: 'bob', to: null, reason: 'Wrong region: the buyer is in Berlin', team: 'east' } });
      expect(recordAfter(await desk.assignment.claims.claim(bob, third, { commandId: 'bob-3-again' })).owner).toBe('bob');
    });

    it('given two reps in two processes claiming one pool lead at once, then exactly one wins and the lead leaves the loser’s view', async () => {
      desk = await openDesk('pool: { claimCap: 5 }');
      const lead = await desk.openLead();
      const secondProcess = new LeadAssignment({
        store: desk.store,
        clock: desk.clock,
        catalog: desk.catalog,
        records: desk.handler(),
        rules: parseAssignmentRules('pool: { claimCap: 5 }', 'lead-assignment.yaml', { lead: assignmentLeadBlueprint(), calendars: standardCalendars() }),
        calendars: standardCalendars(),
        users: () => new UserDirectory(USERS),
        readModels: desk.readModels.db,
        caughtUp: desk.caughtUp,
        automation: { mode: 'manual' },
      });
      const outcomes = await Promise.allSettled([
        desk.assignment.claims.claim(actor('ann'), lead, { commandId: 'ann-races' }),
        secondProcess.claims.claim(actor('bob'), lead, { commandId: 'bob-races' }),
      ]);
      const winners = outcomes.filter((outcome): outcome is PromiseFulfilledResult<RecordCommandResult> => outcome.status === 'fulfilled');
      const losers = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      expect(winners).toHaveLength(1);
      // Re-decided on the winner's state: the lead is another rep's now, which a rep may not read (404 over HTTP).
      expect(losers.map((loser) => (loser.reason as WorkflowException).code)).toEqual(['RECORD_NOT_FOUND']);
      const owners = (await desk.store.readStream(`lead-${lead}`)).filter((event) => event.type === 'OwnerChanged').map((event) => event.data['to']);
      expect(owners).toEqual([recordAfter(winners[0].value).owner]);
    });
  });
});
