import { join } from 'node:path';
import type { Actor, FieldValues } from '@crm/blueprint';
import { decideRecord, explainRecord, newCommandId, type RecordCommand, type RecordCommandResult, type RecordState } from '@crm/workflow';
import type { CaseResult, CaseSettings } from '../case-result';
import { CpuProfiler } from '../measure/cpu-profiler';
import { Latencies } from '../measure/latencies';
import { peakRssMiB } from '../measure/peak-rss';
import { SteppingClock } from '../workload/business-clock';
import { actorOf, openBenchEngine, type BenchEngine } from '../workload/bench-engine';
import { runConcurrentCallers } from '../workload/concurrent-callers';
import { BENCH_TEAMS, managerOf, ownerId, plannedCommand, PROPOSAL_TASK } from '../workload/opportunity-histories';
import { SeededRandom } from '../workload/seeded-random';

export const EVENTS_PER_RECORD = 1_000;

/**
 * Builds one opportunity of exactly 1,000 events through the command handler: opened, walked to
 * negotiation (the proposal's task opened and done on the way, its stage timers set and cancelled), then
 * field updates and, every 50th command, a reassignment by the team manager (handed to a teammate and
 * back) until the stream holds 1,000 events. Every event is a real, accepted command.
 */
const buildLongRecord = async (engine: BenchEngine, clock: SteppingClock, index: number, random: SeededRandom): Promise<string> => {
  const owner = ownerId(index);
  const actor = actorOf(owner);
  const envelope = (): { commandId: string; actor: Actor; kind: string } => ({ commandId: newCommandId(clock), actor, kind: 'opportunity' });
  const opened = await engine.handler.execute({ type: 'OpenRecord', ...envelope(), owner, fields: { name: `Long-lived deal ${index}`, source: 'partner' } });
  const recordId = opened.recordId;
  let revision = opened.revision;
  const run = async (command: RecordCommand): Promise<RecordCommandResult> => {
    const result = await engine.handler.execute(command);
    revision = result.revision;
    return result;
  };
  await run({ type: 'FireTransition', ...envelope(), recordId, event: 'analyze_needs', fields: { budget: 250_000, decisionMaker: 'Edna Krabappel', timeline: '2026-10-01' } });
  const proposed = await run({ type: 'FireTransition', ...envelope(), recordId, event: 'propose', fields: { proposalDocument: `https://docs.example/p/${index}` } });
  await run(plannedCommand(recordId, { kind: 'completeTask', actor: owner, template: PROPOSAL_TASK }, newCommandId(clock), proposed.record));
  await run({ type: 'FireTransition', ...envelope(), recordId, event: 'negotiate', fields: { amount: 180_000 } });
  const teammate = ownerId(index + BENCH_TEAMS * 9);
  let update = 0;
  while (revision < EVENTS_PER_RECORD - 1) {
    update += 1;
    if (update % 50 === 0) {
      // The team manager hands the deal over and back now and then: OwnerChanged events in the stream too.
      const to = update % 100 === 0 ? owner : teammate;
      await run({ type: 'Reassign', ...envelope(), actor: actorOf(managerOf(owner)), recordId, owner: to });
      continue;
    }
    // Each update changes a value, so each command stores exactly one FieldsChanged event.
    const fields: FieldValues =
      update % 3 === 0
        ? { amount: 100_000 + update * 10 + random.int(1, 9) }
        : update % 3 === 1
          ? { notes: `Negotiation round ${update}: ${random.pick(['pricing', 'legal', 'security', 'scope'])}` }
          : { discount: (update % 30) / 100 + 0.001 * random.int(1, 9) };
    await run({ type: 'UpdateFields', ...envelope(), recordId, fields });
  }
  if (revision !== EVENTS_PER_RECORD - 1) throw new Error(`record ${recordId} has ${revision + 1} events, not ${EVENTS_PER_RECORD}`);
  return recordId;
};

/**
 * What every API request does on a record once it has it: decide a transition (the owner requesting
 * approval: XState with the ownerOnly guard) and explain the next steps with their unmet criteria.
 */
const decideAndExplain = (state: RecordState, engine: BenchEngine, now: Date): void => {
  if (state.status === 'none' || !state.owner) throw new Error(`record ${state.recordId} was never opened or has no owner`);
  const blueprint = engine.catalog.get(state.blueprint);
  const actor = actorOf(state.owner);
  const command: RecordCommand = {
    type: 'FireTransition',
    kind: 'opportunity',
    recordId: state.recordId,
    event: 'request_approval',
    commandId: 'load-bench',
    actor,
  };
  if (decideRecord(command, state, { blueprint, now, timing: engine.timing, references: { exists: () => true } }).length === 0) throw new Error('request_approval decided nothing');
  explainRecord(state, blueprint, actor);
};

/**
 * Time to load a record of 1,000 events and decide on it. Cold: read past the cache, so the
 * stream is read from SQLite and folded. Cached: the command handler's own cache, as the API uses
 * it for a record it has seen. Both include `decideRecord` (a guarded transition, XState) and
 * `explainRecord` (every next step with its unmet criteria).
 */
export const runRecordLoadCase = async (settings: CaseSettings): Promise<CaseResult[]> => {
  const clock = new SteppingClock('2024-03-01T09:00:00.000Z', 60_000);
  const engine = await openBenchEngine(join(settings.workDirectory, 'long-records'), clock);
  const random = new SeededRandom(settings.seed);
  const recordCount = settings.quick ? 4 : 16;
  const recordIds: string[] = [];
  await runConcurrentCallers(
    Array.from({ length: recordCount }, (_, index) => index),
    recordCount,
    async (index) => {
      recordIds.push(await buildLongRecord(engine, clock, index, random));
    },
  );
  const blueprint = engine.catalog.latestForKind('opportunity');
  const now = new Date('2026-06-01T12:00:00.000Z');

  const coldProfiler = await CpuProfiler.startIf(settings.profileDirectory);
  const cold = new Latencies();
  const coldRounds = settings.quick ? 100 : 400;
  for (let round = 0; round < coldRounds; round += 1) {
    const recordId = recordIds[round % recordIds.length] as string;
    await cold.time(async () => {
      decideAndExplain(await engine.handler.load('opportunity', recordId, { fresh: true }), engine, now);
    });
  }

  await coldProfiler?.stop(join(settings.profileDirectory ?? '', 'load-cold.cpuprofile'));

  const cached = new Latencies();
  const cachedRounds = settings.quick ? 20_000 : 100_000;
  for (const recordId of recordIds) await engine.handler.load('opportunity', recordId);
  const cachedProfiler = await CpuProfiler.startIf(settings.profileDirectory);
  for (let round = 0; round < cachedRounds; round += 1) {
    const recordId = recordIds[round % recordIds.length] as string;
    await cached.time(async () => {
      decideAndExplain(await engine.handler.load('opportunity', recordId), engine, now);
    });
  }
  await cachedProfiler?.stop(join(settings.profileDirectory ?? '', 'load-cached.cpuprofile'));
  await engine.close();

  const peak = peakRssMiB();
  const details = { records: recordIds.length, eventsPerRecord: EVENTS_PER_RECORD, blueprint: `${blueprint.ref.id} v${blueprint.ref.version}` };
  return [
    {
      status: 'measured',
      id: 'load.cold',
      title: 'Load + decide, 1,000-event record, cold (read + fold)',
      rate: { value: 1_000 / cold.summary().mean, unit: 'loads/s' },
      latencyMs: cold.summary(),
      peakRssMiB: peak,
      details: { ...details, rounds: coldRounds },
    },
    {
      status: 'measured',
      id: 'load.cached',
      title: 'Load + decide, 1,000-event record, cached (hot)',
      rate: { value: 1_000 / cached.summary().mean, unit: 'loads/s' },
      latencyMs: cached.summary(),
      peakRssMiB: peak,
      details: { ...details, rounds: cachedRounds },
    },
  ];
};
