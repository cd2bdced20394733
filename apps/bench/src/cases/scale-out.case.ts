import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseResult, CaseSettings, MeasuredCase } from '../case-result';
import { runChildTask } from '../child-task';
import { waitForFiles } from '../workload/file-barrier';
import type { ScaleOutInput, ScaleOutResult } from './scale-out.task';

const TASK = join(__dirname, 'scale-out.task.ts');
const CALLERS = 64;

interface Run {
  readonly results: readonly ScaleOutResult[];
  readonly commands: number;
  readonly seconds: number;
}

/** Starts `processes` processes on one fresh store, lets them write at once, and gathers their reports. */
const runProcesses = async (settings: CaseSettings, name: string, processes: number, records: number): Promise<Run> => {
  const root = join(settings.workDirectory, name);
  const barrierDirectory = join(root, 'barrier');
  mkdirSync(barrierDirectory, { recursive: true });
  const running = Array.from({ length: processes }, (_, index) =>
    runChildTask<ScaleOutInput, ScaleOutResult>(TASK, {
      storeDirectory: join(root, 'store'),
      readModelsDirectory: join(root, `read-models-${index}`),
      barrierDirectory,
      process: index,
      processes,
      seed: settings.seed,
      records,
      callers: Math.ceil(CALLERS / processes),
    }),
  );
  // Setup (opening the store, the read models, generating the workload) is not timed: once every process
  // is ready, `go` starts them together.
  await Promise.race([waitForFiles(Array.from({ length: processes }, (_, index) => join(barrierDirectory, `ready-${index}`))), Promise.all(running)]);
  writeFileSync(join(barrierDirectory, 'go'), '');
  const results = await Promise.all(running);
  const commands = results.reduce((sum, result) => sum + result.commands, 0);
  const seconds = (Math.max(...results.map((result) => result.finishedAtMs)) - Math.min(...results.map((result) => result.startedAtMs))) / 1_000;
  return { results, commands, seconds };
};

const converged = (results: readonly ScaleOutResult[]): boolean => results.every((result) => JSON.stringify(result.digests) === JSON.stringify(results[0]?.digests));

/**
 * Scale out (README, Scaling): two API-like processes share one SQLite store, each with its own engine and
 * its own read models fed by its own subscription; together they walk the seeded opportunity workload
 * (10,000 records, 2,000 with `--quick`), 32 callers each. The rate is all commands of both over the
 * window from the first sent to the last acknowledged; then every process follows the log to its head and
 * the digests of its read models must equal the other's. The reference, in the same run, is one such
 * process alone with 64 callers on a store of its own.
 */
export const runScaleOutCase = async (settings: CaseSettings): Promise<CaseResult[]> => {
  const records = settings.quick ? 2_000 : 10_000;
  const one = await runProcesses(settings, 'one-process', 1, records);
  const two = await runProcesses(settings, 'two-processes', 2, records);
  const detailsOf = (run: Run): MeasuredCase['details'] => ({
    processes: run.results.length,
    records,
    commands: run.commands,
    failedRecords: run.results.reduce((sum, result) => sum + result.failed, 0),
    seconds: run.seconds,
    eventsInStore: run.results[0]?.headPosition ?? 0,
    readModelDigestsConverged: converged(run.results),
    slowestCatchUpSeconds: Math.max(...run.results.map((result) => result.catchUpSeconds)),
    perProcessCommands: run.results.map((result) => result.commands).join(' + '),
    digests: Object.entries(run.results[0]?.digests ?? {})
      .map(([projection, digest]) => `${projection}:${digest.slice(0, 12)}`)
      .join(' '),
  });
  return [
    {
      status: 'measured',
      id: 'scale-out.one-process',
      title: 'One process alone: engine + live read models, 64 callers',
      rate: { value: one.commands / one.seconds, unit: 'commands/s' },
      latencyMs: null,
      peakRssMiB: Math.max(...one.results.map((result) => result.peakRssMiB)),
      details: detailsOf(one),
    },
    {
      status: 'measured',
      id: 'scale-out',
      title: 'Two processes on one SQLite store, each with its own read models, 32 callers each',
      rate: { value: two.commands / two.seconds, unit: 'commands/s' },
      latencyMs: null,
      peakRssMiB: Math.max(...two.results.map((result) => result.peakRssMiB)),
      details: detailsOf(two),
    },
  ];
};
