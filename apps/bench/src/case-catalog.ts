import type { CaseResult, CaseSettings } from './case-result';
import { runAsOfCase } from './cases/as-of.case';
import { runColdStartCase } from './cases/cold-start.case';
import { runEngineCase } from './cases/engine-throughput.case';
import { runHostileBodiesCase } from './cases/hostile-bodies.case';
import { runIntakeCase } from './cases/intake.case';
import { runScaleOutCase } from './cases/scale-out.case';
import { runHttpCase, runTrivialRouteCase } from './cases/http-transitions.case';
import { runRawSqliteCase } from './cases/raw-sqlite-inserts.case';
import { runReactorLagCase } from './cases/reactor-lag.case';
import { runRecordLoadCase } from './cases/record-load.case';
import { runReplayCase } from './cases/replay.case';
import { runWebBoardCase } from './cases/web-board.case';
import { runTimerCatchUpCase } from './cases/timer-catch-up.case';
import { runWhatIfCase } from './cases/what-if.case';

export interface BenchCase {
  readonly name: string;
  readonly title: string;
  readonly run: (settings: CaseSettings) => Promise<CaseResult[]>;
}

/**
 * Every measured case, in the order they run; each runs in its own process. References run next to the
 * case they are a reference for, so both see the same machine load (`replay` measures its reference,
 * `replay.raw-read`, itself; `as-of` its audit-path replay). `as-of` reuses the read models `replay`
 * rebuilt in the same run, or rebuilds them when run alone.
 */
export const BENCH_CASES: readonly BenchCase[] = [
  { name: 'engine', title: 'Engine with group commit', run: (settings) => runEngineCase(settings, 'group-commit') },
  {
    name: 'engine.one-transaction-per-command',
    title: 'Engine without group commit',
    run: (settings) => runEngineCase(settings, 'one-transaction-per-command'),
  },
  { name: 'engine.raw-sqlite', title: 'Raw SQLite inserts of the engine’s rows', run: runRawSqliteCase },
  { name: 'reactor', title: 'Reactor lag under the engine load, its rate against the engine’s', run: runReactorLagCase },
  { name: 'timers', title: 'Timer catch-up after downtime, its rate against the engine’s', run: runTimerCatchUpCase },
  { name: 'intake', title: 'Lead intake with dedup against kept leads, its rate against plain opens', run: runIntakeCase },
  { name: 'scale-out', title: 'Two processes sharing one store, each with its own read models', run: runScaleOutCase },
  { name: 'http.trivial-route', title: 'Trivial Nest + Fastify route', run: runTrivialRouteCase },
  { name: 'http', title: 'HTTP API transitions', run: runHttpCase },
  { name: 'hostile', title: 'Hostile bodies: /health latency while 8 clients send them, and without them', run: runHostileBodiesCase },
  { name: 'load', title: 'Load + decide a 1,000-event record', run: runRecordLoadCase },
  { name: 'replay', title: 'Replay: rebuild every read model from position 0', run: runReplayCase },
  { name: 'as-of', title: 'As-of: pipeline and funnel on a past date', run: runAsOfCase },
  { name: 'cold-start', title: 'Cold start: the API serving on current read models', run: runColdStartCase },
  { name: 'what-if', title: 'What-if: recorded history replayed against a draft blueprint, beside raw read + JSON.parse', run: runWhatIfCase },
  { name: 'web-board', title: 'Web board of 2,000 open deals: navigation to interactive in Chromium', run: runWebBoardCase },
];
