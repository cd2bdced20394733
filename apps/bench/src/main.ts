import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { BENCH_USAGE, benchCommand, parseBenchOptions, type BenchOptions } from './bench-options';
import { BENCH_CASES, type BenchCase } from './case-catalog';
import type { CaseMessage, CaseResult, CaseSettings } from './case-result';
import { stopwatch } from './measure/latencies';
import { checkGoals, compareCases, formatNumber, toMarkdown, type BenchReport } from './report/bench-report';
import { cpuProfilesIn, summarizeCpuProfile } from './report/cpu-profile-summary';
import { repositoryRoot } from './workload/bench-engine';

const resultsDirectory = join(repositoryRoot, 'bench', 'results');
const registerTypescript = join(__dirname, '..', 'register-typescript.js');

/** `2026-11-23T19-45` (UTC), plus `-quick` for short runs: sorts by date, never overwrites the other mode. */
const stampOf = (date: Date, quick: boolean): string => `${date.toISOString().slice(0, 16).replace(':', '-')}${quick ? '-quick' : ''}`;

const failed = (benchCase: BenchCase, reason: string): CaseResult => ({ status: 'failed', id: benchCase.name, title: benchCase.title, reason });

/** Runs one case in its own process (its own CPU, its own peak RSS) and returns what it reports. */
const runCaseProcess = (benchCase: BenchCase, settings: CaseSettings): Promise<CaseResult[]> =>
  new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['-r', registerTypescript, join(__dirname, 'case-entry.ts'), benchCase.name, JSON.stringify(settings)],
      { stdio: ['ignore', 'inherit', 'pipe', 'ipc'] },
    );
    let results: CaseResult[] | null = null;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on('message', (message: CaseMessage) => {
      if (message.type === 'results') results = [...message.results];
    });
    child.on('exit', (code, signal) => {
      const lastLines = stderr.trim().split('\n').slice(-3).join(' ');
      resolve(results ?? [failed(benchCase, `the case process exited with ${code ?? signal} without results: ${lastLines}`)]);
    });
  });

const printProfiles = (directory: string, label: string): string[] => {
  const lines: string[] = [];
  for (const file of cpuProfilesIn(directory)) {
    lines.push('', `CPU profile of ${label}, measured window (${relative(repositoryRoot, file)}), top self time:`);
    for (const hot of summarizeCpuProfile(file, repositoryRoot)) {
      lines.push(`  ${formatNumber(hot.selfPercent, 1).padStart(5)}% self ${formatNumber(hot.totalPercent, 1).padStart(5)}% total  ${hot.name}  ${hot.location}`);
    }
  }
  return lines;
};

const run = async (options: BenchOptions): Promise<void> => {
  const started = new Date();
  const timer = stopwatch();
  const stamp = stampOf(started, options.quick);
  const loadAverageAtStart = loadavg()[0] as number;
  const workRoot = mkdtempSync(join(tmpdir(), 'crm-bench-'));
  const profileRoot = join(resultsDirectory, 'profiles', stamp);
  const selected = BENCH_CASES.filter((benchCase) => options.only.length === 0 || options.only.includes(benchCase.name));
  const cases: CaseResult[] = [];
  const profileLines: string[] = [];
  const inputs: Record<string, string> = {};
  process.stdout.write(`bench ${stamp}: ${selected.map((benchCase) => benchCase.name).join(', ')} (seed ${options.seed})\n`);

  try {
    for (const benchCase of selected) {
      const caseTimer = stopwatch();
      const profileDirectory = join(profileRoot, benchCase.name);
      const workDirectory = join(workRoot, benchCase.name);
      mkdirSync(workDirectory, { recursive: true });
      const settings: CaseSettings = {
        quick: options.quick,
        seed: options.seed,
        workDirectory,
        profileDirectory: options.profile ? profileDirectory : null,
        inputs,
      };
      const results = await runCaseProcess(benchCase, settings);
      cases.push(...results);
      for (const result of results) {
        const summary =
          result.status === 'measured'
            ? [
                result.rate ? `${formatNumber(result.rate.value)} ${result.rate.unit}` : null,
                result.latencyMs ? `p99 ${formatNumber(result.latencyMs.p99, 2)} ms` : null,
              ]
                .filter((part) => part !== null)
                .join(', ')
            : result.reason;
        process.stdout.write(`  ${result.id}: ${summary} (${formatNumber(caseTimer(), 1)} s)\n`);
        if (result.status === 'measured' && result.id === 'engine') {
          inputs['engineDataDirectory'] = String(result.details['dataDirectory']);
          inputs['engineWorkFromPosition'] = String(result.details['workFromPosition']);
        }
        if (result.status === 'measured' && result.id === 'replay') inputs['replayReadModelsDirectory'] = String(result.details['readModelsDirectory']);
      }
      if (options.profile) profileLines.push(...printProfiles(profileDirectory, benchCase.name));
    }
  } finally {
    rmSync(workRoot, { recursive: true, force: true });
  }

  const comparisons = compareCases(cases);
  const report: BenchReport = {
    stamp,
    mode: options.quick ? 'quick' : 'full',
    command: benchCommand(process.argv.slice(2)),
    seed: options.seed,
    startedAt: started.toISOString(),
    seconds: timer(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      totalMemoryGiB: totalmem() / 2 ** 30,
      loadAverageAtStart,
      loadAverageAtEnd: loadavg()[0] as number,
    },
    cases,
    comparisons,
    goals: checkGoals(cases, comparisons),
  };
  const markdown = `${toMarkdown(report)}${profileLines.length > 0 ? `\n\`\`\`\n${profileLines.join('\n').trim()}\n\`\`\`\n` : ''}`;
  mkdirSync(resultsDirectory, { recursive: true });
  writeFileSync(join(resultsDirectory, `${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(resultsDirectory, `${stamp}.md`), markdown);
  process.stdout.write(`\n${markdown}\nwritten: bench/results/${stamp}.json, bench/results/${stamp}.md\n`);
};

if (process.argv.includes('--help')) {
  process.stdout.write(`${BENCH_USAGE}\n`);
  process.exit(0);
}
let options: BenchOptions;
try {
  options = parseBenchOptions(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
run(options).catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
