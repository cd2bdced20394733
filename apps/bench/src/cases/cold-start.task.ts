import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { localApiSettings, startApi } from '../../../api/src/start-api';
import { serveChildTask } from '../child-task';
import { peakRssMiB } from '../measure/peak-rss';
import { blueprintsDirectory } from '../workload/bench-engine';

export interface ColdStartInput {
  readonly dataDirectory: string;
}

export interface ColdStartResult {
  /** Milliseconds from this process's start (Node's time origin) to `startApi` resolving, listening. */
  readonly listeningMs: number;
  /** … to `/health` answered 200. */
  readonly healthMs: number;
  /** … to a read-model query (`GET /records/opportunity?limit=50`, as ada) answered 200. */
  readonly firstQueryMs: number;
  /** … to every projection at the head of the log. */
  readonly caughtUpMs: number;
  readonly recordsListed: number;
  readonly projectionStates: string;
  readonly peakRssMiB: number;
}

/**
 * One start of the real API (`startApi`, as `npm start` does) on a data directory whose read models are
 * current, timed from the process's own start: module loading, opening the store and the read models,
 * the projections' install check, Nest and Fastify, then the first answers. Closes it after.
 */
serveChildTask(async ({ dataDirectory }: ColdStartInput): Promise<ColdStartResult> => {
  const api = await startApi(
    localApiSettings(dataDirectory, blueprintsDirectory),
    { logger: false },
  );
  try {
    const listeningMs = performance.now();
    const health = await fetch(`${api.url}/health`);
    if (!health.ok) throw new Error(`/health answered ${health.status}`);
    const healthMs = performance.now();
    const tokens = JSON.parse(readFileSync(join(dataDirectory, 'demo-tokens.json'), 'utf8')) as Record<string, { token: string }>;
    const records = await fetch(`${api.url}/records/opportunity?limit=50`, { headers: { authorization: `Bearer ${tokens['ada'].token}` } });
    if (!records.ok) throw new Error(`GET /records/opportunity answered ${records.status}: ${await records.text()}`);
    const page = (await records.json()) as { items: unknown[] };
    const firstQueryMs = performance.now();
    const head = await api.engine.store.headPosition();
    if (head) await api.projections.waitForPosition(head, 600_000);
    const caughtUpMs = performance.now();
    const states = (await api.projections.status()).map((status) => `${status.projection} ${status.state}`).join('; ');
    return { listeningMs, healthMs, firstQueryMs, caughtUpMs, recordsListed: page.items.length, projectionStates: states, peakRssMiB: peakRssMiB() };
  } finally {
    await api.close();
  }
});
