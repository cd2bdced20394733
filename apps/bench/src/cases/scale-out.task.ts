import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectionDigest, ProjectionRunner, ReadModelDatabase } from '@crm/projection-runtime';
import { crmProjections } from '@crm/projections';
import type { RecordState } from '@crm/workflow';
import { serveChildTask } from '../child-task';
import { stopwatch } from '../measure/latencies';
import { peakRssMiB } from '../measure/peak-rss';
import { SteppingClock } from '../workload/business-clock';
import { openBenchEngine, openCommand, stepCommand } from '../workload/bench-engine';
import { runConcurrentCallers } from '../workload/concurrent-callers';
import { waitForFiles as waitFor } from '../workload/file-barrier';
import { generateOpportunityHistories } from '../workload/opportunity-histories';

export interface ScaleOutInput {
  /** The one event store every process shares (`events.sqlite`). */
  readonly storeDirectory: string;
  /** This process's own read-model file. */
  readonly readModelsDirectory: string;
  /** Where the processes meet: `ready-<n>` after setup, `go` starts the work, `done-<n>` when a process finished writing. */
  readonly barrierDirectory: string;
  readonly process: number;
  readonly processes: number;
  readonly seed: number;
  readonly records: number;
  readonly callers: number;
}

export interface ScaleOutResult {
  readonly process: number;
  readonly commands: number;
  readonly failed: number;
  /** Wall-clock milliseconds (Date.now) of the first command sent and the last acknowledged. */
  readonly startedAtMs: number;
  readonly finishedAtMs: number;
  /** The digest of each read model of this process once it followed the shared log to its head. */
  readonly digests: Readonly<Record<string, string>>;
  readonly headPosition: number;
  readonly catchUpSeconds: number;
  readonly peakRssMiB: number;
}

/**
 * One API-like process of several sharing one store: its own engine (command handler and caches) and its
 * own read models fed by its own subscription to the shared log, as `npm start` runs them. It walks its
 * share of the seeded opportunity histories (every `processes`-th record), then, once every process has
 * finished writing, follows the log to its head and reports the digest of each read model.
 */
serveChildTask(async (input: ScaleOutInput): Promise<ScaleOutResult> => {
  const clock = new SteppingClock('2024-01-02T08:00:00.000Z', 5 * 60_000);
  const engine = await openBenchEngine(input.storeDirectory, clock);
  const readModels = ReadModelDatabase.open({ directory: input.readModelsDirectory });
  const projections = crmProjections();
  const runner = new ProjectionRunner({ store: engine.store, readModels, projections, clock });
  await runner.start();
  const mine = generateOpportunityHistories({ seed: input.seed, records: input.records }).filter((_, index) => index % input.processes === input.process);
  let commands = 0;
  let failed = 0;

  writeFileSync(join(input.barrierDirectory, `ready-${input.process}`), '');
  await waitFor([join(input.barrierDirectory, 'go')]);
  const startedAtMs = Date.now();
  await runConcurrentCallers(mine, input.callers, async (history) => {
    try {
      const opened = await engine.handler.execute(openCommand(history, clock));
      commands += 1;
      let record: RecordState = opened.record;
      for (const step of history.steps) {
        record = (await engine.handler.execute(stepCommand(opened.recordId, step, clock, record))).record;
        commands += 1;
      }
    } catch {
      // A refusal would mean the generator or the engine is wrong; it is counted and reported, not hidden.
      failed += 1;
    }
  });
  const finishedAtMs = Date.now();
  writeFileSync(join(input.barrierDirectory, `done-${input.process}`), '');

  await waitFor(Array.from({ length: input.processes }, (_, index) => join(input.barrierDirectory, `done-${index}`)));
  const catchUp = stopwatch();
  const head = await engine.store.headPosition();
  if (head !== null) await runner.waitForPosition(head, 600_000);
  const catchUpSeconds = catchUp();
  await runner.stop();
  const digests = Object.fromEntries(projections.map((projection) => [projection.name, projectionDigest(readModels.db, projection)]));
  readModels.close();
  await engine.close();
  return { process: input.process, commands, failed, startedAtMs, finishedAtMs, digests, headPosition: Number(head?.commit ?? 0n), catchUpSeconds, peakRssMiB: peakRssMiB() };
});
