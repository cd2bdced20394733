import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { Engine, TimerScheduler } from '@crm/engine';
import { catchUpProjection, ProjectionRunner, ReadModelDatabase } from '@crm/projection-runtime';
import { pendingTimersIn, timersProjection } from '@crm/projections';
import { openAccess, type FireTimer, type RecordCommandResult } from '@crm/workflow';
import type { CaseResult, CaseSettings } from '../case-result';
import { countEventsOfType } from '../measure/count-events';
import { CpuProfiler } from '../measure/cpu-profiler';
import { Latencies, stopwatch } from '../measure/latencies';
import { peakRssMiB } from '../measure/peak-rss';
import { blueprintsDirectory } from '../workload/bench-engine';
import { runConcurrentCallers } from '../workload/concurrent-callers';

/** The lead SLA sets three timers per lead: remind, escalate, return to the pool. */
const TIMERS_PER_LEAD = 3;
const CALLERS = 64;
const OWNERS = ['rita', 'raj', 'rosa', 'rui'] as const;
/** Monday 09:00 UTC: leads arrive in business hours, one a second of business time. */
const ARRIVALS_FROM = '2026-03-02T09:00:00.000Z';
/** The app came back a month later: every timer of every lead is overdue. */
const BACK_AT = '2026-04-06T09:00:00.000Z';

const openEngine = (directory: string, clock: ManualClock): Promise<Engine> => Engine.open({ dataDirectory: directory, blueprintsDirectory, clock, policy: openAccess });

/**
 * Catch-up after downtime: leads were opened (each with the SLA's three timers), the app was down past
 * every due time, and the scheduler fires the whole backlog — 100,000 due timers on 33,334 leads (10,002
 * with `--quick`) — as one `runDue()` pass, the first the loop makes after a start: records 64 at a time,
 * each record's timers in due order, every FireTimer through the engine's command handler as
 * `system:timer`, the timers read model following live in the same process as in the API.
 *
 * The reference, in the same run on the same store and just before, is the engine's durable command rate
 * on the same leads: as many UpdateFields as there are timers, 64 callers, each acknowledged after its
 * group's commit, from a cold record cache as the scheduler has after a restart.
 */
export const runTimerCatchUpCase = async (settings: CaseSettings): Promise<CaseResult[]> => {
  const directory = join(settings.workDirectory, 'timer-catch-up');
  const leads = settings.quick ? 3_334 : 33_334;
  const clock = new ManualClock(ARRIVALS_FROM);
  const leadIds = Array.from({ length: leads }, (_, index) => `lead-${index}`);

  // Setup (timed apart): the leads arrive while the app runs and the timers read model follows them.
  const setup = await openEngine(directory, clock);
  const openTimer = stopwatch();
  await runConcurrentCallers(leadIds, CALLERS, async (recordId) => {
    clock.advance(1_000);
    const owner = OWNERS[Number(recordId.slice('lead-'.length)) % OWNERS.length] ?? 'rita';
    await setup.commands.execute({ type: 'OpenRecord', kind: 'lead', recordId, commandId: `open-${recordId}`, actor: { id: owner, roles: ['rep'] }, fields: { name: `Lead ${recordId}`, source: 'web' } });
  });
  const openSeconds = openTimer();
  await setup.close();

  clock.set(BACK_AT);

  // Reference: the engine's durable commands on the same records, as many as there are timers.
  const reference = await openEngine(directory, clock);
  const updates = Array.from({ length: leads * TIMERS_PER_LEAD }, (_, index) => ({ recordId: leadIds[index % leads] ?? 'lead-0', round: Math.floor(index / leads) }));
  const referenceLatencies = new Latencies();
  const referenceTimer = stopwatch();
  await runConcurrentCallers(updates, CALLERS, async ({ recordId, round }) => {
    const owner = OWNERS[Number(recordId.slice('lead-'.length)) % OWNERS.length] ?? 'rita';
    await referenceLatencies.time(() =>
      reference.commands.execute({ type: 'UpdateFields', kind: 'lead', recordId, commandId: `note-${recordId}-${round}`, actor: { id: owner, roles: ['rep'] }, fields: { notes: `call back, round ${round}` } }),
    );
  });
  const referenceSeconds = referenceTimer();
  await reference.close();

  // The read model as the app left it: it had followed every TimerScheduled before going down.
  const engine = await openEngine(directory, clock);
  const readModels = ReadModelDatabase.open({ directory });
  await catchUpProjection({ store: engine.store, readModels, projection: timersProjection(), clock });
  const runner = new ProjectionRunner({ store: engine.store, readModels, projections: [timersProjection()], clock });
  await runner.start();
  const { store } = engine;
  const firedBefore = await countEventsOfType(store, 'TimerFired');
  const latencies = new Latencies();
  const timed = {
    execute: (command: FireTimer): Promise<RecordCommandResult> => latencies.time(() => engine.commands.execute(command)),
  };
  const scheduler = new TimerScheduler({ commands: timed, timers: pendingTimersIn(readModels.db), clock, concurrency: CALLERS });
  const due = scheduler.status().due ?? 0;

  const profiler = await CpuProfiler.startIf(settings.profileDirectory);
  const timer = stopwatch();
  const run = await scheduler.runDue();
  const seconds = timer();
  await profiler?.stop(join(settings.profileDirectory ?? '', 'timer-catch-up.cpuprofile'));

  const firedInStore = (await countEventsOfType(store, 'TimerFired')) - firedBefore;
  const releasedToPool = await countEventsOfType(store, 'OwnerChanged');
  const head = await engine.store.headPosition();
  if (head !== null) await runner.waitForPosition(head, 600_000);
  const pendingAfter = scheduler.status().due;
  await runner.stop();
  readModels.close();
  await engine.close();

  const referenceRate = updates.length / referenceSeconds;
  return [
    {
      status: 'measured',
      id: 'timers',
      title: `Timer catch-up after downtime: ${due.toLocaleString('en-US')} due timers fired by the scheduler`,
      rate: { value: run.fired / seconds, unit: 'timers/s' },
      latencyMs: latencies.summary(),
      peakRssMiB: peakRssMiB(),
      details: {
        leads,
        dueAtStart: due,
        fired: run.fired,
        unchanged: run.unchanged,
        refused: run.refused,
        failure: run.failure?.message ?? null,
        firedInStore,
        releasedToPool,
        pendingAfterReadModelCaughtUp: pendingAfter,
        seconds,
        concurrency: CALLERS,
        ratioToEngineCommands: run.fired / seconds / referenceRate,
        openedLeadsPerSecond: leads / openSeconds,
        dataDirectory: directory,
      },
    },
    {
      status: 'measured',
      id: 'timers.engine',
      title: 'Engine: durable UpdateFields on the same leads, 64 callers, cold cache (same run)',
      rate: { value: referenceRate, unit: 'commands/s' },
      latencyMs: referenceLatencies.summary(),
      peakRssMiB: null,
      details: { commands: updates.length, seconds: referenceSeconds },
    },
  ];
};
