import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '@crm/clock';
import type { EventStore } from '@crm/event-store';
import { ReactorRuntime, type Reactor, type ReactorRuntimeOptions, type ReactorStateChange, type ReactorStatus } from '@crm/reactor-runtime';
import type { RecordCommandHandler } from '@crm/workflow';
import { AssignmentException, AssignmentExceptionCode } from './assignment.exception';
import { leadActivityReactor, type LeadActivityDispatcher } from './reactors/lead-activity.reactor';
import { leadAssignmentReactor, type LeadAssignmentDispatcher } from './reactors/lead-assignment.reactor';
import type { LeadRouter } from './routing/lead-router';

export type LeadAutomationDispatcher = LeadAssignmentDispatcher & LeadActivityDispatcher;

/**
 * `loop`: the reactors follow the log in the background. `manual`: nothing runs until the host asks
 * (`runDue()`): with an injected clock the host drives the automation, as for notifications.
 */
export type LeadAutomationMode = 'loop' | 'manual';

export interface LeadAutomationOptions {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly records: RecordCommandHandler;
  readonly router: LeadRouter;
  readonly mode?: LeadAutomationMode;
  /** Names this process in the reactors' leases. */
  readonly holder?: string;
  readonly reactors?: Pick<ReactorRuntimeOptions<LeadAutomationDispatcher>, 'leaseMs' | 'standbyPollMs' | 'retry'>;
  readonly onReactorStateChange?: (change: ReactorStateChange) => void;
}

const CATCH_UP_TIMEOUT_MS = 30_000;

/** Followed to the end of the log: active with nothing left, or standing by for a holder that has nothing left, or idle. */
const caughtUp = (status: ReactorStatus): boolean =>
  (status.state === 'active' && status.lag === 0) || status.state === 'idle' || (status.state === 'standby' && !status.waitingForLease);

/**
 * The lead automation of one process (README, Assignment rules; Lead pool): the `lead-assignment`
 * reactor (when the rules file has rules) routes leads that enter the pool; the `lead-activity`
 * reactor (when the pool returns leads after a time without activity) restarts that clock on activity.
 * Every API process runs one; the leases make each command happen once.
 */
export class LeadAutomation {
  readonly reactors: ReactorRuntime<LeadAutomationDispatcher>;
  readonly mode: LeadAutomationMode;
  readonly names: readonly string[];

  constructor(options: LeadAutomationOptions) {
    this.mode = options.mode ?? 'loop';
    // Manual runs start when the host first asks, after its first requests: from the start, nothing is missed.
    const startFrom = this.mode === 'manual' ? 'start' : 'end';
    const reactors: Reactor<LeadAutomationDispatcher>[] = [
      ...(options.router.rules.rules.length > 0 ? [leadAssignmentReactor({ startFrom })] : []),
      ...(options.router.rules.pool.returnAfter !== null ? [leadActivityReactor({ startFrom })] : []),
    ];
    this.names = reactors.map((reactor) => reactor.name);
    this.reactors = new ReactorRuntime<LeadAutomationDispatcher>({
      store: options.store,
      clock: options.clock,
      dispatcher: { router: options.router, records: options.records },
      reactors,
      ...(options.holder === undefined ? {} : { holder: options.holder }),
      ...options.reactors,
      onStateChange: options.onReactorStateChange,
    });
  }

  async start(): Promise<void> {
    if (this.mode === 'loop') await this.reactors.start();
  }

  async stop(): Promise<void> {
    await this.reactors.stop();
  }

  /** Manual mode: the reactors follow the log to its end as it is now, then stop. */
  async runDue(): Promise<void> {
    if (this.mode !== 'manual') return;
    await this.reactors.start();
    try {
      await this.untilFollowed();
    } finally {
      await this.reactors.stop();
    }
  }

  /** Resolves once every reactor has followed the log to its end (here, or in the process holding its lease). */
  async untilFollowed(timeoutMs = CATCH_UP_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const statuses = await this.reactors.status();
      if (statuses.every(caughtUp)) return;
      const failed = statuses.find((status) => status.state === 'failed');
      if (failed !== undefined || Date.now() > deadline) {
        throw new AssignmentException(
          AssignmentExceptionCode.REACTORS_BEHIND,
          failed === undefined ? `the lead reactors did not follow the log to its end within ${timeoutMs} ms` : `reactor ${failed.reactor} failed: ${failed.lastError ?? 'unknown error'}`,
          { reactors: statuses.map(({ reactor, state, lag, lastError }) => ({ reactor, state, lag, lastError })) },
        );
      }
      await sleep(5);
    }
  }

  status(): Promise<ReactorStatus[]> {
    return this.reactors.status();
  }
}
