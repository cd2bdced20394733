import { systemClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { rebuildProjection, ReadModelDatabase } from '@crm/projection-runtime';
import { crmProjections } from '@crm/projections';
import { serveChildTask } from '../child-task';
import { CpuProfiler } from '../measure/cpu-profiler';
import { stopwatch } from '../measure/latencies';
import { peakRssMiB } from '../measure/peak-rss';
import { RECORD_EVENT_SCHEMAS } from '@crm/workflow';

export interface RebuildInput {
  readonly storeDirectory: string;
  /** A fresh folder for `read-models.sqlite`. */
  readonly readModelsDirectory: string;
  readonly batchSize: number;
  /** Where to write a CPU profile of the rebuild; null: no profiling. */
  readonly profileFile: string | null;
}

export interface RebuiltProjection {
  readonly projection: string;
  readonly seconds: number;
  readonly eventsApplied: number;
}

export interface RebuildResult {
  /** Events in the store (the head position: SQLite positions are 1..n). */
  readonly events: number;
  readonly seconds: number;
  readonly projections: readonly RebuiltProjection[];
  readonly peakRssMiB: number;
  /** Sanity: rows and folded events of the `records` read model. */
  readonly records: number;
  readonly recordEventsFolded: number;
}

/**
 * Rebuilds every CRM read model from position 0 into a fresh read-model file, one projection after the
 * other, each with `rebuildProjection` — one pass over `$all` per projection, as `crm projections rebuild
 * all` and a version change at start-up do. The store is opened read-only.
 */
serveChildTask(async ({ storeDirectory, readModelsDirectory, batchSize, profileFile }: RebuildInput): Promise<RebuildResult> => {
  const store = await SqliteEventStore.open({ directory: storeDirectory, clock: systemClock, readOnly: true, schemas: RECORD_EVENT_SCHEMAS });
  const readModels = ReadModelDatabase.open({ directory: readModelsDirectory });
  try {
    const head = await store.headPosition();
    const projections: RebuiltProjection[] = [];
    const profiler = profileFile === null ? null : await CpuProfiler.start();
    const timer = stopwatch();
    for (const projection of crmProjections()) {
      const projectionTimer = stopwatch();
      const result = await rebuildProjection({ store, readModels, projection, clock: systemClock, batchSize });
      projections.push({ projection: projection.name, seconds: projectionTimer(), eventsApplied: result.eventsApplied });
    }
    const seconds = timer();
    if (profiler && profileFile) await profiler.stop(profileFile);
    const check = readModels.db.prepare('SELECT count(*) AS records, coalesce(sum(events), 0) AS folded FROM records').get() as { records: number; folded: number };
    return {
      events: Number(head?.commit ?? 0n),
      seconds,
      projections,
      peakRssMiB: peakRssMiB(),
      records: check.records,
      recordEventsFolded: check.folded,
    };
  } finally {
    readModels.close();
    await store.close();
  }
});
