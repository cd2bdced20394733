import { systemClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { rebuildProjections, ReadModelDatabase } from '@crm/projection-runtime';
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
 * Rebuilds every CRM read model from position 0 into a fresh read-model file with `rebuildProjections`:
 * one pass over `$all` feeding every projection, as `crm projections rebuild all` and a start-up with
 * several changed versions do. The store is opened read-only.
 */
serveChildTask(async ({ storeDirectory, readModelsDirectory, batchSize, profileFile }: RebuildInput): Promise<RebuildResult> => {
  const store = await SqliteEventStore.open({ directory: storeDirectory, clock: systemClock, readOnly: true, schemas: RECORD_EVENT_SCHEMAS });
  const readModels = ReadModelDatabase.open({ directory: readModelsDirectory });
  try {
    const head = await store.headPosition();
    const profiler = profileFile === null ? null : await CpuProfiler.start();
    const timer = stopwatch();
    const results = await rebuildProjections({ store, readModels, projections: crmProjections(), clock: systemClock, batchSize });
    const seconds = timer();
    const projections: RebuiltProjection[] = results.map((result) => ({ projection: result.projection, eventsApplied: result.eventsApplied }));
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
