import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { comparePositions, type EventStore, type Position } from '@crm/event-store';
import {
  PROJECTION_READ_FILTER,
  projectionStatus,
  ProjectionRuntimeException,
  ProjectionRuntimeExceptionCode,
  readCheckpoint,
  type Projection,
  type ProjectionState,
  type ProjectionStatus,
  type ReadModelDatabase,
  type RebuildResult,
} from '@crm/projection-runtime';
import type { AutomationLog } from './api-automation';
import type { BackgroundAnswers, BackgroundData, BackgroundRequest, BackgroundSettings, CarriedError, FromBackground, ToBackground } from './background-protocol';
import type { LiveProjections } from './live-projections';

const workerFile = 'background.worker';

/**
 * Loads the entry the way the process itself was loaded: the built app's JavaScript with its aliases,
 * or, from the sources (tests, the bench), every TypeScript file compiled by SWC as it is required,
 * with the `@crm/*` aliases of tsconfig.base.json (the bench's register-typescript.js does the same).
 */
const bootstrap = `
const { workerData } = require('node:worker_threads');
const load = workerData.load;
if (load.kind === 'compiled') {
  require(load.registerAliases);
} else {
  const fs = require('node:fs');
  const path = require('node:path');
  const Module = require('node:module');
  const { transformSync } = require(load.swcCore);
  const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(load.repositoryRoot, 'tsconfig.base.json'), 'utf8'));
  const aliases = new Map(Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, path.resolve(load.repositoryRoot, target)]));
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function resolveAlias(request, ...rest) {
    return resolveFilename.call(this, aliases.get(request) ?? request, ...rest);
  };
  const options = {
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
    module: { type: 'commonjs' },
  };
  require.extensions['.ts'] = (module, filename) => module._compile(transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename }).code, filename);
}
require(load.entry);
`;

const backgroundData = (settings: BackgroundSettings): BackgroundData => {
  if (!__filename.endsWith('.ts')) {
    return { settings, load: { kind: 'compiled', entry: join(__dirname, `${workerFile}.js`), registerAliases: join(__dirname, '..', 'register-aliases.js') } };
  }
  const repositoryRoot = resolve(__dirname, '..', '..', '..', '..');
  return { settings, load: { kind: 'sources', entry: join(__dirname, `${workerFile}.ts`), repositoryRoot, swcCore: require.resolve('@swc/core') } };
};

const raised = (error: CarriedError): Error => {
  if (error.name === 'ProjectionRuntimeException' && error.code !== undefined) {
    return new ProjectionRuntimeException(error.code as ProjectionRuntimeExceptionCode, error.message, error.details ?? {});
  }
  const plain = new Error(error.message);
  plain.name = error.name;
  return plain;
};

interface ReadingParts {
  readonly store: EventStore;
  readonly readModels: ReadModelDatabase;
  readonly projections: readonly Projection[];
}

interface Waiting {
  readonly settle: (value: unknown) => void;
  readonly fail: (error: Error) => void;
}

/** How often a read-your-writes wait looks at the checkpoints the worker writes. */
const WAIT_POLL_MS = 5;

/**
 * The request thread's side of the background worker: starts it, answers for the projections it runs
 * (status and rebuilds from the worker; read-your-writes waits from the checkpoints in the shared
 * read-model file), and stops it.
 */
export class BackgroundWorker implements LiveProjections {
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  /** Each projection's state as the worker last reported it; a failed one fails the waits at once. */
  private readonly states = new Map<string, { readonly state: ProjectionState; readonly error: string | null }>();
  /** Why the worker is gone, once it is. */
  private lost: string | null = null;
  private stopped: Promise<CarriedError | null> | null = null;
  private onStopped: ((error: CarriedError | null) => void) | null = null;
  private exited = false;

  /** Settles with the worker's first word after `open`: ready, or why it could not start. */
  private readonly ready: Promise<void>;
  private opened = false;

  /** The request thread's own connections, for waits and for the status once the worker is gone; given at `open`. */
  private reading: ReadingParts | null = null;

  private constructor(
    private readonly worker: Worker,
    private readonly log: AutomationLog,
  ) {
    this.ready = new Promise<void>((ready, fail) => {
      worker.on('message', (message: FromBackground) => {
        if (message.kind === 'ready') ready();
        else if (message.kind === 'start-failed') fail(raised(message.error));
        else this.receive(message);
      });
      worker.on('error', (error) => {
        this.lose(`it failed: ${error.message}`);
        fail(error);
      });
      worker.on('exit', (code) => {
        this.exited = true;
        this.lose(`it exited with code ${code}`);
        fail(new Error(`the API's background worker exited with code ${code} before it started`));
      });
    });
    // Awaited by `open`; a start that fails before anyone asks is not an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  /**
   * Starts the thread, which loads its code meanwhile; `open` then opens its store and read-model
   * connections. The read models must exist (opened here) before it is opened.
   */
  static spawn(settings: BackgroundSettings, log: AutomationLog): BackgroundWorker {
    return new BackgroundWorker(new Worker(bootstrap, { eval: true, workerData: backgroundData(settings) }), log);
  }

  /** Resolves once the worker has installed the read models and started following the log; rejects with why it could not. */
  async open(reading: ReadingParts): Promise<void> {
    this.reading = reading;
    if (!this.opened) {
      this.opened = true;
      this.worker.postMessage({ kind: 'open' } satisfies ToBackground);
    }
    await this.ready;
  }

  private bound(): ReadingParts {
    if (this.reading === null) throw new ProjectionRuntimeException(ProjectionRuntimeExceptionCode.STOPPED, 'the background worker is not open yet');
    return this.reading;
  }

  /** Whether the thread is still there (it ends after `stop`, or when it fails). */
  get running(): boolean {
    return !this.exited;
  }

  private receive(message: FromBackground): void {
    if (message.kind === 'log') this.log(message.level, message.context, message.message);
    else if (message.kind === 'projection-state') this.states.set(message.change.projection, { state: message.change.state, error: message.change.error });
    else if (message.kind === 'answer' || message.kind === 'refused') {
      const waiting = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.kind === 'answer') waiting?.settle(message.value);
      else waiting?.fail(raised(message.error));
    } else if (message.kind === 'stopped') this.onStopped?.(message.error);
  }

  private lose(reason: string): void {
    if (this.lost !== null) return;
    this.lost = `the API's background worker (the live projections) stopped: ${reason}`;
    // Expected after a stop; otherwise every read model has stopped following the log.
    if (this.stopped === null) this.log('error', 'Background', this.lost);
    for (const waiting of this.waiting.values()) waiting.fail(new ProjectionRuntimeException(ProjectionRuntimeExceptionCode.STOPPED, this.lost));
    this.waiting.clear();
    this.onStopped?.({ name: 'Error', message: this.lost });
  }

  private ask<Op extends BackgroundRequest['op']>(request: Extract<BackgroundRequest, { op: Op }>): Promise<BackgroundAnswers[Op]> {
    if (this.lost !== null) return Promise.reject(new ProjectionRuntimeException(ProjectionRuntimeExceptionCode.STOPPED, this.lost));
    const id = this.nextId;
    this.nextId += 1;
    return new Promise((settle, fail) => {
      this.waiting.set(id, { settle: settle as (value: unknown) => void, fail });
      this.worker.postMessage({ kind: 'request', id, request } satisfies ToBackground);
    });
  }

  async status(): Promise<ProjectionStatus[]> {
    // Gone: what the file says, each projection failed with the reason (for /health).
    if (this.lost !== null) {
      const lost = this.lost;
      const { store, readModels, projections } = this.bound();
      return Promise.all(projections.map((projection) => projectionStatus(store, readModels, projection, { state: 'failed', error: lost })));
    }
    return this.ask({ op: 'status' });
  }

  async rebuild(name: string): Promise<RebuildResult> {
    return this.ask({ op: 'rebuild', name });
  }

  /**
   * Resolves once every projection has applied every event it handles up to `position` (its checkpoint
   * in the read-model file says so); rejects with the error of a projection that failed, or after `timeoutMs`.
   */
  async waitForPosition(position: Position, timeoutMs = 10_000): Promise<void> {
    // A timeout, not business time: measured on the monotonic clock.
    const startedAt = process.hrtime.bigint();
    for (;;) {
      if (this.lost !== null) throw new ProjectionRuntimeException(ProjectionRuntimeExceptionCode.STOPPED, this.lost);
      const pending: string[] = [];
      for (const projection of this.bound().projections) {
        const known = this.states.get(projection.name);
        if (known?.state === 'failed') {
          throw new ProjectionRuntimeException(ProjectionRuntimeExceptionCode.EVOLVE_FAILED, known.error ?? 'failed', { projection: projection.name });
        }
        if (!(await this.reached(projection, position))) pending.push(projection.name);
      }
      if (pending.length === 0) return;
      const waitedMs = Number((process.hrtime.bigint() - startedAt) / 1_000_000n);
      if (waitedMs > timeoutMs) {
        throw new ProjectionRuntimeException(ProjectionRuntimeExceptionCode.STOPPED, `projections ${pending.join(', ')} did not reach the position within ${timeoutMs} ms`, { pending });
      }
      await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
    }
  }

  /** As the runner judges it: the checkpoint is there, or no event it reads lies between it and the position. */
  private async reached(projection: Projection, position: Position): Promise<boolean> {
    const { store, readModels } = this.bound();
    const checkpoint = readCheckpoint(readModels.db, projection.name);
    if (checkpoint?.position && comparePositions(checkpoint.position, position) >= 0) return true;
    const [next] = await store.readAll({ from: checkpoint?.position ?? 'start', filter: PROJECTION_READ_FILTER, maxCount: 1 });
    return checkpoint !== null && (next === undefined || comparePositions(next.position, position) > 0);
  }

  /** Stops the worker's runners; resolves once their batches under way are stored and the thread has ended. */
  async stop(): Promise<void> {
    this.stopped ??= new Promise<CarriedError | null>((done) => {
      this.onStopped = done;
      if (this.lost !== null || !this.opened) done(null);
      else this.worker.postMessage({ kind: 'stop' } satisfies ToBackground);
    });
    const error = await this.stopped;
    await this.worker.terminate();
    if (error !== null && this.lost === null) throw raised(error);
  }
}
