import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '@crm/clock';
import { checkBackoffPolicy, type BackoffPolicy, type EventStore } from '@crm/event-store';
import type { Reactor } from './reactor';
import { ReactorRuntimeException, ReactorRuntimeExceptionCode } from './reactor-runtime.exception';
import type { ReactorStatus } from './reactor-status';
import { ReactorWorker, type DispatchRetry, type ReactorStateChange } from './reactor-worker';

export interface ReactorRuntimeOptions<Dispatcher> {
  readonly store: EventStore;
  /** What the reactors' commands are sent through (for records, the `RecordCommandHandler`). */
  readonly dispatcher: Dispatcher;
  readonly reactors: readonly Reactor<Dispatcher>[];
  /** Lease times are read from it. */
  readonly clock: Clock;
  /** Names this instance in the leases; unique per process. Default `<host>:<pid>:<random>`. */
  readonly holder?: string;
  /** How long a lease lasts after each checkpoint; an instance that died is replaced after this. Default 10 s. */
  readonly leaseMs?: number;
  /** How often an instance that does not hold a lease looks at it again (wall time). Default 1 s. */
  readonly standbyPollMs?: number;
  /** Most events handled between two checkpoints (their commands go out together); default 1,000. */
  readonly batchSize?: number;
  /** Events without commands after which the checkpoint still moves; default 1,000. */
  readonly checkpointEvery?: number;
  /** Default: 5 attempts, 50 ms doubling to 5 s. */
  readonly retry?: DispatchRetry;
  /** The wait before following again after the store failed the runtime; default 100 ms doubling to 5 s. */
  readonly restartBackoff?: BackoffPolicy;
  /** Called on every change of a reactor's state in this instance; it must not throw. */
  readonly onStateChange?: (change: ReactorStateChange) => void;
}

const DEFAULT_RETRY: DispatchRetry = { maxAttempts: 5, backoff: { initialMs: 50, maxMs: 5_000 } };
const DEFAULT_RESTART_BACKOFF: BackoffPolicy = { initialMs: 100, maxMs: 5_000 };

const invalidOption = (message: string, details: Record<string, unknown>): ReactorRuntimeException =>
  new ReactorRuntimeException(ReactorRuntimeExceptionCode.INVALID_OPTIONS, message, details);

const wholeAtLeast = (name: string, value: number, minimum: number): number => {
  if (!Number.isSafeInteger(value) || value < minimum) throw invalidOption(`${name} must be a whole number ≥ ${minimum}, not ${value}`, { [name]: value });
  return value;
};

const checkNames = (reactors: readonly Reactor<unknown>[]): void => {
  const seen = new Set<string>();
  for (const { name } of reactors) {
    if (seen.has(name)) throw new ReactorRuntimeException(ReactorRuntimeExceptionCode.INVALID_REACTOR, `two reactors are named "${name}"`, { reactor: name });
    seen.add(name);
  }
};

/**
 * Runs reactors in this process (README, Architecture, Reactors). Every API process may run the same
 * reactors: per reactor, the instance holding the lease in the reactor's stream is active and the
 * others stand by, ready to take over once the lease expires.
 */
export class ReactorRuntime<Dispatcher> {
  readonly holder: string;
  private readonly workers: ReadonlyMap<string, ReactorWorker<Dispatcher>>;

  constructor(options: ReactorRuntimeOptions<Dispatcher>) {
    checkNames(options.reactors);
    const leaseMs = wholeAtLeast('leaseMs', options.leaseMs ?? 10_000, 1);
    const standbyPollMs = wholeAtLeast('standbyPollMs', options.standbyPollMs ?? 1_000, 1);
    // A standby that looked less often than leases last would leave a dead holder's work waiting longer than the lease says.
    if (standbyPollMs > leaseMs) throw invalidOption(`standbyPollMs (${standbyPollMs}) must not exceed leaseMs (${leaseMs})`, { standbyPollMs, leaseMs });
    const retry = options.retry ?? DEFAULT_RETRY;
    wholeAtLeast('retry.maxAttempts', retry.maxAttempts, 1);
    checkBackoffPolicy(retry.backoff);
    this.holder = options.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const settings = {
      store: options.store,
      dispatcher: options.dispatcher,
      clock: options.clock,
      holder: this.holder,
      leaseMs,
      standbyPollMs,
      batchSize: wholeAtLeast('batchSize', options.batchSize ?? 1_000, 1),
      checkpointEvery: wholeAtLeast('checkpointEvery', options.checkpointEvery ?? 1_000, 1),
      retry,
      restartBackoff: checkBackoffPolicy(options.restartBackoff ?? DEFAULT_RESTART_BACKOFF),
      onStateChange: options.onStateChange,
    };
    this.workers = new Map(options.reactors.map((reactor) => [reactor.name, new ReactorWorker(reactor, settings)]));
  }

  /** Starts every reactor in the background: each stands by or takes its lease on its own. */
  async start(): Promise<void> {
    for (const worker of this.workers.values()) worker.start();
  }

  /** Stops every reactor after the batch in hand and releases the leases this instance holds. */
  async stop(): Promise<void> {
    await Promise.all([...this.workers.values()].map((worker) => worker.stop()));
  }

  /** Starts a failed reactor again from its checkpoint. */
  async retry(name: string): Promise<void> {
    await this.worker(name).retry();
  }

  async status(): Promise<ReactorStatus[]> {
    return Promise.all([...this.workers.values()].map((worker) => worker.status()));
  }

  private worker(name: string): ReactorWorker<Dispatcher> {
    const worker = this.workers.get(name);
    if (worker === undefined) {
      throw new ReactorRuntimeException(ReactorRuntimeExceptionCode.UNKNOWN_REACTOR, `no reactor "${name}"; known: ${[...this.workers.keys()].join(', ')}`, {
        reactor: name,
        known: [...this.workers.keys()],
      });
    }
    return worker;
  }
}
