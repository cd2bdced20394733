import type { Clock } from '@crm/clock';
import { backoffDelay, checkBackoffPolicy, type BackoffPolicy } from '@crm/event-store';
import { classifyFailure, type DispatchFailure } from '@crm/reactor-runtime';
import { fireTimerCommandId, TIMER_ACTOR, type FireTimer, type RecordCommandResult } from '@crm/workflow';
import { fireInLanes } from './timer-lanes';

/** A pending timer as the scheduler needs it: whose, which setting, when, and what set it. */
export interface PendingTimer {
  readonly kind: string;
  readonly recordId: string;
  readonly timerId: string;
  readonly dueAt: string;
  /** The id of the TimerScheduled that set it: the firing's cause. */
  readonly scheduledBy?: string;
  readonly correlationId?: string | null;
}

/** Where the last page ended: the pending timers after it come next. */
export type PendingTimerCursor = Pick<PendingTimer, 'dueAt' | 'timerId' | 'kind' | 'recordId'>;

/** Where the scheduler learns what is pending: the timers read model (`pendingTimersIn` of `@crm/projections`). */
export interface PendingTimers {
  /** Due at `at` or before, in due order (due time, timer id, record), at most `limit`, after `cursor`. */
  due(at: string, limit: number, cursor?: PendingTimerCursor): readonly PendingTimer[];
  /** The first due time after `at`, or null. */
  nextDueAfter(at: string): string | null;
  backlog(at: string): { readonly due: number; readonly oldestDueAt: string | null };
}

/** The one write path; `RecordCommandHandler` is one. */
export interface TimerCommands {
  execute(command: FireTimer): Promise<RecordCommandResult>;
}

/** What the scheduler tells its host's log: a timer the domain refused, a wait before trying again. */
export type TimerNotice =
  | { readonly kind: 'refused'; readonly timer: PendingTimer; readonly code: string | null; readonly reason: string }
  | { readonly kind: 'retrying'; readonly reason: string; readonly delayMs: number };

export interface TimerSchedulerOptions {
  readonly commands: TimerCommands;
  readonly timers: PendingTimers;
  readonly clock: Clock;
  /** Records fired at once (each record's timers one after another); default 64. */
  readonly concurrency?: number;
  /** Due timers read per query; default 1,000. */
  readonly pageSize?: number;
  /** The longest wait between looks at the read model, for timers set meanwhile; default 1,000 ms. */
  readonly pollIntervalMs?: number;
  /** Waits before trying again after the store or the read model failed; default 100 ms doubling to 5 s. */
  readonly retry?: BackoffPolicy;
  readonly onNotice?: (notice: TimerNotice) => void;
}

/** `manual`: no loop; whoever moves the clock calls `runDue()`. `retrying`: waiting after a failure. */
export type TimerSchedulerState = 'stopped' | 'running' | 'retrying' | 'manual';

export interface TimerSchedulerStatus {
  readonly state: TimerSchedulerState;
  /** Timers due now as the read model has them (fired ones stay until it has followed their TimerFired); null when it cannot answer. */
  readonly due: number | null;
  readonly oldestDueAt: string | null;
  /** FireTimer commands answered with the timer's events since the scheduler was made. */
  readonly fired: number;
  /** Timers the domain refused to fire, set aside until the process restarts. */
  readonly refused: number;
  /** Timers handled that the read model still lists: not sent again. */
  readonly remembered: number;
  /** `CODE: message` of the last failure (store, read model), null if none. */
  readonly lastError: string | null;
}

/** One pass over every timer due at its start. */
export interface TimerRun {
  readonly at: string;
  /** Answered with the timer's events: fired now, or earlier (the same command id answers the same). */
  readonly fired: number;
  /** Answered with nothing: the timer was no longer pending (cancelled when its stage was left). */
  readonly unchanged: number;
  /** Refused by the domain now; told, and set aside. */
  readonly refused: number;
  /** The first failure worth another try (store unavailable, a record that kept changing); null if none. */
  readonly failure: DispatchFailure | null;
}

const DEFAULT_RETRY: BackoffPolicy = { initialMs: 100, maxMs: 5_000 };

const fireTimerFor = (timer: PendingTimer): FireTimer => ({
  type: 'FireTimer',
  kind: timer.kind,
  recordId: timer.recordId,
  timerId: timer.timerId,
  commandId: fireTimerCommandId(timer.timerId),
  actor: TIMER_ACTOR,
  origin: { via: 'scheduler' },
  ...(timer.scheduledBy === undefined ? {} : { causationId: timer.scheduledBy }),
  ...(timer.correlationId === undefined || timer.correlationId === null ? {} : { correlationId: timer.correlationId }),
});

const reasonOf = (error: unknown): string => classifyFailure(error).message;

/**
 * Fires due timers as commands of `system:timer` through the one write path, so every guard judges them
 * as any user's command (README, "Timers"). Exactly once comes from the command id, derived from the timer
 * id: a second attempt — after a crash, from another process, or because the read model had not yet
 * followed the first — is answered with the first result and stores nothing.
 *
 * A run reads every timer due at its start, page by page in due order, and fires them with records in
 * parallel and each record's timers in due order. The loop then waits until the next due time, at most
 * `pollIntervalMs` (timers set meanwhile are seen then), or backs off after a failure.
 */
export class TimerScheduler {
  private state: TimerSchedulerState = 'stopped';
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;
  /** One run at a time: the loop's and any caller's. */
  private running: Promise<unknown> = Promise.resolve();
  /** Handled timers the read model still lists; forgotten once a run no longer sees them. */
  private readonly remembered = new Set<string>();
  /** Refused by the domain: told once, not tried again by this process. */
  private readonly setAside = new Set<string>();
  private fired = 0;
  private lastError: string | null = null;
  private readonly concurrency: number;
  private readonly pageSize: number;
  private readonly pollIntervalMs: number;
  private readonly retry: BackoffPolicy;

  constructor(private readonly options: TimerSchedulerOptions) {
    this.concurrency = positive('concurrency', options.concurrency ?? 64);
    this.pageSize = positive('pageSize', options.pageSize ?? 1_000);
    this.pollIntervalMs = positive('pollIntervalMs', options.pollIntervalMs ?? 1_000);
    this.retry = checkBackoffPolicy(options.retry ?? DEFAULT_RETRY);
  }

  /** Fires every timer due now; resolves when each was answered, refused, or left for a retry. */
  runDue(): Promise<TimerRun> {
    const run = this.running.then(() => this.fireDue());
    this.running = run.catch(() => undefined);
    return run;
  }

  /** Starts the loop in the background; it never rejects (failures are retried and shown in `status`). */
  start(): void {
    if (this.loop !== null) return;
    this.stopping = false;
    this.state = 'running';
    this.loop = this.follow();
  }

  /** Without a loop: the clock's owner calls `runDue()` (a test's manual clock). */
  manual(): void {
    if (this.loop === null) this.state = 'manual';
  }

  /** Ends the loop after the command under way; nothing is left half-done (each command is atomic). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    await this.running;
    this.loop = null;
    this.state = 'stopped';
  }

  status(): TimerSchedulerStatus {
    const counts = { state: this.state, fired: this.fired, refused: this.setAside.size, remembered: this.remembered.size };
    try {
      const { due, oldestDueAt } = this.options.timers.backlog(this.now());
      return { ...counts, due, oldestDueAt, lastError: this.lastError };
    } catch (error) {
      return { ...counts, due: null, oldestDueAt: null, lastError: reasonOf(error) };
    }
  }

  private async follow(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      let delayMs: number;
      try {
        const run = await this.runDue();
        if (run.failure === null) {
          failures = 0;
          this.state = 'running';
          delayMs = this.untilNextDue(run.at);
        } else {
          delayMs = this.backOff(run.failure.message, failures);
          failures += 1;
        }
      } catch (error) {
        // The read model could not be asked (not built yet, locked, unreadable).
        delayMs = this.backOff(reasonOf(error), failures);
        failures += 1;
      }
      await this.sleep(delayMs);
    }
  }

  private backOff(reason: string, failures: number): number {
    const delayMs = backoffDelay(this.retry, failures);
    this.lastError = reason;
    this.state = 'retrying';
    this.options.onNotice?.({ kind: 'retrying', reason, delayMs });
    return delayMs;
  }

  private untilNextDue(after: string): number {
    const next = this.options.timers.nextDueAfter(after);
    const untilThen = next === null ? Number.POSITIVE_INFINITY : Date.parse(next) - this.options.clock.now().getTime();
    return Math.max(0, Math.min(this.pollIntervalMs, untilThen));
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }

  private async fireDue(): Promise<TimerRun> {
    const at = this.now();
    const seen = new Set<string>();
    const tally = { fired: 0, unchanged: 0, refused: 0 };
    let failure: DispatchFailure | null = null;
    let cursor: PendingTimerCursor | undefined;
    let passed = false;
    const nextPage = (): PendingTimer[] | null => {
      if (passed || this.stopping) return null;
      const page = this.options.timers.due(at, this.pageSize, cursor);
      for (const timer of page) seen.add(timer.timerId);
      cursor = page[page.length - 1] ?? cursor;
      passed = page.length < this.pageSize;
      return page.filter((timer) => !this.remembered.has(timer.timerId) && !this.setAside.has(timer.timerId));
    };
    await fireInLanes(nextPage, this.concurrency, async (timer) => {
      if (this.stopping) return false;
      const outcome = await this.fire(timer);
      if (outcome === 'fired' || outcome === 'unchanged') {
        tally[outcome] += 1;
        this.remembered.add(timer.timerId);
        return true;
      }
      if (outcome.kind === 'refused') {
        tally.refused += 1;
        this.setAside.add(timer.timerId);
        this.options.onNotice?.({ kind: 'refused', timer, code: outcome.code, reason: outcome.message });
        return true;
      }
      // Worth another try: this record's later timers wait for the next run with it.
      failure ??= outcome;
      return false;
    });
    // A whole pass that no longer sees a timer means the read model has followed its end: forget it.
    if (passed && !this.stopping) {
      for (const timerId of this.remembered) if (!seen.has(timerId)) this.remembered.delete(timerId);
      for (const timerId of this.setAside) if (!seen.has(timerId)) this.setAside.delete(timerId);
    }
    this.fired += tally.fired;
    return { at, ...tally, failure };
  }

  private async fire(timer: PendingTimer): Promise<'fired' | 'unchanged' | DispatchFailure> {
    try {
      const result = await this.options.commands.execute(fireTimerFor(timer));
      return result.events.length > 0 ? 'fired' : 'unchanged';
    } catch (error) {
      return classifyFailure(error);
    }
  }

  private now(): string {
    return this.options.clock.now().toISOString();
  }
}

const positive = (name: string, value: number): number => {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number, not ${value}`);
  return value;
};
