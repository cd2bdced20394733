import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Clock } from '@crm/clock';
import {
  backoffDelay,
  checkBackoffPolicy,
  comparePositions,
  type BackoffPolicy,
  type EventStore,
  type EventSubscription,
  type Position,
  type StoredEvent,
} from '@crm/event-store';
import { applyLiveBatch } from './apply-batch';
import { readCheckpoint, recordState, type Checkpoint, type ProjectionState } from './checkpoint.store';
import { countEvents } from './count-events';
import { installProjection } from './install-projection';
import { isInvalidPosition, logResetBehind } from './log-reset';
import { liveTableNames, PROJECTION_READ_FILTER, type Projection } from './projection';
import { ProgressMeter, type ProgressListener } from './projection-progress';
import {
  asReadModelUnavailable,
  describeFailure,
  isStorageRefusal,
  ProjectionRuntimeException,
  ProjectionRuntimeExceptionCode,
} from './projection-runtime.exception';
import { projectionStatus, type ProjectionStatus } from './projection-status';
import type { ReadModelDatabase } from './read-model-database';
import { DEFAULT_BATCH_SIZE, rebuildProjection, type RebuildResult } from './rebuild-projection';
import { rebuildProjections } from './rebuild-projections';
import { checkProjections } from './table-set';

export interface StateChange {
  readonly projection: string;
  readonly state: ProjectionState;
  readonly error: string | null;
}

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  readonly readModels: ReadModelDatabase;
  readonly projections: readonly Projection[];
  readonly clock: Clock;
  /** Most events applied in one transaction; default 500. */
  readonly batchSize?: number;
  /** Catch-up and rebuild progress, after each batch. */
  readonly onProgress?: ProgressListener;
  /** Called on every change of a projection's state; it must not throw (the runner has no one to tell). */
  readonly onStateChange?: (change: StateChange) => void;
  /**
   * A projection whose read-model writes are refused (full disk, I/O error, a lock held too long) is
   * failed, then started again after these waits (doubling) until the storage accepts its writes.
   * Default 100 ms doubling to 5 s.
   */
  readonly storageRetry?: BackoffPolicy;
}

const DEFAULT_STORAGE_RETRY: BackoffPolicy = { initialMs: 100, maxMs: 5_000 };

const IDLE = Symbol('idle');
type Pulled = IteratorResult<StoredEvent, undefined> | typeof IDLE;

/** Resolves after the event loop has turned once: when it wins a race, no event was ready. */
const idleSignal = (): Promise<typeof IDLE> => nextTurn().then(() => IDLE);

const isCheckpointMoved = (error: unknown): boolean =>
  error instanceof ProjectionRuntimeException && error.code === ProjectionRuntimeExceptionCode.CHECKPOINT_MOVED;

/**
 * Keeps one projection live: install, catch up from the checkpoint, follow the subscription in batches.
 * Its state in memory is what the runner reports; the row in `projection_checkpoints` follows it when the
 * file accepts the write. Nothing it runs in the background rejects: every failure becomes `failed`.
 */
class ProjectionWorker {
  state: ProjectionState = 'stopped';
  error: string | null = null;
  /** The last thing an operator should know although the projection runs (a log reset it rebuilt after). */
  warning: string | null = null;
  private subscription: EventSubscription | null = null;
  /** Catch-up and live follow; settles when stopped or failed, never rejects. */
  private loop: Promise<void> | null = null;
  private stopping = false;
  private retryTimer: NodeJS.Timeout | null = null;
  /** The start after a storage refusal, under way; never rejects. */
  private restarting: Promise<void> | null = null;
  /** Storage refusals since a batch was last applied or the projection went live: the backoff grows with them. */
  private storageRefusals = 0;

  constructor(
    readonly projection: Projection,
    private readonly options: ProjectionRunnerOptions,
    private readonly clock: Clock,
    private readonly storageRetry: BackoffPolicy,
  ) {}

  private get db() {
    return this.options.readModels.db;
  }

  private get filter() {
    return PROJECTION_READ_FILTER;
  }

  checkpoint(): Checkpoint | null {
    return readCheckpoint(this.db, this.projection.name);
  }

  async start(): Promise<void> {
    // A restart after a storage refusal, pending or under way, is this start already.
    if (this.loop || this.retryTimer !== null || this.restarting !== null) return;
    this.stopping = false;
    await this.launch();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.restarting;
    await this.subscription?.close();
    await this.loop;
    this.loop = null;
    if (this.state === 'failed') return;
    try {
      this.setState('stopped', null);
    } catch (error) {
      this.fail(error);
    }
  }

  async rebuild(): Promise<RebuildResult> {
    await this.stop();
    this.stopping = false;
    try {
      const result = await this.rebuildTables();
      this.loop = this.run();
      return result;
    } catch (error) {
      const refused = asReadModelUnavailable(error, `projection "${this.projection.name}" could not be rebuilt`);
      this.fail(refused);
      throw refused;
    }
  }

  async retry(): Promise<void> {
    await this.stop();
    this.state = 'stopped';
    this.error = null;
    this.storageRefusals = 0;
    await this.start();
  }

  /**
   * Installs the projection; true when its stored model is of another version or incomplete, so the
   * runner can rebuild it together with the others in one pass. A failure makes it `failed`.
   */
  needsRebuild(): boolean {
    try {
      return installProjection(this.db, this.projection, this.now()) === 'rebuild';
    } catch (error) {
      this.fail(asReadModelUnavailable(error, `projection "${this.projection.name}" could not be installed`));
      return false;
    }
  }

  /** Marks the projection as rebuilding with others (the runner's one-pass rebuild); false when it could not. */
  beginSharedRebuild(): boolean {
    try {
      this.setState('rebuilding', null);
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    }
  }

  /** The shared rebuild failed: this projection is failed like after its own rebuild. */
  failSharedRebuild(error: unknown): void {
    this.fail(asReadModelUnavailable(error, `projection "${this.projection.name}" could not be rebuilt`));
  }

  /** Install (or rebuild), then follow in the background. */
  private async launch(): Promise<void> {
    try {
      if (installProjection(this.db, this.projection, this.now()) === 'rebuild') await this.rebuildTables();
    } catch (error) {
      this.fail(asReadModelUnavailable(error, `projection "${this.projection.name}" could not be installed`));
      return;
    }
    this.loop = this.run();
  }

  private scheduleRestart(): void {
    if (this.stopping || this.retryTimer !== null) return;
    const delay = backoffDelay(this.storageRetry, this.storageRefusals);
    this.storageRefusals += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      const restarting = this.restart().finally(() => {
        if (this.restarting === restarting) this.restarting = null;
      });
      this.restarting = restarting;
    }, delay);
  }

  private async restart(): Promise<void> {
    // The failed loop may still be closing its subscription.
    await this.loop;
    if (this.stopping) return;
    this.loop = null;
    await this.launch();
  }

  private async rebuildTables(): Promise<RebuildResult> {
    this.setState('rebuilding', null);
    return rebuildProjection({
      store: this.options.store,
      readModels: this.options.readModels,
      projection: this.projection,
      clock: this.clock,
      batchSize: this.options.batchSize,
      onProgress: this.options.onProgress,
      stateAfter: 'catching_up',
    });
  }

  private async run(): Promise<void> {
    try {
      while (!this.stopping) {
        const checkpoint = this.checkpoint();
        if (checkpoint === null) throw new Error(`projection "${this.projection.name}" has no checkpoint`);
        const reset = await logResetBehind(this.options.store, checkpoint.position);
        if (reset !== null) {
          this.warning = `${reset}; rebuilt from the start of the log at ${this.now()}`;
          await this.rebuildTables();
          continue;
        }
        const lag = await countEvents(this.options.store, checkpoint.position ?? 'start', this.filter);
        if (this.stopping) return;
        this.setState(lag > 0 ? 'catching_up' : 'live', null);
        const meter = new ProgressMeter(this.clock, this.projection.name, 'catching_up', lag, this.options.onProgress);
        const subscription = this.options.store.subscribe({ from: checkpoint.position ?? 'start', filter: this.filter });
        this.subscription = subscription;
        try {
          await this.follow(subscription, checkpoint, meter);
        } catch (error) {
          // A log reset met while following: the next turn finds it and rebuilds.
          if (!isCheckpointMoved(error) && !isInvalidPosition(error)) throw error;
        } finally {
          this.subscription = null;
          await subscription.close();
        }
      }
    } catch (error) {
      this.fail(asReadModelUnavailable(error, `projection "${this.projection.name}" could not apply its events`));
    }
  }

  /**
   * Batches form on their own: during catch-up events arrive without a turn of the event loop and fill
   * the batch; live, the next event is not ready before the loop turns, so what arrived is applied.
   */
  private async follow(subscription: EventSubscription, checkpoint: Checkpoint, meter: ProgressMeter): Promise<void> {
    const batchSize = this.options.batchSize ?? DEFAULT_BATCH_SIZE;
    const iterator = subscription[Symbol.asyncIterator]();
    const writer = this.projection.open(this.db, liveTableNames, 'live');
    let after = checkpoint.position;
    let batch: StoredEvent[] = [];
    const flush = (): void => {
      if (batch.length === 0) return;
      after = applyLiveBatch({
        db: this.db,
        projection: this.projection,
        writer,
        generation: checkpoint.generation,
        after,
        events: batch,
        updatedAt: this.now(),
      }).position;
      this.storageRefusals = 0;
      if (this.state === 'catching_up') meter.add(batch.length);
      batch = [];
    };
    const goLive = (): void => {
      if (this.state === 'catching_up') meter.finish();
      this.setState('live', null);
      this.storageRefusals = 0;
    };

    let pending = iterator.next();
    let idle = idleSignal();
    for (;;) {
      // Live with nothing pending, wait for the next event; otherwise a turn without one means caught up
      // (also when the last catch-up batch happened to be exactly full).
      const pulled: Pulled = batch.length === 0 && this.state === 'live' ? await pending : await Promise.race([pending, idle]);
      if (pulled === IDLE) {
        flush();
        goLive();
        idle = idleSignal();
        continue;
      }
      if (pulled.done) {
        flush();
        return;
      }
      batch.push(pulled.value);
      pending = iterator.next();
      if (batch.length >= batchSize) {
        flush();
        // Let queries and other projections in this process run between batches of a long catch-up.
        await nextTurn();
        idle = idleSignal();
      }
    }
  }

  /**
   * Failed in memory whatever the file says: on a full disk recording the failure is refused like the
   * write that failed, and status, /health and the listener must still see it. Never throws.
   */
  private fail(error: unknown): void {
    const retried = isStorageRefusal(error) && !this.stopping;
    let message = describeFailure(error);
    try {
      if (this.checkpoint() !== null) recordState(this.db, this.projection.name, 'failed', message, this.now());
    } catch (recordFailure) {
      message = `${message}; ${describeFailure(recordFailure)}`;
    }
    if (retried) message = `${message}; retrying until the read models accept writes`;
    if (retried) this.scheduleRestart();
    this.report('failed', message);
  }

  /** Records, then reports; throws READ_MODEL_UNAVAILABLE (state unchanged) when the file refuses the write. */
  private setState(state: ProjectionState, error: string | null): void {
    if (this.state === state && this.error === error) return;
    if (this.checkpoint() !== null) recordState(this.db, this.projection.name, state, error, this.now());
    this.report(state, error);
  }

  private report(state: ProjectionState, error: string | null): void {
    if (this.state === state && this.error === error) return;
    this.state = state;
    this.error = error;
    this.options.onStateChange?.({ projection: this.projection.name, state, error });
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

/**
 * Runs projections live in this process: one catch-up subscription each, from its own checkpoint.
 * Queries read the same file through their own statements and never wait for a runner.
 */
export class ProjectionRunner {
  private readonly workers: ReadonlyMap<string, ProjectionWorker>;
  private readonly clock: Clock;

  constructor(private readonly options: ProjectionRunnerOptions) {
    checkProjections(options.projections);
    this.clock = options.clock;
    const storageRetry = checkBackoffPolicy(options.storageRetry ?? DEFAULT_STORAGE_RETRY);
    this.workers = new Map(
      options.projections.map((projection) => [projection.name, new ProjectionWorker(projection, options, this.clock, storageRetry)]),
    );
  }

  get projections(): readonly Projection[] {
    return this.options.projections;
  }

  /**
   * Installs every projection, rebuilds those whose version changed in one pass over the log (README,
   * Read models: one-pass rebuild), then keeps each one live.
   */
  async start(): Promise<void> {
    const workers = [...this.workers.values()];
    const failedBefore = new Set(workers.filter((worker) => worker.state === 'failed'));
    const stale = workers.filter((worker) => worker.needsRebuild());
    if (stale.length > 1) await this.rebuildTogether(stale);
    // One whose install or shared rebuild failed just now has said why (and retries by itself when storage
    // refused); one failed before this start is started again, as a start always did.
    for (const worker of workers) if (worker.state !== 'failed' || failedBefore.has(worker)) await worker.start();
  }

  private async rebuildTogether(workers: readonly ProjectionWorker[]): Promise<void> {
    const rebuilding = workers.filter((worker) => worker.beginSharedRebuild());
    try {
      await rebuildProjections({
        store: this.options.store,
        readModels: this.options.readModels,
        projections: rebuilding.map((worker) => worker.projection),
        clock: this.clock,
        batchSize: this.options.batchSize,
        onProgress: this.options.onProgress,
        stateAfter: 'catching_up',
      });
    } catch (error) {
      for (const worker of rebuilding) worker.failSharedRebuild(error);
    }
  }

  async stop(): Promise<void> {
    await Promise.all([...this.workers.values()].map((worker) => worker.stop()));
  }

  /** Rebuilds one projection into fresh tables and swaps them in; queries answer from the old ones meanwhile. */
  async rebuild(name: string): Promise<RebuildResult> {
    return this.worker(name).rebuild();
  }

  /** Restarts a failed projection from its checkpoint. */
  async retry(name: string): Promise<void> {
    await this.worker(name).retry();
  }

  async status(): Promise<ProjectionStatus[]> {
    return Promise.all(
      [...this.workers.values()].map((worker) =>
        projectionStatus(this.options.store, this.options.readModels, worker.projection, { state: worker.state, error: worker.error, warning: worker.warning }),
      ),
    );
  }

  /**
   * Resolves once every projection has applied every event it handles up to `position`; rejects with the
   * error of a projection that failed, or after `timeoutMs`.
   */
  async waitForPosition(position: Position, timeoutMs = 10_000): Promise<void> {
    // A timeout, not business time: measured on the monotonic clock, not the injected one.
    const startedAt = process.hrtime.bigint();
    for (;;) {
      const pending: string[] = [];
      for (const worker of this.workers.values()) {
        if (worker.state === 'failed') {
          throw new ProjectionRuntimeException(ProjectionRuntimeExceptionCode.EVOLVE_FAILED, worker.error ?? 'failed', {
            projection: worker.projection.name,
          });
        }
        if (!(await this.reached(worker, position))) pending.push(worker.projection.name);
      }
      if (pending.length === 0) return;
      const waitedMs = Number((process.hrtime.bigint() - startedAt) / 1_000_000n);
      if (waitedMs > timeoutMs) {
        throw new ProjectionRuntimeException(
          ProjectionRuntimeExceptionCode.STOPPED,
          `projections ${pending.join(', ')} did not reach the position within ${timeoutMs} ms`,
          { pending },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private async reached(worker: ProjectionWorker, position: Position): Promise<boolean> {
    const checkpoint = worker.checkpoint();
    if (checkpoint?.position && comparePositions(checkpoint.position, position) >= 0) return true;
    const [next] = await this.options.store.readAll({
      from: checkpoint?.position ?? 'start',
      filter: PROJECTION_READ_FILTER,
      maxCount: 1,
    });
    return checkpoint !== null && (next === undefined || comparePositions(next.position, position) > 0);
  }

  private worker(name: string): ProjectionWorker {
    const worker = this.workers.get(name);
    if (!worker) {
      throw new ProjectionRuntimeException(
        ProjectionRuntimeExceptionCode.UNKNOWN_PROJECTION,
        `no projection "${name}"; known: ${[...this.workers.keys()].join(', ')}`,
        { name, known: [...this.workers.keys()] },
      );
    }
    return worker;
  }
}
