import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import autocannon from 'autocannon';
import { systemClock } from '@crm/clock';
import { newCommandId, type RecordView } from '@crm/workflow';
import type { CaseResult, CaseSettings, MeasuredCase } from '../case-result';
import type { LatencySummary } from '../measure/latencies';
import { ServerProcess } from '../servers/server-process';
import { openBenchEngine } from '../workload/bench-engine';
import { runConcurrentCallers } from '../workload/concurrent-callers';
import { PROPOSAL_TASK } from '../workload/opportunity-histories';
import { SeededRandom } from '../workload/seeded-random';

export const HTTP_CONNECTIONS = 64;

/** Demo users of the API (users.yaml it creates on first start); reps may advance only their own records. */
const REPS = ['rita', 'raj'] as const;
type Rep = (typeof REPS)[number];

interface SeededRecord {
  readonly id: string;
  readonly owner: Rep;
}

const durations = (quick: boolean): { warmup: number; measured: number } => (quick ? { warmup: 3, measured: 8 } : { warmup: 5, measured: 20 });

/**
 * More than the API can take in the measured time, so the walk never runs out of fresh records
 * (autocannon's `amount` would override `duration`, so the run is bounded by time alone).
 */
const CEILING_PER_SECOND = 8_000;

type WalkStep =
  | { readonly kind: 'transition'; readonly event: string; readonly fields: (random: SeededRandom) => Record<string, string | number> }
  | { readonly kind: 'completeTask'; readonly template: string };

/**
 * Each connection walks one opportunity at a time through four guarded transitions, each supplying what
 * its exit criteria require, and completes the proposal's task before negotiating (the blueprint requires
 * it), then takes the next record: every request is accepted, four in five are transitions.
 */
const WALK: readonly WalkStep[] = [
  {
    kind: 'transition',
    event: 'analyze_needs',
    fields: (random) => ({ budget: random.int(10_000, 900_000), decisionMaker: `Buyer ${random.int(1, 999)}`, timeline: `2026-${String(random.int(1, 12)).padStart(2, '0')}-15` }),
  },
  { kind: 'transition', event: 'propose', fields: (random) => ({ proposalDocument: `https://docs.example/proposals/${random.int(10_000, 99_999)}` }) },
  { kind: 'completeTask', template: PROPOSAL_TASK },
  { kind: 'transition', event: 'negotiate', fields: (random) => ({ amount: random.int(5_000, 500_000) }) },
  { kind: 'transition', event: 'close_lost', fields: (random) => ({ lossReason: random.pick(['price', 'competitor', 'no_decision', 'timing']) }) },
];
const TRANSITIONS_PER_WALK = WALK.filter((step) => step.kind === 'transition').length;

/** Accepted requests of one autocannon run, by kind, and the first refusals. */
interface WalkTally {
  transitions: number;
  taskCompletions: number;
  readonly refusals: string[];
}

/** The id of the record's open task of this template, from a write's answer (the record as it now is). */
const openTaskIdIn = (body: string, template: string): string | null => {
  const answer = JSON.parse(body) as Partial<{ readonly record: Pick<RecordView, 'tasks'> }>;
  return answer.record?.tasks.find((task) => task.template === template)?.taskId ?? null;
};

const walkRequests = (records: readonly SeededRecord[], tokens: Record<Rep, string>, seed: number, tally: WalkTally): autocannon.Request[] => {
  const random = new SeededRandom(seed);
  let next = 0;
  return WALK.map((step, index): autocannon.Request => {
    const following = WALK[index + 1];
    return {
      method: 'POST',
      setupRequest: (request, context) => {
        if (index === 0) {
          if (next >= records.length) throw new Error(`the HTTP walk ran out of its ${records.length} seeded records; raise CEILING_PER_SECOND`);
          context['record'] = records[next];
          context['taskId'] = null;
          next += 1;
        }
        const record = context['record'] as SeededRecord;
        const headers = { 'content-type': 'application/json', authorization: `Bearer ${tokens[record.owner]}` };
        if (step.kind === 'completeTask') {
          // No task id (the step that opens it was refused): this request is refused too, and shows up as such.
          const taskId = typeof context['taskId'] === 'string' ? context['taskId'] : 'no-open-task';
          return { ...request, path: `/records/opportunity/${record.id}/tasks/${encodeURIComponent(taskId)}/complete`, headers, body: '{}' };
        }
        return { ...request, path: `/records/opportunity/${record.id}/transitions`, headers, body: JSON.stringify({ event: step.event, fields: step.fields(random) }) };
      },
      onResponse: (status, body, context) => {
        if (status >= 300) {
          if (tally.refusals.length < 3) tally.refusals.push(`${status} ${body.slice(0, 300)}`);
          return;
        }
        if (step.kind === 'transition') tally.transitions += 1;
        else tally.taskCompletions += 1;
        // The task the next request completes was opened by this one: its id is in the answer.
        if (following?.kind === 'completeTask') context['taskId'] = openTaskIdIn(body, following.template);
      },
    };
  });
};

export const latencyOf = (result: autocannon.Result): LatencySummary => ({
  count: result['2xx'],
  p50: result.latency.p50,
  p90: result.latency.p90,
  p99: result.latency.p99,
  max: result.latency.max,
  mean: result.latency.mean,
});

/** Opens `count` opportunities owned by rita and raj straight through the engine, before the server starts. */
const seedRecords = async (dataDirectory: string, count: number): Promise<SeededRecord[]> => {
  const engine = await openBenchEngine(dataDirectory, systemClock);
  const records: SeededRecord[] = [];
  await runConcurrentCallers(
    Array.from({ length: count }, (_, index) => REPS[index % REPS.length] as Rep),
    64,
    async (owner) => {
      const result = await engine.handler.execute({
        type: 'OpenRecord',
        kind: 'opportunity',
        commandId: newCommandId(systemClock),
        actor: { id: owner, roles: ['rep'] },
        owner,
        fields: { name: `HTTP bench deal ${records.length}`, source: 'web' },
      });
      records.push({ id: result.recordId, owner });
    },
  );
  await engine.close();
  return records;
};

const countStored = (dataDirectory: string, type: string): number => {
  const db = new Database(join(dataDirectory, 'events.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[string], { count: number }>('SELECT count(*) AS count FROM events WHERE type = ?').get(type)?.count ?? 0;
  } finally {
    db.close();
  }
};

/**
 * Guarded transitions through the real API over HTTP: Fastify + Nest, bearer tokens checked on every
 * request, the CommandBus, the command handler, group commit, and the record view with its next steps in
 * every answer. 64 connections from autocannon in this process; the server runs in its own process. The
 * rate counts accepted transitions only; the walk's task completions (one per four transitions) are
 * counted apart, and the latencies are autocannon's over every request.
 */
export const runHttpCase = async (settings: CaseSettings): Promise<CaseResult[]> => {
  const { warmup, measured } = durations(settings.quick);
  const dataDirectory = join(settings.workDirectory, 'api-data');
  const warmupRecords = Math.ceil((CEILING_PER_SECOND * warmup) / TRANSITIONS_PER_WALK);
  const measuredRecords = Math.ceil((CEILING_PER_SECOND * measured) / TRANSITIONS_PER_WALK);
  const records = await seedRecords(dataDirectory, warmupRecords + measuredRecords);

  const server = await ServerProcess.start(join(__dirname, '..', 'servers', 'api-server.ts'), [dataDirectory]);
  try {
    const demoTokens = JSON.parse(readFileSync(join(dataDirectory, 'demo-tokens.json'), 'utf8')) as Record<Rep, { token: string }>;
    const tokens = { rita: demoTokens.rita.token, raj: demoTokens.raj.token };
    const refusals: string[] = [];
    const run = async (slice: readonly SeededRecord[], duration: number, seed: number): Promise<{ result: autocannon.Result; tally: WalkTally }> => {
      const tally: WalkTally = { transitions: 0, taskCompletions: 0, refusals };
      const result = await autocannon({
        url: server.url,
        connections: HTTP_CONNECTIONS,
        duration,
        requests: walkRequests(slice, tokens, seed, tally),
      });
      return { result, tally };
    };
    const warm = await run(records.slice(0, warmupRecords), warmup, settings.seed + 1);
    await server.startProfile(settings.profileDirectory);
    const { result, tally } = await run(records.slice(warmupRecords), measured, settings.seed);
    await server.stopProfile(settings.profileDirectory, 'api-server');
    const peak = await server.peakRssMiB();
    await server.stop();
    const stored = countStored(dataDirectory, 'Transitioned');
    const storedTasks = countStored(dataDirectory, 'TaskCompleted');
    const measuredCase: MeasuredCase = {
      status: 'measured',
      id: 'http',
      title: 'HTTP API: guarded transitions, 64 connections, auth on (the proposal task completed on the way)',
      rate: { value: tally.transitions / result.duration, unit: 'transitions/s' },
      latencyMs: latencyOf(result),
      peakRssMiB: peak,
      details: {
        connections: HTTP_CONNECTIONS,
        seconds: result.duration,
        walk: `${WALK.map((step) => (step.kind === 'transition' ? step.event : `complete ${step.template}`)).join(' → ')}; latencies over every request`,
        acknowledged: result['2xx'],
        acknowledgedTransitions: tally.transitions,
        acknowledgedTaskCompletions: tally.taskCompletions,
        requestsPerSecond: result['2xx'] / result.duration,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        statusCodes: JSON.stringify(Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]))),
        // Sanity check: every 2xx transition is a stored Transitioned event, every 2xx completion a
        // TaskCompleted; requests still in flight when a run stops (at most one per connection per run)
        // are stored without being counted.
        storedTransitions: stored,
        acknowledgedTransitionsWithWarmup: tally.transitions + warm.tally.transitions,
        storedTransitionsInFlightAtStop: stored - tally.transitions - warm.tally.transitions,
        storedTaskCompletions: storedTasks,
        storedTaskCompletionsInFlightAtStop: storedTasks - tally.taskCompletions - warm.tally.taskCompletions,
        warmupSeconds: warm.result.duration,
        warmupRate: warm.tally.transitions / warm.result.duration,
        firstRefusals: refusals.join(' | ') || null,
      },
    };
    return [measuredCase];
  } finally {
    await server.stop();
  }
};

/** The same load against one Nest controller on Fastify that echoes its body: the stack's own ceiling. */
export const runTrivialRouteCase = async (settings: CaseSettings): Promise<CaseResult[]> => {
  const { warmup, measured } = durations(settings.quick);
  const server = await ServerProcess.start(join(__dirname, '..', 'servers', 'trivial-nest-server.ts'), []);
  try {
    const body = JSON.stringify({ event: 'analyze_needs', fields: { budget: 120_000, decisionMaker: 'Hank Scorpio', timeline: '2026-09-30' } });
    const run = (duration: number): Promise<autocannon.Result> =>
      autocannon({
        url: `${server.url}/echo`,
        connections: HTTP_CONNECTIONS,
        duration,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${'x'.repeat(180)}` },
        body,
      });
    await run(warmup);
    await server.startProfile(settings.profileDirectory);
    const result = await run(measured);
    await server.stopProfile(settings.profileDirectory, 'trivial-nest-server');
    const peak = await server.peakRssMiB();
    return [
      {
        status: 'measured',
        id: 'http.trivial-route',
        title: 'Trivial Nest + Fastify POST route (echo)',
        rate: { value: result['2xx'] / result.duration, unit: 'requests/s' },
        latencyMs: latencyOf(result),
        peakRssMiB: peak,
        details: { connections: HTTP_CONNECTIONS, seconds: result.duration, acknowledged: result['2xx'], non2xx: result.non2xx, errors: result.errors },
      },
    ];
  } finally {
    await server.stop();
  }
};
