import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadBlueprintDirectory } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { BlueprintCatalog, RECORD_EVENT_SCHEMAS } from '@crm/workflow';
import { runChildTask } from '../child-task';
import { stopwatch } from '../measure/latencies';
import { blueprintsDirectory, repositoryRoot } from './bench-engine';
import { generateSalesHistory, type HistoryRow, type SalesHistorySummary } from './sales-history';

/** Rows per insert transaction while generating: the file is a fixture, so large and unsynced. */
const ROWS_PER_TRANSACTION = 20_000;
const MANIFEST = 'history.json';

export interface SalesHistoryRequest {
  readonly seed: number;
  readonly events: number;
}

/** A generated history in an event store folder (`<directory>/events.sqlite`), with how it came to be. */
export interface SalesHistoryStore {
  readonly directory: string;
  readonly summary: SalesHistorySummary;
  /** False when this run found it in the cache. */
  readonly generatedNow: boolean;
  /** How long generating it took (when it was generated, maybe in an earlier run). */
  readonly generationSeconds: number;
}

interface Manifest {
  readonly summary: SalesHistorySummary;
  readonly generationSeconds: number;
}

/**
 * The sources whose change changes the rows: the generator, the engine code it calls (the record
 * slices and their decider and fold, ids, stream names, the command loop's metadata, blueprint
 * compilation, refs and publication), the store's schema and how it serializes an append, and the
 * blueprints. The cache key carries their hash, so a change to any of them regenerates the history.
 * Whole library folders are hashed: a list of single files went stale when the workflow library was
 * reorganised into folders.
 */
const SHAPING_FILES = [
  'apps/bench/src/workload/sales-history.ts',
  'apps/bench/src/workload/sales-history-store.ts',
  'apps/bench/src/workload/opportunity-histories.ts',
  'apps/bench/src/workload/seeded-random.ts',
  'libs/event-store/src/sqlite/sqlite-schema.ts',
  'libs/event-store/src/append-input.validation.ts',
];
const SHAPING_FOLDERS = ['libs/workflow/src', 'libs/blueprint/src', 'libs/command-handler/src'];

const isShapingSource = (name: string): boolean => name.endsWith('.ts') && !name.endsWith('.spec.ts');

/** The TypeScript sources (no specs) under a folder of the repository, sorted, as repository paths. */
const sourcesUnder = (folder: string): string[] =>
  readdirSync(join(repositoryRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter(isShapingSource)
    .map((name) => join(folder, name))
    .sort();

const shapingHash = (): string => {
  const hash = createHash('sha256');
  const blueprintFiles = readdirSync(blueprintsDirectory)
    .filter((name) => name.endsWith('.blueprint.yaml'))
    .sort()
    .map((name) => join('blueprints', name));
  const files = [...SHAPING_FILES, ...SHAPING_FOLDERS.flatMap(sourcesUnder), ...blueprintFiles];
  for (const file of files) hash.update(file).update('\u0000').update(readFileSync(join(repositoryRoot, file)));
  return hash.digest('hex').slice(0, 12);
};

/** Outside the repository: a full history is several hundred MB. */
export const salesHistoryCacheRoot = (): string => join(tmpdir(), 'crm-bench-cache');

const cacheName = (request: SalesHistoryRequest): string => `sales-history-${request.events}-seed${request.seed}`;

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const readManifest = (directory: string): Manifest | null =>
  existsSync(join(directory, MANIFEST)) ? (JSON.parse(readFileSync(join(directory, MANIFEST), 'utf8')) as Manifest) : null;

/**
 * Writes the history into a new event store at `directory`: blueprint versions through `BlueprintCatalog`
 * (on a clock set to their business time), record events as rows inserted in large transactions in log
 * order, exactly as the store's own INSERT would store them.
 */
export const writeSalesHistory = async (directory: string, request: SalesHistoryRequest): Promise<SalesHistorySummary> => {
  const clock = new ManualClock();
  const store = await SqliteEventStore.open({ directory, clock, schemas: RECORD_EVENT_SCHEMAS });
  const db = new Database(join(directory, 'events.sqlite'));
  try {
    const catalog = await BlueprintCatalog.open(store);
    db.pragma('synchronous = OFF');
    const insert = db.prepare(
      'INSERT INTO events (id, stream, revision, type, data, metadata, occurred_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertAll = db.transaction((rows: readonly HistoryRow[]) => {
      for (const row of rows) insert.run(row.id, row.stream, row.revision, row.type, row.data, row.metadata, row.occurredAt, row.recordedAt);
    });
    const history = generateSalesHistory({ ...request, blueprints: loadBlueprintDirectory(blueprintsDirectory) });
    let pending: HistoryRow[] = [];
    for (;;) {
      const next = history.next();
      if (next.done) {
        insertAll(pending);
        db.pragma('wal_checkpoint(TRUNCATE)');
        return next.value;
      }
      const item = next.value;
      if (item.kind === 'rows') {
        for (const row of item.rows) pending.push(row);
        if (pending.length >= ROWS_PER_TRANSACTION) {
          insertAll(pending);
          pending = [];
        }
        continue;
      }
      insertAll(pending);
      pending = [];
      clock.set(item.at);
      const published = await catalog.publish(item.definition);
      if (published.ref.contentHash !== item.ref.contentHash) {
        throw new Error(`blueprint ${item.ref.id} v${item.ref.version}: the catalog published ${published.ref.contentHash}, the generator decided with ${item.ref.contentHash}`);
      }
    }
  } finally {
    db.close();
    await store.close();
  }
};

/**
 * The history for this seed and size: from the cache (`<tmp>/crm-bench-cache/`, keyed by size, seed and
 * the hash of the sources that shape the rows) or generated now, in a child process so the caller's
 * peak RSS stays its own. Older cached versions of the same size and seed are removed.
 */
export const ensureSalesHistory = async (request: SalesHistoryRequest, cacheRoot = salesHistoryCacheRoot()): Promise<SalesHistoryStore> => {
  const name = cacheName(request);
  const directory = join(cacheRoot, `${name}-${shapingHash()}`);
  const cached = readManifest(directory);
  if (cached) return { directory, summary: cached.summary, generatedNow: false, generationSeconds: cached.generationSeconds };

  mkdirSync(cacheRoot, { recursive: true });
  for (const entry of readdirSync(cacheRoot)) {
    if (!entry.startsWith(`${name}-`)) continue;
    // Another run may be generating the same history right now: leave its folder alone.
    const owner = /\.partial-(\d+)$/.exec(entry)?.[1];
    if (owner === undefined || !isRunning(Number(owner))) rmSync(join(cacheRoot, entry), { recursive: true, force: true });
  }
  const partial = `${directory}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const timer = stopwatch();
  const summary = await runChildTask<{ directory: string; request: SalesHistoryRequest }, SalesHistorySummary>(
    join(__dirname, 'sales-history.task.ts'),
    { directory: partial, request },
  );
  const manifest: Manifest = { summary, generationSeconds: timer() };
  writeFileSync(join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  try {
    renameSync(partial, directory);
  } catch (error) {
    // A concurrent run finished the same history first: keep its copy.
    rmSync(partial, { recursive: true, force: true });
    if (readManifest(directory) === null) throw error;
  }
  return { directory, summary, generatedNow: true, generationSeconds: manifest.generationSeconds };
};
