import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '@crm/clock';
import type { EventStore } from '@crm/event-store';
import { ReactorRuntime, type ReactorRuntimeOptions, type ReactorStateChange, type ReactorStatus } from '@crm/reactor-runtime';
import { leadScoringReactor, type ScoringDispatcher } from './lead-scoring.reactor';

/**
 * `loop`: the reactor follows the log in the background (`npm start`). `manual`: it runs only when the
 * host asks (`runReactors()`): with an injected clock the host drives the automation, so what it sees
 * between two of its requests is what they did.
 */
export type ScoringReactorsMode = 'loop' | 'manual';

export interface LeadScoringReactorsOptions {
  readonly store: EventStore;
  readonly commands: ScoringDispatcher;
  readonly clock: Clock;
  /** Default `loop`. */
  readonly mode?: ScoringReactorsMode;
  readonly holder?: string;
  readonly reactors?: Pick<ReactorRuntimeOptions<ScoringDispatcher>, 'leaseMs' | 'standbyPollMs' | 'retry'>;
  readonly onStateChange?: (change: ReactorStateChange) => void;
}

/** How long `runReactors` waits for the reactor to follow the log to its end. */
const CATCH_UP_TIMEOUT_MS = 30_000;

/** Followed to the end of the log: active with nothing left, or standing by for a holder that has nothing left, or idle. */
const caughtUp = (status: ReactorStatus): boolean =>
  (status.state === 'active' && status.lag === 0) || status.state === 'idle' || (status.state === 'standby' && !status.waitingForLease);

/**
 * The `lead-scoring` reactor as a process runs it (README, Reactors): every API process runs one; the
 * lease in `_reactor-lead-scoring` makes one of them active, and the derived command ids store each
 * threshold's transition once.
 */
export class LeadScoringReactors {
  readonly runtime: ReactorRuntime<ScoringDispatcher>;
  readonly mode: ScoringReactorsMode;

  constructor(options: LeadScoringReactorsOptions) {
    this.mode = options.mode ?? 'loop';
    this.runtime = new ReactorRuntime<ScoringDispatcher>({
      store: options.store,
      clock: options.clock,
      dispatcher: options.commands,
      reactors: [leadScoringReactor()],
      ...(options.holder === undefined ? {} : { holder: options.holder }),
      ...options.reactors,
      ...(options.onStateChange === undefined ? {} : { onStateChange: options.onStateChange }),
    });
  }

  /** `loop`: starts following the log in the background; `manual`: nothing until `runReactors()`. */
  async start(): Promise<void> {
    if (this.mode === 'loop') await this.runtime.start();
  }

  /** Manual mode: the reactor follows the log to its end as it is now (another process's turn included), then stops. */
  async runReactors(): Promise<void> {
    if (this.mode !== 'manual') return;
    await this.runtime.start();
    try {
      await this.untilFollowed();
    } finally {
      await this.runtime.stop();
    }
  }

  /** Resolves once the reactor has followed the log to its end (here, or in the process holding its lease). */
  async untilFollowed(timeoutMs = CATCH_UP_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const statuses = await this.runtime.status();
      if (statuses.every(caughtUp)) return;
      if (Date.now() > deadline) {
        throw new Error(`the lead-scoring reactor did not follow the log to its end within ${timeoutMs} ms: ${JSON.stringify(statuses.map(({ state, lag, lastError }) => ({ state, lag, lastError })))}`);
      }
      await sleep(5);
    }
  }

  status(): Promise<ReactorStatus[]> {
    return this.runtime.status();
  }

  /** Stops after the batch in hand and releases the lease. */
  async stop(): Promise<void> {
    await this.runtime.stop();
  }
}
