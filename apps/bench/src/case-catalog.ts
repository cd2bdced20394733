import type { CaseResult, CaseSettings } from './case-result';
import { runEngineCase } from './cases/engine-throughput.case';
import { runHttpCase, runTrivialRouteCase } from './cases/http-transitions.case';
import { runRawSqliteCase } from './cases/raw-sqlite-inserts.case';
import { runRecordLoadCase } from './cases/record-load.case';

export interface BenchCase {
  readonly name: string;
  readonly title: string;
  readonly run: (settings: CaseSettings) => Promise<CaseResult[]>;
}

/**
 * Every measured case, in the order they run; each runs in its own process. References run next to the
 * case they are a reference for, so both see the same machine load. Projection cases: see
 * cases/projection-cases.ts (pending).
 */
export const BENCH_CASES: readonly BenchCase[] = [
  { name: 'engine', title: 'Engine with group commit', run: (settings) => runEngineCase(settings, 'group-commit') },
  {
    name: 'engine.one-transaction-per-command',
    title: 'Engine without group commit',
    run: (settings) => runEngineCase(settings, 'one-transaction-per-command'),
  },
  { name: 'engine.raw-sqlite', title: 'Raw SQLite inserts of the engine’s rows', run: runRawSqliteCase },
  { name: 'http.trivial-route', title: 'Trivial Nest + Fastify route', run: runTrivialRouteCase },
  { name: 'http', title: 'HTTP API transitions', run: runHttpCase },
  { name: 'load', title: 'Load + decide a 1,000-event record', run: runRecordLoadCase },
];
