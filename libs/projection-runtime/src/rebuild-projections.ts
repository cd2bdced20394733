import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Database } from 'better-sqlite3';
import type { Clock } from '@crm/clock';
import { comparePositions, type EventStore, type Position, type StoredEvent } from '@crm/event-store';
import { evolveAll } from './apply-batch';
import { readCheckpoint, recordState, writeCheckpoint, type Checkpoint, type ProjectionState } from './checkpoint.store';
import { countEvents } from './count-events';
import { PROJECTION_READ_FILTER, type Projection, type ProjectionWriter, type TableNames } from './projection';
import { ProgressMeter, type ProgressListener } from './projection-progress';
import { describeFailure, ProjectionRuntimeException, ProjectionRuntimeExceptionCode, withFollowUpFailures } from './projection-runtime.exception';
import type { ReadModelDatabase } from './read-model-database';
import { RebuildScratch } from './rebuild-scratch';
import { checkProjections, dropTables, leftoverRebuildTables, rebuildTableNames, splitTableDefinition, swapInRebuiltTables } from './table-set';

export const DEFAULT_BATCH_SIZE = 500;

export interface RebuildProjectionsOptions {
  readonly store: EventStore;
  readonly readModels: ReadModelDatabase;
  /** Rebuilt together, in one pass over `$all`, and swapped in together. */
  readonly projections: readonly Projection[];
  readonly clock: Clock;
  /** Events read from the store per page; the event loop turns between pages. */
  readonly batchSize?: number;
  readonly onProgress?: ProgressListener;
  /** Replays events up to this position (inclusive); default: all events stored when the replay ends. */
  readonly until?: Position;
  /**
   * Events for which this says false are read past but not applied: a replay "as known at" a business
   * time. The checkpoint still moves past them.
   */
  readonly include?: (event: StoredEvent) => boolean;
  /** State recorded with the new checkpoints; a runner that goes on live passes `catching_up`. */
  readonly stateAfter?: ProjectionState;
}

export interface RebuildResult {
  readonly projection: string;
  readonly generation: number;
  /** Last event read; null when there was none. */
  readonly position: Position | null;
  readonly eventsApplied: number;
}

/** One projection's part of a rebuild. */
interface RebuildPlan {
  readonly projection: Projection;
  readonly before: Checkpoint | null;
  readonly generation: number;
  readonly names: TableNames;
  eventsApplied: number;
}

let attachCount = 0;

const pageUpTo = (page: readonly StoredEvent[], until: Position | undefined): readonly StoredEvent[] =>
  until === undefined ? page : page.filter((event) => comparePositions(event.position, until) <= 0);

const planOf = (db: Database, projection: Projection): RebuildPlan => {
  const before = readCheckpoint(db, projection.name);
  const generation = (before?.generation ?? 0) + 1;
  return { projection, before, generation, names: rebuildTableNames(generation), eventsApplied: 0 };
};

/** Creates every plan's tables in the scratch file without their secondary indexes; returns those, to build after the load. */
const createScratchTables = (scratch: Database, plans: readonly RebuildPlan[]): string[] => {
  const deferred: string[] = [];
  for (const plan of plans) {
    for (const table of plan.projection.tables) {
      const { table: statements, indexes } = splitTableDefinition(table.create(plan.names(table.name)));
      for (const statement of statements) scratch.exec(statement);
      deferred.push(...indexes);
    }
  }
  return deferred;
};

/**
 * The fold: one read of `$all`, each page handed to every projection in turn, all in one transaction
 * of the scratch file (no journal: a failure discards the whole file). The event loop turns between
 * pages, so queries in this process keep being answered from the live tables.
 */
const foldIntoScratch = async (
  options: RebuildProjectionsOptions,
  scratch: Database,
  plans: readonly RebuildPlan[],
  writers: readonly ProjectionWriter[],
): Promise<{ readonly position: Position | null; readonly meters: readonly ProgressMeter[] }> => {
  const { store, until } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  // The total only feeds progress reports, and counting reads the whole log once more: skip it when no one listens.
  const total = options.onProgress ? await countEvents(store, 'start', PROJECTION_READ_FILTER, until) : 0;
  const meters = plans.map((plan) => new ProgressMeter(options.clock, plan.projection.name, 'rebuilding', total, options.onProgress));
  let position: Position | null = null;
  scratch.exec('BEGIN');
  for (;;) {
    const page = pageUpTo(await store.readAll({ from: position ?? 'start', filter: PROJECTION_READ_FILTER, maxCount: batchSize }), until);
    if (page.length === 0) break;
    const applied = options.include ? page.filter(options.include) : page;
    plans.forEach((plan, index) => {
      plan.eventsApplied += evolveAll(plan.projection, writers[index], applied);
    });
    position = page[page.length - 1].position;
    for (const meter of meters) meter.add(page.length);
    await nextTurn();
  }
  for (const writer of writers) writer.finish?.();
  scratch.exec('COMMIT');
  return { position, meters };
};

/**
 * Copies the folded tables into the read models as `<table>__rebuild_<n>`, a table per transaction, and
 * checks each copy holds every row. The copy is `INSERT … SELECT *` into an empty table with the same
 * definition and indexes, which SQLite does page by page in key order rather than row by row.
 */
const copyIntoReadModels = async (db: Database, scratchFile: string, plans: readonly RebuildPlan[]): Promise<void> => {
  attachCount += 1;
  const alias = `rebuild_scratch_${attachCount}`;
  db.prepare(`ATTACH DATABASE ? AS ${alias}`).run(scratchFile);
  try {
    for (const plan of plans) {
      for (const table of plan.projection.tables) {
        const name = plan.names(table.name);
        db.transaction(() => {
          for (const statement of table.create(name)) db.exec(statement);
          db.exec(`INSERT INTO main."${name}" SELECT * FROM ${alias}."${name}"`);
          const copied = db.prepare(`SELECT (SELECT count(*) FROM main."${name}") AS copied, (SELECT count(*) FROM ${alias}."${name}") AS folded`).get() as {
            copied: number;
            folded: number;
          };
          if (copied.copied !== copied.folded) {
            throw new ProjectionRuntimeException(
              ProjectionRuntimeExceptionCode.READ_MODEL_UNAVAILABLE,
              `projection "${plan.projection.name}": table "${table.name}" copied ${copied.copied} of ${copied.folded} rows; the rebuild is dropped`,
              { projection: plan.projection.name, table: table.name },
            );
          }
        })();
        await nextTurn();
      }
    }
  } finally {
    db.exec(`DETACH DATABASE ${alias}`);
  }
};

/** The swap of every plan at once, with a compare-and-set on each generation: readers see all old models or all new. */
const swapIn = (db: Database, plans: readonly RebuildPlan[], position: Position | null, options: RebuildProjectionsOptions): void => {
  db.transaction(() => {
    for (const plan of plans) {
      const current = readCheckpoint(db, plan.projection.name);
      if ((current?.generation ?? 0) !== plan.generation - 1) {
        throw new ProjectionRuntimeException(
          ProjectionRuntimeExceptionCode.CHECKPOINT_MOVED,
          `projection "${plan.projection.name}" was rebuilt by someone else meanwhile; this rebuild is dropped`,
          { projection: plan.projection.name },
        );
      }
      swapInRebuiltTables(db, plan.projection, plan.generation, current?.tables ?? []);
      writeCheckpoint(db, {
        projection: plan.projection.name,
        version: plan.projection.version,
        generation: plan.generation,
        position,
        eventsApplied: plan.eventsApplied,
        tables: plan.projection.tables.map((table) => table.name),
        state: options.stateAfter ?? 'stopped',
        error: null,
        updatedAt: options.clock.now().toISOString(),
      });
    }
  })();
};

/** After a failure: the half-built tables go, the old models stay and say why they were not replaced. */
const abandon = (db: Database, plans: readonly RebuildPlan[], error: unknown, now: string): unknown => {
  const followUps: string[] = [];
  try {
    db.transaction(() => {
      for (const plan of plans) dropTables(db, plan.projection.tables.map((table) => plan.names(table.name)));
    })();
  } catch (dropFailure) {
    followUps.push(`its half-built tables stay until the next start drops them: ${describeFailure(dropFailure)}`);
  }
  const rebuiltElsewhere = error instanceof ProjectionRuntimeException && error.code === ProjectionRuntimeExceptionCode.CHECKPOINT_MOVED;
  for (const plan of plans) {
    if (!plan.before || rebuiltElsewhere) continue;
    try {
      recordState(db, plan.projection.name, 'failed', describeFailure(error), now);
    } catch (recordFailure) {
      followUps.push(describeFailure(recordFailure));
    }
  }
  return withFollowUpFailures(error, followUps);
};

/**
 * Rebuilds projections together (README, Read models: one-pass rebuild): one read of `$all` feeds every
 * projection; they fold into a scratch file beside the read models with relaxed durability and without
 * their secondary indexes, which are built once after the load; the tables are copied into the read
 * models as `<table>__rebuild_<n>`, each copy checked to hold every row; then one transaction swaps them
 * all in with their new checkpoints. Until the swap queries read the old tables, whole; a crash before it
 * leaves the old models untouched, and the next start drops the half-built tables and the scratch file.
 */
export const rebuildProjections = async (options: RebuildProjectionsOptions): Promise<RebuildResult[]> => {
  checkProjections(options.projections);
  const db = options.readModels.db;
  const now = (): string => options.clock.now().toISOString();
  const plans = options.projections.map((projection) => planOf(db, projection));
  if (plans.length === 0) return [];

  db.transaction(() => {
    for (const plan of plans) {
      if (plan.before) recordState(db, plan.projection.name, 'rebuilding', null, now());
      dropTables(db, leftoverRebuildTables(db, plan.projection));
    }
  })();

  let scratch: RebuildScratch | null = null;
  try {
    scratch = RebuildScratch.open(options.readModels.file);
    const deferredIndexes = createScratchTables(scratch.db, plans);
    const scratchDb = scratch.db;
    const writers = plans.map((plan) => plan.projection.open(scratchDb, plan.names, 'rebuild'));
    const { position, meters } = await foldIntoScratch(options, scratch.db, plans, writers);
    for (const statement of deferredIndexes) scratch.db.exec(statement);
    scratch.close();
    await copyIntoReadModels(db, scratch.file, plans);
    swapIn(db, plans, position, options);
    for (const meter of meters) meter.finish();
    return plans.map((plan) => ({ projection: plan.projection.name, generation: plan.generation, position, eventsApplied: plan.eventsApplied }));
  } catch (error) {
    throw abandon(db, plans, error, now());
  } finally {
    scratch?.remove();
  }
};
