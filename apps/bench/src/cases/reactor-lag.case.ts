import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { map } from 'rxjs';
import { systemClock } from '@crm/clock';
import { StreamCommandHandler } from '@crm/command-handler';
import type { EventStore } from '@crm/event-store';
import { defineReactor, ofType, REACTOR_CHECKPOINTED, ReactorRuntime, reactorStream, type CommandTrace, type ReactorStatus } from '@crm/reactor-runtime';
import { WorkflowException } from '@crm/workflow';
import type { CaseResult, CaseSettings } from '../case-result';
import { CpuProfiler } from '../measure/cpu-profiler';
import { Latencies, stopwatch } from '../measure/latencies';
import { peakRssMiB } from '../measure/peak-rss';
import { SteppingClock } from '../workload/business-clock';
import { openBenchEngine, openCommand, stepCommand } from '../workload/bench-engine';
import { runConcurrentCallers } from '../workload/concurrent-callers';
import { generateOpportunityHistories, type OpportunityHistory } from '../workload/opportunity-histories';
import { ENGINE_CALLERS, ENGINE_RECORDS } from './engine-throughput.case';

const TRANSITIONED = 'Transitioned';
/** How long the reactor may take to catch up after the engine's last command before the case gives up. */
const CATCH_UP_LIMIT_SECONDS = 120;

interface StageNote extends CommandTrace {
  readonly recordStream: string;
  readonly stage: string;
  readonly sourceEventId: string;
}

/**
 * What the bench reactor sends its commands through: one `StageNoted` per command on
 * `bench-follow-up-<record stream>`, through the generic command loop (idempotent by command id, the
 * expected revision checked), so each costs what a command of a real reactor costs. Notes when each
 * command was acknowledged, by the event that caused it.
 */
class StageNotes {
  readonly acknowledgedAt = new Map<string, bigint>();
  private readonly loop: StreamCommandHandler<number>;

  constructor(store: EventStore, clock: SteppingClock) {
    this.loop = new StreamCommandHandler<number>(store, { initialState: () => 0, evolve: (count, events) => count + events.length }, { clock });
  }

  async note(command: StageNote): Promise<void> {
    await this.loop.handle({
      stream: `bench-follow-up-${command.recordStream}`,
      commandId: command.commandId,
      authorize: () => undefined,
      authorizeReplay: () => undefined,
      decide: () => [{ type: 'StageNoted', data: { stage: command.stage, sourceEventId: command.sourceEventId } }],
      metadata: () => ({ actor: 'reactor:bench-stage-follow-up', causationId: command.causationId, correlationId: command.correlationId }),
    });
    if (!this.acknowledgedAt.has(command.sourceEventId)) this.acknowledgedAt.set(command.sourceEventId, process.hrtime.bigint());
  }
}

const stageFollowUp = defineReactor<StageNotes>({
  name: 'bench-stage-follow-up',
  eventTypes: [TRANSITIONED],
  startFrom: 'end',
  react: (events$) =>
    events$.pipe(
      ofType(TRANSITIONED),
      map((event) => ({
        intent: `note stage ${String(event.data['to'])} of ${event.stream}`,
        send: (notes: StageNotes, trace: CommandTrace) =>
          notes.note({ ...trace, recordStream: event.stream, stage: String(event.data['to']), sourceEventId: event.id }),
      })),
    ),
});

const statusWhen = async (runtime: ReactorRuntime<StageNotes>, accept: (status: ReactorStatus) => boolean): Promise<ReactorStatus> => {
  for (;;) {
    const [status] = await runtime.status();
    if (accept(status)) return status;
    if (status.state === 'failed') throw new Error(`the bench reactor failed: ${status.lastError ?? 'no error given'}`);
    await sleep(5);
  }
};

const milliseconds = (from: bigint, to: bigint): number => Number(to - from) / 1e6;

/**
 * The engine's workload (`engine`: 64 callers walking 10k opportunity histories through
 * `RecordCommandHandler`) with a reactor following the log in the same process, as it would in the API:
 * for every `Transitioned` it sends one command. Lag is from the engine's command returning (its
 * `Transitioned` stored and acknowledged) to the reactor's command being acknowledged; rates are compared
 * within this run.
 */
export const runReactorLagCase = async (settings: CaseSettings): Promise<CaseResult[]> => {
  const directory = join(settings.workDirectory, 'reactor');
  const clock = new SteppingClock('2024-01-02T08:00:00.000Z', 5 * 60_000);
  const histories = generateOpportunityHistories({ seed: settings.seed, records: ENGINE_RECORDS });

  // Setup (not measured): open every record, as the engine case does.
  const setup = await openBenchEngine(directory, clock);
  const opened: { readonly history: OpportunityHistory; readonly recordId: string }[] = [];
  await runConcurrentCallers(histories, ENGINE_CALLERS, async (history) => {
    const result = await setup.handler.execute(openCommand(history, clock));
    opened.push({ history, recordId: result.recordId });
  });
  await setup.close();

  const engine = await openBenchEngine(directory, clock);
  const notes = new StageNotes(engine.store, clock);
  // Leases are wall time, as in the API; the stepping business clock would expire them on every reading.
  const runtime = new ReactorRuntime<StageNotes>({ store: engine.store, dispatcher: notes, reactors: [stageFollowUp], clock: systemClock });
  await runtime.start();
  await statusWhen(runtime, (status) => status.state === 'active');

  const storedAt = new Map<string, bigint>();
  const engineLatencies = new Latencies();
  const counts = { commands: 0, transitions: 0, failed: 0 };
  const failures = new Map<string, number>();
  const maxSeconds = settings.quick ? 10 : Number.POSITIVE_INFINITY;
  const profiler = await CpuProfiler.startIf(settings.profileDirectory);
  const workStart = process.hrtime.bigint();
  const timer = stopwatch();

  await runConcurrentCallers(
    opened,
    ENGINE_CALLERS,
    async ({ history, recordId }) => {
      for (const step of history.steps) {
        if (timer() >= maxSeconds) return;
        try {
          const result = await engineLatencies.time(() => engine.handler.execute(stepCommand(recordId, step, clock)));
          const returnedAt = process.hrtime.bigint();
          for (const event of result.events) {
            if (event.type === TRANSITIONED) {
              storedAt.set(event.id, returnedAt);
              counts.transitions += 1;
            }
          }
          counts.commands += 1;
        } catch (error) {
          counts.failed += 1;
          const code = error instanceof WorkflowException ? error.code : error instanceof Error ? error.name : 'unknown';
          failures.set(code, (failures.get(code) ?? 0) + 1);
          return;
        }
      }
    },
    () => timer() >= maxSeconds,
  );
  const engineSeconds = timer();

  const catchUp = stopwatch();
  while (notes.acknowledgedAt.size < storedAt.size && catchUp() < CATCH_UP_LIMIT_SECONDS) await sleep(5);
  const catchUpSeconds = catchUp();
  await profiler?.stop(join(settings.profileDirectory ?? '', 'reactor.cpuprofile'));
  const status = await statusWhen(runtime, (candidate) => candidate.state === 'active');
  await runtime.stop();
  const bookkeeping = await engine.store.readStream(reactorStream(stageFollowUp.name));
  const checkpointAppends = bookkeeping.filter((event) => event.type === REACTOR_CHECKPOINTED).length;
  const stats = engine.store.stats();
  await engine.close();

  const lags = new Latencies();
  let lastAcknowledged = workStart;
  let unmatched = 0;
  for (const [eventId, returnedAt] of storedAt) {
    const acknowledgedAt = notes.acknowledgedAt.get(eventId);
    if (acknowledgedAt === undefined) {
      unmatched += 1;
      continue;
    }
    lags.record(milliseconds(returnedAt, acknowledgedAt));
    if (acknowledgedAt > lastAcknowledged) lastAcknowledged = acknowledgedAt;
  }
  const reactorSeconds = milliseconds(workStart, lastAcknowledged) / 1_000;
  const engineRate = counts.commands / engineSeconds;
  const reactorRate = lags.count / Math.max(reactorSeconds, Number.EPSILON);

  return [
    {
      status: 'measured',
      id: 'reactor',
      title: 'Reactor: one command per Transitioned under the engine load, lag from append to its command stored',
      rate: { value: reactorRate, unit: 'reactor commands/s' },
      latencyMs: lags.summary(),
      peakRssMiB: peakRssMiB(),
      details: {
        reactorCommands: lags.count,
        transitionsStored: storedAt.size,
        transitionsWithoutReactorCommand: unmatched,
        reactorSeconds,
        engineCommandsPerSecond: engineRate,
        ratioToEngineCommands: reactorRate / engineRate,
        engineTransitionsPerSecond: counts.transitions / engineSeconds,
        ratioToEngineTransitions: reactorRate / (counts.transitions / engineSeconds),
        caughtUpSecondsAfterEngine: catchUpSeconds,
        reactorCommandsSent: status.commandsSent,
        reactorCommandsRefused: status.commandsRefused,
        reactorLastError: status.lastError,
        checkpointAppends,
        commandsPerCheckpoint: lags.count / Math.max(1, checkpointAppends),
        meanGroupSize: stats.committedAppends / Math.max(1, stats.transactions),
      },
    },
    {
      status: 'measured',
      id: 'reactor.engine',
      title: 'Engine commands while the reactor follows (same run)',
      rate: { value: engineRate, unit: 'commands/s' },
      latencyMs: engineLatencies.summary(),
      peakRssMiB: null,
      details: {
        commands: counts.commands,
        fireTransitions: counts.transitions,
        failedCommands: counts.failed,
        failures: [...failures].map(([code, count]) => `${code}×${count}`).join(', ') || null,
        seconds: engineSeconds,
      },
    },
  ];
};
