import type { CaseResult, MeasuredCase } from '../case-result';

/** A case's rate divided by its reference's, both measured in the same run. */
export interface Comparison {
  readonly caseId: string;
  readonly referenceId: string;
  readonly label: string;
  readonly ratio: number | null;
  readonly note: string;
}

/** One goal of the issue; `pass` is null when the case was not measured in this run. */
export interface GoalCheck {
  readonly caseId: string;
  readonly goal: string;
  readonly actual: string;
  readonly pass: boolean | null;
}

export interface MachineInfo {
  readonly node: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly totalMemoryGiB: number;
  /** 1-minute load average when the run started and ended: the machine is shared, read numbers with it. */
  readonly loadAverageAtStart: number;
  readonly loadAverageAtEnd: number;
}

export interface BenchReport {
  readonly stamp: string;
  readonly mode: 'full' | 'quick';
  /** As typed, so the run can be repeated: `npm run bench -- --quick --only=replay`. */
  readonly command: string;
  readonly seed: number;
  readonly startedAt: string;
  readonly seconds: number;
  readonly machine: MachineInfo;
  readonly cases: readonly CaseResult[];
  readonly comparisons: readonly Comparison[];
  readonly goals: readonly GoalCheck[];
}

export const formatNumber = (value: number, fractionDigits = 0): string =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }) : '–';

const measured = (cases: readonly CaseResult[], id: string): MeasuredCase | undefined => {
  const found = cases.find((result) => result.id === id);
  return found?.status === 'measured' ? found : undefined;
};

const rateOf = (result: MeasuredCase | undefined): number | null => result?.rate?.value ?? null;
const detailNumber = (result: MeasuredCase | undefined, key: string): number | null => {
  const value = result?.details[key];
  return typeof value === 'number' ? value : null;
};

export const compareCases = (cases: readonly CaseResult[]): Comparison[] => {
  const engine = measured(cases, 'engine');
  const naive = measured(cases, 'engine.one-transaction-per-command');
  const raw = measured(cases, 'engine.raw-sqlite');
  const http = measured(cases, 'http');
  const trivial = measured(cases, 'http.trivial-route');
  const replay = measured(cases, 'replay');
  const rawRead = measured(cases, 'replay.raw-read');
  const auditReplay = measured(cases, 'as-of.replay');
  const ratio = (value: number | null, reference: number | null): number | null =>
    value === null || reference === null || reference === 0 ? null : value / reference;

  const eventsPerCommand = detailNumber(engine, 'eventsPerCommand');
  const rawCommandsPerSecond = rateOf(raw) !== null && eventsPerCommand ? (rateOf(raw) as number) / eventsPerCommand : null;
  return [
    {
      caseId: 'engine',
      referenceId: 'engine.one-transaction-per-command',
      label: 'vs one transaction per command',
      ratio: ratio(rateOf(engine), rateOf(naive)),
      note: `${formatNumber(rateOf(naive) ?? Number.NaN)} commands/s`,
    },
    {
      caseId: 'engine',
      referenceId: 'engine.raw-sqlite',
      label: 'vs raw batched SQLite (physical limit)',
      ratio: ratio(rateOf(engine), rawCommandsPerSecond),
      note: `${formatNumber(rateOf(raw) ?? Number.NaN)} rows/s = ${formatNumber(rawCommandsPerSecond ?? Number.NaN)} commands/s at ${formatNumber(eventsPerCommand ?? Number.NaN, 2)} events/command`,
    },
    {
      caseId: 'http',
      referenceId: 'http.trivial-route',
      label: 'vs trivial Nest + Fastify route',
      ratio: ratio(rateOf(http), rateOf(trivial)),
      note: `${formatNumber(rateOf(trivial) ?? Number.NaN)} requests/s`,
    },
    {
      caseId: 'reactor',
      referenceId: 'reactor.engine',
      label: 'reactor commands/s vs engine commands/s (same process, same time)',
      ratio: ratio(rateOf(measured(cases, 'reactor')), rateOf(measured(cases, 'reactor.engine'))),
      note: `${formatNumber(rateOf(measured(cases, 'reactor.engine')) ?? Number.NaN)} commands/s`,
    },
    {
      caseId: 'timers',
      referenceId: 'timers.engine',
      label: 'timers fired/s vs engine commands/s (same store, same run)',
      ratio: ratio(rateOf(measured(cases, 'timers')), rateOf(measured(cases, 'timers.engine'))),
      note: `${formatNumber(rateOf(measured(cases, 'timers.engine')) ?? Number.NaN)} commands/s`,
    },
    {
      caseId: 'intake',
      referenceId: 'intake.open',
      label: 'intake leads/s vs plain OpenRecord leads/s (same store, same run)',
      ratio: ratio(rateOf(measured(cases, 'intake')), rateOf(measured(cases, 'intake.open'))),
      note: `${formatNumber(rateOf(measured(cases, 'intake.open')) ?? Number.NaN)} leads/s`,
    },
    {
      caseId: 'scale-out',
      referenceId: 'scale-out.one-process',
      label: 'two processes on one store vs one process alone (same workload, same run)',
      ratio: ratio(rateOf(measured(cases, 'scale-out')), rateOf(measured(cases, 'scale-out.one-process'))),
      note: `${formatNumber(rateOf(measured(cases, 'scale-out.one-process')) ?? Number.NaN)} commands/s`,
    },
    {
      caseId: 'replay',
      referenceId: 'replay.raw-read',
      label: 'vs raw read + JSON.parse of the same rows',
      ratio: ratio(rateOf(replay), rateOf(rawRead)),
      note: `${formatNumber(rateOf(rawRead) ?? Number.NaN)} rows/s`,
    },
    {
      caseId: 'what-if',
      referenceId: 'what-if.raw-read',
      label: 'vs raw read + JSON.parse of every row (same run)',
      ratio: ratio(rateOf(measured(cases, 'what-if')), rateOf(measured(cases, 'what-if.raw-read'))),
      note: `${formatNumber(rateOf(measured(cases, 'what-if.raw-read')) ?? Number.NaN)} rows/s`,
    },
    {
      caseId: 'hostile',
      referenceId: 'hostile.quiet',
      label: '/health p99 vs with no other load',
      ratio: ratio(measured(cases, 'hostile')?.latencyMs?.p99 ?? null, measured(cases, 'hostile.quiet')?.latencyMs?.p99 ?? null),
      note: `${formatNumber(measured(cases, 'hostile.quiet')?.latencyMs?.p99 ?? Number.NaN, 1)} ms`,
    },
    // The audit path takes seconds to minutes per answer: compared by mean time per answer, not by rate.
    ...(['as-of', 'as-of.funnel', 'as-of.funnel-history'] as const).map((caseId) => ({
      caseId,
      referenceId: 'as-of.replay',
      label: 'vs full replay to the date (audit path)',
      ratio: ratio(auditReplay?.latencyMs?.mean ?? null, measured(cases, caseId)?.latencyMs?.mean ?? null),
      note: `${formatNumber((auditReplay?.latencyMs?.mean ?? Number.NaN) / 1_000, 1)} s per answer`,
    })),
  ];
};

const check = (caseId: string, goal: string, actual: number | null, unit: string, pass: (value: number) => boolean, digits = 0): GoalCheck => ({
  caseId,
  goal,
  actual: actual === null ? 'not measured' : `${formatNumber(actual, digits)}${unit}`,
  pass: actual === null ? null : pass(actual),
});

/** Not a number but a fact: every process's read models, built from one shared log, have the same digests. */
const convergence = (scaleOut: MeasuredCase | undefined): GoalCheck => {
  const converged = scaleOut?.details['readModelDigestsConverged'];
  return {
    caseId: 'scale-out',
    goal: 'scale-out: every process’s read models converge to the same digests',
    actual: typeof converged === 'boolean' ? (converged ? 'equal' : 'differ') : 'not measured',
    pass: typeof converged === 'boolean' ? converged : null,
  };
};

const mebibytesToMegabytes = (mebibytes: number | null): number | null => (mebibytes === null ? null : (mebibytes * 2 ** 20) / 1e6);

/** The goals of the issues "Benchmarks and reliability" and "Projections". */
export const checkGoals = (cases: readonly CaseResult[], comparisons: readonly Comparison[]): GoalCheck[] => {
  const ratioOf = (caseId: string, referenceId: string): number | null =>
    comparisons.find((comparison) => comparison.caseId === caseId && comparison.referenceId === referenceId)?.ratio ?? null;
  const http = measured(cases, 'http');
  const cached = measured(cases, 'load.cached');
  const replay = measured(cases, 'replay');
  return [
    check('engine', 'engine ≥ 15,000 durable guarded commands/s', rateOf(measured(cases, 'engine')), '/s', (value) => value >= 15_000),
    check('engine', 'engine ≥ 0.3× raw batched inserts (as commands)', ratioOf('engine', 'engine.raw-sqlite'), '×', (value) => value >= 0.3, 2),
    check('http', 'http ≥ 4,000 transitions/s', rateOf(http), '/s', (value) => value >= 4_000),
    check('http', 'http p99 ≤ 50 ms', http?.latencyMs?.p99 ?? null, ' ms', (value) => value <= 50, 1),
    check('http', 'http ≥ 0.4× trivial route', ratioOf('http', 'http.trivial-route'), '×', (value) => value >= 0.4, 2),
    check('hostile', '/health p99 ≤ 50 ms while 8 clients send hostile ≤ 1 MiB bodies', measured(cases, 'hostile')?.latencyMs?.p99 ?? null, ' ms', (value) => value <= 50, 1),
    check('load.cached', 'hot record load + decide p99 ≤ 2 ms', cached?.latencyMs?.p99 ?? null, ' ms', (value) => value <= 2, 3),
    check('reactor', 'reactor lag p99 < 1 s under the engine load', measured(cases, 'reactor')?.latencyMs?.p99 ?? null, ' ms', (value) => value < 1_000, 1),
    check('timers', 'timer catch-up ≥ 5,000 due timers fired/s', rateOf(measured(cases, 'timers')), '/s', (value) => value >= 5_000),
    check('intake', 'intake ≥ 2,000 leads/s with dedup against 100k kept leads', rateOf(measured(cases, 'intake')), '/s', (value) => value >= 2_000),
    check('intake', 'intake ≥ 0.5× plain open', ratioOf('intake', 'intake.open'), '×', (value) => value >= 0.5, 2),
    convergence(measured(cases, 'scale-out')),
    check('replay', 'replay ≥ 150,000 events/s', rateOf(replay), '/s', (value) => value >= 150_000),
    check('replay', 'replay ≥ 0.5× raw read + JSON.parse', ratioOf('replay', 'replay.raw-read'), '×', (value) => value >= 0.5, 2),
    check('replay', 'replay peak RSS ≤ 400 MB', mebibytesToMegabytes(replay?.peakRssMiB ?? null), ' MB', (value) => value <= 400),
    check('cold-start', 'cold start: API answers a read-model query ≤ 10 s after its process starts', measured(cases, 'cold-start')?.latencyMs?.p99 ?? null, ' ms', (value) => value <= 10_000),
    check('what-if', 'what-if ≥ 50,000 events/s', rateOf(measured(cases, 'what-if')), '/s', (value) => value >= 50_000),
    check('as-of', 'as-of pipeline p99 ≤ 1 s', measured(cases, 'as-of')?.latencyMs?.p99 ?? null, ' ms', (value) => value <= 1_000, 1),
    check('as-of.funnel', 'as-of funnel (year before the date) p99 ≤ 1 s', measured(cases, 'as-of.funnel')?.latencyMs?.p99 ?? null, ' ms', (value) => value <= 1_000, 1),
    check('as-of.funnel-history', 'as-of funnel (whole history) p99 ≤ 1 s', measured(cases, 'as-of.funnel-history')?.latencyMs?.p99 ?? null, ' ms', (value) => value <= 1_000, 1),
  ];
};

/** How to read the numbers; printed under every table so a result file stands on its own. */
const READING_NOTES: readonly string[] = [
  'How to read this:',
  '- `engine` counts every command of a seeded opportunity workload (about half FireTransition with its guards judged by XState — required fields, `amount > 0` in CEL, owner only, role, loss reason — the rest UpdateFields and a few Reassign); each is acknowledged only after the `synchronous=FULL` commit of its group. p50/p99 are per command, as a caller waits.',
  '- The raw SQLite reference inserts the very rows the engine stored, 1,000 per transaction; its rows/s become commands/s through the engine’s events per command. Its details also give single-row transactions/s on the same file: the fsync cost that a design without group commit pays per command.',
  '- `http` counts 2xx transitions from autocannon (64 connections, one record walked through four transitions per connection at a time); latencies are autocannon’s (2xx only, millisecond resolution). Peak RSS of HTTP cases is the server’s.',
  '- `hostile` times `/health` (no token; one probe at a time, 5 ms apart, from a process of its own) while 8 autocannon connections send bodies of just under 1 MiB to `POST /records/opportunity` in turn: 33+ levels of nesting, over 1,000 keys in one object, over 10,000 values, a NUL at the very end of a string, one string over 64 KiB (all refused by the body shape check), and 16 strings of 64,000 characters (parsed and refused by the blueprint). `hostile.quiet` is the same probe without them, just before. Fastify closes the connection after each refused body, so autocannon counts one error per reconnection; `storedByHostileBodies` must be 0.',
  '- `reactor` runs the `engine` workload with a reactor following the log in the same process (`libs/reactor-runtime`, SQLite): for every `Transitioned` it sends one command through the generic command loop. Its p50/p99 are lag: from the engine command returning (its `Transitioned` acknowledged) to the reactor’s command acknowledged. Its rate is reactor commands over the time from the first engine command to the last reactor command; `reactor.engine` is the engine’s rate in that same run, and the ratio compares the two (about half the engine’s commands are transitions, so a reactor that keeps up shows about 0.45; `ratioToEngineTransitions` near 1).',
  '- `timers` opens leads (each with the lead SLA’s three timers: remind, escalate, return to the pool; 100,002 timers on 33,334 leads, 10,002 with `--quick`), moves the clock a month on (the downtime: every timer overdue) and times one `runDue()` pass of the timer scheduler, the first its loop makes after a start: 64 records at a time, each record’s timers in due order, every FireTimer through the engine’s command handler as `system:timer` (a release also stores `OwnerChanged`), the timers read model following live in the same process. p50/p99 are per FireTimer. `timers.engine`, just before on the same store, is the engine’s durable rate for as many UpdateFields on the same leads (64 callers, cold record cache); the ratio compares the two.',
  '- `intake` keeps 100,000 leads first (10,000 with `--quick`; each taken in through the dedup path, so its email, phone and intake keys are claimed and it sits in the similarity index), then takes in 20,000 web forms (5,000) through `LeadIntake.take` as `POST /intake/leads` calls it — key checked, rate taken, form parsed, match rules applied, keys claimed, lead captured or merged — one form per call, 64 callers: 70% new leads, 10% each the same email with capitals and spaces, the same phone in another format, and the same company (legal form spelled out) and person. `duplicatesMissed` must be 0. A new lead stores four events (its email, phone and intake-key claims, then `RecordOpened`); a merge one or two. `intake.open`, just before on the same store, opens as many new leads with plain OpenRecord (no dedup); the ratio compares the two.',
  '- `scale-out` starts two processes on one SQLite store, each with its own engine and its own read models (every CRM projection, live, fed by its own subscription to the shared log), 32 callers each, and lets them walk the `engine` workload (10,000 opportunities, 2,000 with `--quick`) at once; the rate counts both processes’ commands over the window from the first sent to the last acknowledged. Afterwards each process follows the log to its head and reports the digest of every read model: `readModelDigestsConverged` must be true. `scale-out.one-process`, just before on a store of its own, is one such process alone with 64 callers.',
  '- `load.*` time `records.load` + `decideRecord` (a guarded transition) + `explainRecord` on records of exactly 1,000 events: cold through a fresh repository (read + fold), cached through the command handler’s repository.',
  '- `replay` and `as-of` run on a seeded sales history (1,000,000 events; 100,000 with `--quick`): about 400 reps, five years of business time, opportunities opened, updated, reassigned, moved along the stages and won, lost or left open, a go-live import and a blueprint v2 partway. Every event is what `RecordCommandHandler` would store (decided with the engine’s decider and pinned blueprint), appended in large batches; the store file is cached in the OS temp folder by size, seed and the hash of the code that shapes it.',
  '- `cold-start` starts the API (`startApi`, as `npm start`) in a fresh process on a copy of the sales history whose read models are current (built by the one-pass rebuild, then one start and stop that lets every projection and reactor catch up) and times, from that process’s own start, `startApi` listening, `/health` answered and a read-model query (`GET /records/opportunity?limit=50` as ada) answered — the figure shown — and every projection at the head of the log.',
  '- `replay` rebuilds every read model from position 0 into a fresh read-model file with `rebuildProjections` (one pass over `$all` feeding every projection, each folding in memory and handing finished rows to multi-row inserts into a scratch file without journal, indexes built after the load, then copied and swapped in), in a child process whose peak RSS is reported; events/s = events in the log / time for the whole rebuild. Its reference reads the same rows with `JSON.parse`, paging by position, once.',
  '- `as-of*` time queries with `asOf` at random past days on the rebuilt models: `queryPipeline` (50 days), `queryFunnel` by owner over the deals opened in the year before the day (50), and `queryFunnel` with no window, the API’s default, over every deal opened so far (10). The reference is the audit path: a full replay of the events known at that day into a scratch model, then the same queries, whose answers must equal the live ones.',
  '- The machine is shared: compare ratios measured in the same run rather than absolute numbers across runs.',
];

const verdict = (pass: boolean | null): string => (pass === null ? '–' : pass ? 'PASS' : 'MISS');

const latencyCell = (value: number | undefined): string => (value === undefined ? '' : value < 10 ? formatNumber(value, 3) : formatNumber(value, 1));

/** The report as Markdown: one row per case with its references and goals, then the goals, then details. */
export const toMarkdown = (report: BenchReport): string => {
  const lines: string[] = [
    `# Benchmark ${report.stamp} (${report.mode})`,
    '',
    `Node ${report.machine.node}, ${report.machine.cpus} × ${report.machine.cpuModel}, ${formatNumber(report.machine.totalMemoryGiB)} GiB; ` +
      `load average ${formatNumber(report.machine.loadAverageAtStart, 2)} at start, ${formatNumber(report.machine.loadAverageAtEnd, 2)} at end; ` +
      `seed ${report.seed}; ${formatNumber(report.seconds)} s. Command: \`${report.command}\`.`,
    '',
    '| Case | Rate | p50 ms | p99 ms | Peak RSS MiB | Compared with (same run) | Ratio | Goals |',
    '| --- | ---: | ---: | ---: | ---: | --- | ---: | --- |',
  ];
  for (const result of report.cases) {
    if (result.status !== 'measured') {
      lines.push(`| ${result.title} (\`${result.id}\`) | ${result.status === 'pending' ? result.reason : `failed: ${result.reason.split('\n')[0]}`} | | | | | | |`);
      continue;
    }
    const comparisons = report.comparisons.filter((comparison) => comparison.caseId === result.id);
    const goals = report.goals.filter((goal) => goal.caseId === result.id);
    lines.push(
      [
        '',
        ` ${result.title} (\`${result.id}\`) `,
        ` ${result.rate ? `${formatNumber(result.rate.value)} ${result.rate.unit}` : ''} `,
        ` ${latencyCell(result.latencyMs?.p50)} `,
        ` ${latencyCell(result.latencyMs?.p99)} `,
        ` ${result.peakRssMiB === null ? '' : formatNumber(result.peakRssMiB)} `,
        ` ${comparisons.map((comparison) => `${comparison.label}: ${comparison.note}`).join('<br>')} `,
        ` ${comparisons.map((comparison) => (comparison.ratio === null ? '–' : `${formatNumber(comparison.ratio, 2)}×`)).join('<br>')} `,
        ` ${goals.map((goal) => `${verdict(goal.pass)} ${goal.goal}`).join('<br>')} `,
        '',
      ].join('|'),
    );
  }
  lines.push('', '| Goal | Measured | Result |', '| --- | ---: | --- |');
  for (const goal of report.goals) lines.push(`| ${goal.goal} | ${goal.actual} | ${verdict(goal.pass)} |`);
  lines.push('', ...READING_NOTES, '', '<details><summary>Case details</summary>', '');
  for (const result of report.cases) {
    if (result.status !== 'measured') continue;
    const details = Object.entries(result.details)
      .filter(([key]) => !key.endsWith('Directory'))
      .map(([key, value]) => `${key}=${typeof value === 'number' ? formatNumber(value, Number.isInteger(value) ? 0 : 2) : String(value)}`);
    lines.push(`- \`${result.id}\`: ${details.join(', ')}`);
  }
  lines.push('', '</details>', '');
  return lines.join('\n');
};
