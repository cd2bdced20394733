import { join } from 'node:path';
import { WorkflowException, type RecordState } from '@crm/workflow';
import type { CaseResult, CaseSettings } from '../case-result';
import { CpuProfiler } from '../measure/cpu-profiler';
import { Latencies, stopwatch } from '../measure/latencies';
import { peakRssMiB } from '../measure/peak-rss';
import { SteppingClock } from '../workload/business-clock';
import { openBenchEngine, openCommand, stepCommand } from '../workload/bench-engine';
import { runConcurrentCallers } from '../workload/concurrent-callers';
import { generateOpportunityHistories, type OpportunityHistory } from '../workload/opportunity-histories';

export const ENGINE_CALLERS = 64;
export const ENGINE_RECORDS = 10_000;

export type EngineVariant = 'group-commit' | 'one-transaction-per-command';

interface OpenedHistory {
  readonly history: OpportunityHistory;
  readonly recordId: string;
  /** The record as opening it left it; each walk carries it on from command to command. */
  readonly record: RecordState;
}

const titles: Record<EngineVariant, string> = {
  'group-commit': 'Engine: durable guarded commands, 64 callers, 10k records',
  'one-transaction-per-command': 'Engine without group commit (one transaction per command)',
};

/** Business time: five minutes per clock reading spreads a run's events over about two years. */
const businessClock = (): SteppingClock => new SteppingClock('2024-01-02T08:00:00.000Z', 5 * 60_000);

const headSequence = async (store: { headPosition(): Promise<{ commit: bigint } | null> }): Promise<number> =>
  Number((await store.headPosition())?.commit ?? 0n);

/**
 * Durable guarded commands through `RecordCommandHandler`, 64 concurrent in-process callers, on the real
 * SQLite store (WAL, synchronous=FULL). Each caller walks whole opportunity histories (field updates,
 * guarded transitions, reassignments, the proposal task completed, close_won's approvals granted) one
 * command at a time, as a rep and their manager would.
 *
 * `group-commit` is the engine as shipped; `one-transaction-per-command` reopens the same store with
 * `maxGroupSize: 1`, so every command pays its own BEGIN … COMMIT and fsync (what an event store without
 * group commit does on one SQLite file), and runs for a fixed time instead of the whole workload.
 */
export const runEngineCase = async (settings: CaseSettings, variant: EngineVariant): Promise<CaseResult[]> => {
  const directory = join(settings.workDirectory, `engine-${variant}`);
  const clock = businessClock();
  const histories = generateOpportunityHistories({ seed: settings.seed, records: ENGINE_RECORDS });

  // Setup (timed apart): open every record with group commit, so both variants start from the same store.
  const setup = await openBenchEngine(directory, clock);
  const openTimer = stopwatch();
  const opened: OpenedHistory[] = [];
  await runConcurrentCallers(histories, ENGINE_CALLERS, async (history) => {
    const result = await setup.handler.execute(openCommand(history, clock));
    opened.push({ history, recordId: result.recordId, record: result.record });
  });
  const openSeconds = openTimer();
  await setup.close();

  // A fresh process view of the store: empty record cache, so each record's first command reads its stream.
  const engine = await openBenchEngine(directory, clock, variant === 'one-transaction-per-command' ? 1 : undefined);
  const workFrom = await headSequence(engine.store);
  const statsBefore = engine.store.stats();
  const latencies = new Latencies();
  const counts = { commands: 0, transitions: 0, updates: 0, reassigns: 0, taskCompletions: 0, approvalGrants: 0, stageMoves: 0, failed: 0 };
  const failures = new Map<string, number>();
  const maxSeconds = variant === 'one-transaction-per-command' ? (settings.quick ? 4 : 10) : Number.POSITIVE_INFINITY;
  const profiler = await CpuProfiler.startIf(settings.profileDirectory);
  const timer = stopwatch();

  await runConcurrentCallers(
    opened,
    ENGINE_CALLERS,
    async ({ history, recordId, record: opened }) => {
      let record = opened;
      for (const step of history.steps) {
        if (timer() >= maxSeconds) return;
        try {
          const result = await latencies.time(() => engine.handler.execute(stepCommand(recordId, step, clock, record)));
          record = result.record;
          counts.commands += 1;
          counts.stageMoves += result.events.filter((event) => event.type === 'Transitioned').length;
          if (step.kind === 'transition') counts.transitions += 1;
          else if (step.kind === 'update') counts.updates += 1;
          else if (step.kind === 'reassign') counts.reassigns += 1;
          else if (step.kind === 'completeTask') counts.taskCompletions += 1;
          else counts.approvalGrants += 1;
        } catch (error) {
          // A refused command would mean the generator or the engine is wrong; count it, do not hide it.
          counts.failed += 1;
          const code = error instanceof WorkflowException ? error.code : error instanceof Error ? error.name : 'unknown';
          failures.set(code, (failures.get(code) ?? 0) + 1);
          return;
        }
      }
    },
    () => timer() >= maxSeconds,
  );
  const seconds = timer();
  await profiler?.stop(join(settings.profileDirectory ?? '', `engine-${variant}.cpuprofile`));
  const statsAfter = engine.store.stats();
  const events = (await headSequence(engine.store)) - workFrom;
  await engine.close();

  const transactions = statsAfter.transactions - statsBefore.transactions;
  return [
    {
      status: 'measured',
      id: variant === 'group-commit' ? 'engine' : `engine.${variant}`,
      title: titles[variant],
      rate: { value: counts.commands / seconds, unit: 'commands/s' },
      latencyMs: latencies.summary(),
      peakRssMiB: peakRssMiB(),
      details: {
        records: opened.length,
        commands: counts.commands,
        fireTransitions: counts.transitions,
        fieldUpdates: counts.updates,
        reassigns: counts.reassigns,
        taskCompletions: counts.taskCompletions,
        approvalGrants: counts.approvalGrants,
        // close_won asks for approval and the last grant moves the deal: stage moves are counted apart.
        stageMoves: counts.stageMoves,
        fireTransitionsPerSecond: counts.transitions / seconds,
        failedCommands: counts.failed,
        failures: [...failures].map(([code, count]) => `${code}×${count}`).join(', ') || null,
        eventsAppended: events,
        eventsPerCommand: events / Math.max(1, counts.commands),
        transactions,
        meanGroupSize: (statsAfter.committedAppends - statsBefore.committedAppends) / Math.max(1, transactions),
        largestGroup: statsAfter.largestGroup,
        seconds,
        openedRecordsPerSecond: opened.length / openSeconds,
        dataDirectory: directory,
        workFromPosition: workFrom,
      },
    },
  ];
};
