import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { EventStoreException, EventStoreExceptionCode, type StoredEvent } from '@crm/event-store';
import { eventually, NEVER_DURING_A_TEST_MS } from '@crm/event-store/contract';
import { catchUpProjection, ReadModelDatabase } from '@crm/projection-runtime';
import { pendingTimersIn, pipelineProjection, queryPipeline, timersProjection } from '@crm/projections';
import { fireTimerCommandId, openAccess, type FireTimer, type RecordAccessPolicy, type RecordCommandResult } from '@crm/workflow';
import { Engine } from '../engine';
import { TimerScheduler, type TimerNotice, type TimerSchedulerOptions } from './timer-scheduler';

const repositoryBlueprints = join(__dirname, '..', '..', '..', '..', 'blueprints');
const rita = { id: 'rita', roles: ['rep'] };
// 2026-03-02 is a Monday: the lead SLA counts the standard calendar's hours, Monday to Friday 09:00-17:00 UTC.
const MONDAY_NINE = '2026-03-02T09:00:00.000Z';

/** Backoff of the tests' loops: short, so a retry is quick, and distinct doublings to see in the notices. */
const QUICK_RETRY = { initialMs: 5, maxMs: 20 };

describe('TimerScheduler: due timers fired as commands of system:timer', () => {
  const clock = new ManualClock(MONDAY_NINE);
  let directory: string;
  let engine: Engine;
  let readModels: ReadModelDatabase;
  let commands = 0;
  const extra: { close(): Promise<void> | void }[] = [];

  const openEngine = (policy: RecordAccessPolicy = openAccess) => Engine.open({ dataDirectory: directory, blueprintsDirectory: repositoryBlueprints, clock, policy });
  const openLead = async (recordId: string, on: Engine = engine) => {
    commands += 1;
    await on.commands.execute({ type: 'OpenRecord', kind: 'lead', recordId, commandId: `open-${commands}`, actor: rita, fields: { name: `Lead ${recordId}` } });
  };
  const caughtUp = (on: { engine: Engine; readModels: ReadModelDatabase } = { engine, readModels }) =>
    catchUpProjection({ store: on.engine.store, readModels: on.readModels, projection: timersProjection(), clock });
  const schedulerOf = (options: Partial<TimerSchedulerOptions> = {}) =>
    new TimerScheduler({ commands: engine.commands, timers: pendingTimersIn(readModels.db), clock, retry: QUICK_RETRY, ...options });
  /** The engine's command handler, counting the FireTimer commands it is sent. */
  const counted = (on: Engine = engine) => {
    const sent: string[] = [];
    return {
      sent,
      commands: {
        execute: (command: FireTimer): Promise<RecordCommandResult> => {
          sent.push(command.timerId);
          return on.commands.execute(command);
        },
      },
    };
  };
  const eventsOf = async (type: string): Promise<StoredEvent[]> => (await engine.store.readAll({ from: 'start' })).filter((event) => event.type === type);
  const firedTimers = async (): Promise<string[]> => (await eventsOf('TimerFired')).map((event) => `${event.stream}:${String(event.data['timer'])}`);

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-timer-scheduler-'));
    clock.set(MONDAY_NINE);
    commands = 0;
    engine = await openEngine();
    readModels = ReadModelDatabase.open({ directory });
  });

  afterEach(async () => {
    for (const part of extra.splice(0)) await part.close();
    readModels.close();
    await engine.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given a lead opened on Monday at 09:00, when the clock passes one business hour, then the reminder fires once, as system:timer, with the command id of its timer, caused by the event that set it', async () => {
    await openLead('lee');
    await caughtUp();
    const scheduler = schedulerOf();

    clock.set('2026-03-02T09:59:59.999Z');
    expect(await scheduler.runDue()).toMatchObject({ fired: 0 });
    clock.set('2026-03-02T10:00:00.000Z');
    expect(await scheduler.runDue()).toMatchObject({ fired: 1, unchanged: 0, refused: 0, failure: null });

    const [scheduled] = await eventsOf('TimerScheduled');
    const fired = await eventsOf('TimerFired');
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({
      stream: 'lead-lee',
      occurredAt: '2026-03-02T10:00:00.000Z',
      data: { timer: 'remind_uncontacted', outcome: 'done', owner: 'rita', message: 'This new lead has not been contacted for a business hour' },
      metadata: {
        actor: 'system:timer',
        roles: ['system'],
        commandId: fireTimerCommandId(String(scheduled?.data['timerId'])),
        causationId: scheduled?.id,
        correlationId: 'open-1',
        origin: { via: 'scheduler' },
      },
    });
  });

  it('given a lead nobody contacts, when the clock passes two business days, then it is reminded, escalated and returned to the pool, in due order', async () => {
    await openLead('lee');
    await caughtUp();
    const scheduler = schedulerOf();

    clock.set('2026-03-04T09:00:00.000Z');
    expect(await scheduler.runDue()).toMatchObject({ fired: 3 });

    expect(await firedTimers()).toEqual(['lead-lee:remind_uncontacted', 'lead-lee:escalate_uncontacted', 'lead-lee:return_to_pool']);
    const released = await eventsOf('OwnerChanged');
    expect(released.map((event) => event.data)).toEqual([
      // rita is in no team here: the lead goes to the pool of no team.
      { recordId: 'lee', from: 'rita', to: null, reason: 'Not contacted within two business days, so it went back to the lead pool', team: null },
    ]);
    const lead = await engine.commands.load('lead', 'lee');
    expect(lead.status === 'none' ? 'missing' : lead.owner).toBeNull();
  });

  it('given a quote sent valid until 31 March, when the clock passes the end of that day, then the scheduler fires expire through the guards and the quote is expired', async () => {
    await engine.commands.execute({ type: 'OpenRecord', kind: 'opportunity', recordId: 'acme', commandId: 'open-acme', actor: rita, fields: { name: 'Acme' } });
    const quote = { kind: 'quote', recordId: 'q-1', actor: rita } as const;
    await engine.commands.execute({ ...quote, type: 'OpenRecord', commandId: 'open-q', fields: { opportunity: 'acme', total: 12_500, validUntil: '2026-03-31' } });
    await engine.commands.execute({ ...quote, type: 'FireTransition', commandId: 'submit-q', event: 'submit' });
    await engine.commands.execute({ ...quote, type: 'FireTransition', commandId: 'approve-q', event: 'approve' });
    await engine.commands.execute({ ...quote, type: 'FireTransition', commandId: 'send-q', event: 'send', fields: { customerEmail: 'buyer@acme.example' } });
    await caughtUp();
    const scheduler = schedulerOf();

    clock.set('2026-03-31T23:59:59.999Z');
    expect(await scheduler.runDue()).toMatchObject({ fired: 0 });
    clock.set('2026-04-01T00:00:00.000Z');
    expect(await scheduler.runDue()).toMatchObject({ fired: 1, failure: null });

    expect(await firedTimers()).toEqual(['quote-q-1:expire_quote']);
    const expired = (await engine.store.readStream('quote-q-1')).filter((event) => event.type === 'Transitioned');
    expect(expired.at(-1)).toMatchObject({ data: { event: 'expire', to: 'expired' }, metadata: { actor: 'system:timer' } });
  });

  it('given a deal in proposal, when 30 days pass without a move, then the scheduler marks it stalled and the pipeline shows it stalled since it entered the stage', async () => {
    const deal = { kind: 'opportunity', recordId: 'globex', actor: rita } as const;
    await engine.commands.execute({ ...deal, type: 'OpenRecord', commandId: 'open-globex', fields: { name: 'Globex', timeline: '2026-09-30' } });
    await engine.commands.execute({ ...deal, type: 'FireTransition', commandId: 'needs-globex', event: 'analyze_needs', fields: { budget: 1_000, decisionMaker: 'Dana' } });
    await engine.commands.execute({ ...deal, type: 'FireTransition', commandId: 'propose-globex', event: 'propose', fields: { proposalDocument: 'p.pdf' } });
    await caughtUp();
    const scheduler = schedulerOf();
    const stalled = async () => {
      await catchUpProjection({ store: engine.store, readModels, projection: pipelineProjection(), clock });
      // A threshold no deal reaches by age alone: only RecordStalled puts a deal on the list.
      return queryPipeline(readModels.db, clock, { stalledAfterDays: 365 }).stalled.map(({ recordId, stalledSince }) => ({ recordId, stalledSince }));
    };

    clock.set('2026-03-31T08:59:59.999Z');
    expect(await scheduler.runDue()).toMatchObject({ fired: 0 });
    expect(await stalled()).toEqual([]);
    clock.set('2026-04-01T09:00:00.000Z');
    expect(await scheduler.runDue()).toMatchObject({ fired: 1, failure: null });

    expect(await firedTimers()).toEqual(['opportunity-globex:stalled_proposal']);
    expect(await stalled()).toEqual([{ recordId: 'globex', stalledSince: MONDAY_NINE }]);
  });

  it('given a lead contacted in time (it left the stage), when the due times pass, then nothing fires', async () => {
    await openLead('lee');
    await caughtUp();
    await engine.commands.execute({ type: 'FireTransition', kind: 'lead', recordId: 'lee', event: 'contact', commandId: 'contact-lee', actor: rita });
    await caughtUp();
    const { sent, commands: countingCommands } = counted();
    const scheduler = schedulerOf({ commands: countingCommands });

    clock.set('2026-03-10T09:00:00.000Z');
    expect(await scheduler.runDue()).toMatchObject({ fired: 0 });

    expect(sent).toEqual([]);
    expect(await firedTimers()).toEqual([]);
  });

  it('given a lead contacted before the read model saw it, when the due times pass, then each timer is tried once, stores nothing, and is not tried again while the read model catches up', async () => {
    await openLead('lee');
    await caughtUp();
    await engine.commands.execute({ type: 'FireTransition', kind: 'lead', recordId: 'lee', event: 'contact', commandId: 'contact-lee', actor: rita });
    const { sent, commands: countingCommands } = counted();
    const scheduler = schedulerOf({ commands: countingCommands });

    clock.set('2026-03-10T09:00:00.000Z');
    expect(await scheduler.runDue()).toMatchObject({ fired: 0, unchanged: 3 });
    expect(await scheduler.runDue()).toMatchObject({ fired: 0, unchanged: 0 });

    expect(sent).toHaveLength(3);
    expect(await firedTimers()).toEqual([]);
  });

  it('given timers fired that the read model still lists, when run again, then no command is sent again; once it caught up, nothing is remembered', async () => {
    await openLead('lee');
    await caughtUp();
    const { sent, commands: countingCommands } = counted();
    const scheduler = schedulerOf({ commands: countingCommands });
    clock.set('2026-03-02T13:00:00.000Z');

    await scheduler.runDue();
    await scheduler.runDue();
    expect(sent).toHaveLength(2);
    expect(scheduler.status()).toMatchObject({ due: 2, remembered: 2 });

    await caughtUp();
    await scheduler.runDue();
    expect(sent).toHaveLength(2);
    expect(scheduler.status()).toMatchObject({ due: 0, remembered: 0, fired: 2 });
  });

  it('given a backlog after downtime, when run one record at a time in small pages, then every overdue timer fires once, in due order', async () => {
    for (let lead = 0; lead < 12; lead += 1) {
      await openLead(`lead-${String(lead).padStart(2, '0')}`);
      clock.advance(17 * 60_000);
    }
    await caughtUp();
    const scheduler = schedulerOf({ concurrency: 1, pageSize: 5 });

    clock.set('2026-03-16T09:00:00.000Z');
    expect(await scheduler.runDue()).toMatchObject({ fired: 36 });

    const fired = await eventsOf('TimerFired');
    const scheduled = new Map((await eventsOf('TimerScheduled')).map((event) => [event.data['timerId'], String(event.data['dueAt'])]));
    const dueTimes = fired.map((event) => scheduled.get(event.data['timerId']) ?? 'never scheduled');
    expect(dueTimes).toEqual([...dueTimes].sort());
    expect(new Set(fired.map((event) => event.data['timerId'])).size).toBe(36);
  });

  it('given a backlog after downtime, when run with records in parallel, then every overdue timer fires once and each record in due order', async () => {
    for (let lead = 0; lead < 20; lead += 1) {
      await openLead(`lead-${lead}`);
      clock.advance(7 * 60_000);
    }
    await caughtUp();
    const scheduler = schedulerOf({ concurrency: 8, pageSize: 7 });

    clock.set('2026-03-16T09:00:00.000Z');
    expect(await scheduler.runDue()).toMatchObject({ fired: 60 });

    const fired = await eventsOf('TimerFired');
    expect(new Set(fired.map((event) => event.data['timerId'])).size).toBe(60);
    for (let lead = 0; lead < 20; lead += 1) {
      expect(fired.filter((event) => event.stream === `lead-lead-${lead}`).map((event) => event.data['timer'])).toEqual([
        'remind_uncontacted',
        'escalate_uncontacted',
        'return_to_pool',
      ]);
    }
  });

  it('given two engines on one data directory, when both schedulers run the same backlog at once, then each timer fires exactly once', async () => {
    for (let lead = 0; lead < 10; lead += 1) await openLead(`lead-${lead}`);
    await caughtUp();
    const other = await openEngine();
    const otherReadModels = ReadModelDatabase.open({ directory });
    extra.push(other, otherReadModels);
    const first = schedulerOf({ concurrency: 4 });
    const second = new TimerScheduler({ commands: other.commands, timers: pendingTimersIn(otherReadModels.db), clock, retry: QUICK_RETRY, concurrency: 4 });

    clock.set('2026-03-16T09:00:00.000Z');
    const runs = await Promise.all([first.runDue(), second.runDue()]);

    expect(runs.map((run) => run.failure)).toEqual([null, null]);
    const fired = await eventsOf('TimerFired');
    const perTimer = new Map<unknown, number>();
    for (const event of fired) perTimer.set(event.data['timerId'], (perTimer.get(event.data['timerId']) ?? 0) + 1);
    expect(perTimer.size).toBe(30);
    expect([...perTimer.values()].every((count) => count === 1)).toBe(true);
    expect(await eventsOf('OwnerChanged')).toHaveLength(10);
  });

  it('given a FireTimer the domain refuses, when run, then the refusal is told with its reason, the timer set aside and not tried again, and other records fire', async () => {
    await engine.close();
    const noAutomationForRaj: RecordAccessPolicy = {
      judge: (_actor, action, record) => (action === 'automate' && record.owner === 'raj' ? { rule: 'test.no-automation', message: 'raj handles his leads by hand' } : null),
    };
    engine = await openEngine(noAutomationForRaj);
    await openLead('mine');
    commands += 1;
    await engine.commands.execute({ type: 'OpenRecord', kind: 'lead', recordId: 'rajs', commandId: `open-${commands}`, actor: { id: 'raj', roles: ['rep'] }, fields: { name: 'Raj lead' } });
    await caughtUp();
    const notices: TimerNotice[] = [];
    const { sent, commands: countingCommands } = counted();
    const scheduler = schedulerOf({ commands: countingCommands, onNotice: (notice) => notices.push(notice) });

    clock.set('2026-03-02T10:00:00.000Z');
    expect(await scheduler.runDue()).toMatchObject({ fired: 1, refused: 1, failure: null });
    expect(await scheduler.runDue()).toMatchObject({ fired: 0, refused: 0 });

    expect(sent).toHaveLength(2);
    expect(notices).toEqual([
      expect.objectContaining({ kind: 'refused', timer: expect.objectContaining({ recordId: 'rajs' }), code: 'FORBIDDEN', reason: expect.stringContaining('raj handles his leads by hand') }),
    ]);
    expect(scheduler.status()).toMatchObject({ refused: 1, fired: 1 });
    expect(await firedTimers()).toEqual(['lead-mine:remind_uncontacted']);
  });

  it('given a record whose due timer must be tried again, when the run goes on, then that record\'s later timers wait with it and other records fire', async () => {
    await openLead('lee');
    await openLead('kim');
    await caughtUp();
    let refusals = 1;
    const leeFailsOnce = {
      execute: (command: FireTimer): Promise<RecordCommandResult> => {
        if (command.recordId === 'lee' && refusals > 0) {
          refusals -= 1;
          return Promise.reject(new EventStoreException(EventStoreExceptionCode.UNAVAILABLE, 'the disk is away'));
        }
        return engine.commands.execute(command);
      },
    };
    const scheduler = schedulerOf({ commands: leeFailsOnce, concurrency: 1 });
    clock.set('2026-03-02T13:00:00.000Z');

    const first = await scheduler.runDue();
    expect(first).toMatchObject({ fired: 2, failure: { kind: 'retry', code: 'UNAVAILABLE' } });
    expect(await firedTimers()).toEqual(['lead-kim:remind_uncontacted', 'lead-kim:escalate_uncontacted']);

    expect(await scheduler.runDue()).toMatchObject({ fired: 2, failure: null });
    expect((await firedTimers()).filter((timer) => timer.startsWith('lead-lee'))).toEqual(['lead-lee:remind_uncontacted', 'lead-lee:escalate_uncontacted']);
  });

  it('given the store unavailable for a while, when the loop runs, then it retries with backoff, shows the error, and fires the timer once the store answers', async () => {
    await openLead('lee');
    await caughtUp();
    let refusals = 3;
    const flaky = {
      execute: (command: FireTimer): Promise<RecordCommandResult> => {
        if (refusals > 0) {
          refusals -= 1;
          return Promise.reject(new EventStoreException(EventStoreExceptionCode.UNAVAILABLE, 'the disk is away'));
        }
        return engine.commands.execute(command);
      },
    };
    const notices: TimerNotice[] = [];
    const scheduler = schedulerOf({ commands: flaky, onNotice: (notice) => notices.push(notice), pollIntervalMs: NEVER_DURING_A_TEST_MS });
    clock.set('2026-03-02T10:00:00.000Z');

    scheduler.start();
    extra.push({ close: () => scheduler.stop() });
    await eventually(async () => expect(await firedTimers()).toEqual(['lead-lee:remind_uncontacted']));

    expect(notices.filter((notice) => notice.kind === 'retrying')).toHaveLength(3);
    expect(notices[0]).toMatchObject({ kind: 'retrying', reason: 'UNAVAILABLE: the disk is away', delayMs: 5 });
    expect(notices[2]).toMatchObject({ delayMs: 20 });
    expect(scheduler.status()).toMatchObject({ state: 'running', lastError: 'UNAVAILABLE: the disk is away', fired: 1 });
  });

  it('given the loop started, when the clock reaches a due time, then the timer fires without being asked; stop ends the loop', async () => {
    await openLead('lee');
    await caughtUp();
    const scheduler = schedulerOf({ pollIntervalMs: 5 });
    scheduler.start();
    extra.push({ close: () => scheduler.stop() });
    expect(scheduler.status().state).toBe('running');

    clock.set('2026-03-02T10:00:00.000Z');
    await eventually(async () => expect(await firedTimers()).toEqual(['lead-lee:remind_uncontacted']));
    await scheduler.stop();
    expect(scheduler.status().state).toBe('stopped');
  });

  it('given due timers, when asked for its status, then it shows the state, how many are due and since when', async () => {
    await openLead('lee');
    await caughtUp();
    const scheduler = schedulerOf();
    clock.set('2026-03-02T13:30:00.000Z');

    expect(scheduler.status()).toEqual({ state: 'stopped', due: 2, oldestDueAt: '2026-03-02T10:00:00.000Z', fired: 0, refused: 0, remembered: 0, lastError: null });
  });
});
