import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '@crm/clock';
import { newCommandId } from '@crm/command-handler';
import {
  backoffDelay,
  EventStoreException,
  EventStoreExceptionCode,
  serializePosition,
  type BackoffPolicy,
  type EventStore,
  type EventSubscription,
  type Position,
  type StoredEvent,
} from '@crm/event-store';
import { classifyFailure } from './dispatch-failure';
import { commandsFor, handles, type PlannedCommand, type Reactor } from './reactor';
import { ReactorRuntimeException, ReactorRuntimeExceptionCode } from './reactor-runtime.exception';
import { countLag, type ReactorState, type ReactorStatus } from './reactor-status';
import {
  checkpointedEvent,
  isBookkeeping,
  leaseAfter,
  leaseOf,
  NO_LEASE,
  reactorStream,
  readLastEvent,
  refusedEvent,
  renewalDue,
  standingOf,
  type Lease,
  type Refusal,
} from './reactor-stream';
import { readyBatches } from './ready-batches';

export interface DispatchRetry {
  /** Attempts of a command that keeps conflicting before it is recorded as refused; an unavailable store is waited out. */
  readonly maxAttempts: number;
  readonly backoff: BackoffPolicy;
}

export interface ReactorStateChange {
  readonly reactor: string;
  readonly state: ReactorState;
  readonly error: string | null;
}

export interface WorkerSettings<Dispatcher> {
  readonly store: EventStore;
  readonly dispatcher: Dispatcher;
  readonly clock: Clock;
  readonly holder: string;
  readonly leaseMs: number;
  readonly standbyPollMs: number;
  readonly batchSize: number;
  readonly checkpointEvery: number;
  readonly retry: DispatchRetry;
  readonly restartBackoff: BackoffPolicy;
  readonly onStateChange?: (change: ReactorStateChange) => void;
}

const isWrongExpectedRevision = (error: unknown): boolean =>
  error instanceof EventStoreException && error.code === EventStoreExceptionCode.WRONG_EXPECTED_REVISION;

const stopped = (reactor: string): ReactorRuntimeException =>
  new ReactorRuntimeException(ReactorRuntimeExceptionCode.STOPPED, `reactor "${reactor}" was stopped`, { reactor });

/** A checkpoint append under way, settled: whether this instance still held the lease, or why it failed. */
type PendingCheckpoint = Promise<{ readonly held: boolean } | { readonly error: unknown }>;

const HELD: PendingCheckpoint = Promise.resolve({ held: true });

const serialized = (position: Position | null): string | null => (position === null ? null : serializePosition(position));

/**
 * Runs one reactor in this process: stands by while another instance holds its lease, takes the lease when
 * it is free or has lapsed and there is work, then follows the log from the checkpoint in batches. Nothing
 * it runs in the background rejects: every failure becomes `failed` with the error in the status.
 */
export class ReactorWorker<Dispatcher> {
  state: ReactorState = 'stopped';
  private lastError: string | null = null;
  private lastErrorAt: string | null = null;
  private waitingForLease = false;
  private commandsSent = 0;
  private commandsRefused = 0;
  /** The lease as this loop last appended or read it; only the loop changes it, so its appends expect the right revision. */
  private lease: Lease = NO_LEASE;
  /** While active: every command of every event up to here was acknowledged. */
  private processedThrough: Position | null = null;
  /** Events (bookkeeping aside) handled since the last checkpoint append that sent nothing. */
  private unrecorded = 0;
  /** Consecutive failures of the store the loop restarted after; the backoff grows with them. */
  private outages = 0;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private pauses = new AbortController();
  private subscription: EventSubscription | null = null;

  constructor(
    readonly reactor: Reactor<Dispatcher>,
    private readonly settings: WorkerSettings<Dispatcher>,
  ) {}

  private get stream(): string {
    return reactorStream(this.reactor.name);
  }

  start(): void {
    if (this.loop !== null) return;
    this.stopping = false;
    this.pauses = new AbortController();
    this.loop = this.run();
  }

  /** Ends the loop after the batch in hand, then releases the lease so another instance need not wait for it to expire. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.pauses.abort();
    await this.subscription?.close();
    await this.loop;
    this.loop = null;
    if (this.lease.holder === this.settings.holder && this.state !== 'failed') await this.release();
    if (this.state !== 'failed') this.setState('stopped');
  }

  async retry(): Promise<void> {
    await this.stop();
    this.setState('stopped');
    this.start();
  }

  async status(): Promise<ReactorStatus> {
    // Read apart from the loop's own view: a lease another instance took must never become the revision this loop appends at.
    const last = await readLastEvent(this.settings.store, this.stream, this.lease.revision);
    const stored = last === null ? NO_LEASE : leaseOf(last);
    const active = this.state === 'active';
    return {
      reactor: this.reactor.name,
      state: this.state,
      holder: stored.holder,
      leaseUntil: stored.leaseUntil?.toISOString() ?? null,
      checkpoint: serialized(stored.position),
      processedThrough: active ? serialized(this.processedThrough) : null,
      lag: await countLag(this.settings.store, active ? this.processedThrough : stored.position),
      waitingForLease: this.waitingForLease,
      commandsSent: this.commandsSent,
      commandsRefused: this.commandsRefused,
      lastError: this.lastError,
      lastErrorAt: this.lastErrorAt,
    };
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        if (await this.takeLeaseIfDue()) {
          this.setState('active');
          await this.follow();
        }
      } catch (error) {
        if (this.stopping) return;
        const failure = classifyFailure(error);
        if (failure.kind !== 'retry') {
          this.fail(failure.message);
          return;
        }
        this.fail(`${failure.message}; retrying from the checkpoint`);
        await this.pause(backoffDelay(this.settings.restartBackoff, this.outages));
        this.outages += 1;
      }
    }
  }

  /** True when this instance now holds the lease; otherwise it has stood by for one poll interval. */
  private async takeLeaseIfDue(): Promise<boolean> {
    const last = await readLastEvent(this.settings.store, this.stream, this.lease.revision);
    this.lease = last === null ? NO_LEASE : leaseOf(last);
    const now = this.settings.clock.now();
    const standing = standingOf(this.lease, this.settings.holder, now);
    const work = standing === 'held' || standing === 'lapsed' ? await this.workAfter(this.lease.position) : false;
    if (standing === 'held' || (standing === 'lapsed' && !work)) {
      this.waitingForLease = standing === 'held' && work;
      this.setState(standing === 'held' ? 'standby' : 'idle');
      await this.pause(this.settings.standbyPollMs);
      return false;
    }
    this.waitingForLease = false;
    const position = standing === 'unclaimed' ? await this.firstPosition() : this.lease.position;
    if (!(await this.appendCheckpoint([], position))) return false;
    this.processedThrough = position;
    this.unrecorded = 0;
    return true;
  }

  /**
   * Whether an instance should take a lapsed lease: an event of the reactor's types after the checkpoint,
   * or so many events that the checkpoint should move over them (what the active instance does as well).
   */
  private async workAfter(position: Position | null): Promise<boolean> {
    const page = await this.settings.store.readAll({ from: position ?? 'start', maxCount: this.settings.checkpointEvery });
    return page.length >= this.settings.checkpointEvery || page.some((event) => this.isWork(event));
  }

  private async firstPosition(): Promise<Position | null> {
    return this.reactor.startFrom === 'start' ? null : this.settings.store.headPosition();
  }

  private isWork(event: StoredEvent): boolean {
    return !isBookkeeping(event) && handles(this.reactor, event);
  }

  /**
   * Returns when the lease was lost or the worker stops; throws what the loop must fail or restart on.
   * A batch's checkpoint is appended while the next batch's commands go out, and awaited before the
   * next checkpoint: each checkpoint still follows the acknowledgement of every command up to it, and
   * under load a batch costs one commit of the store instead of two.
   */
  private async follow(): Promise<void> {
    const subscription = this.settings.store.subscribe({ from: this.processedThrough ?? 'start' });
    this.subscription = subscription;
    let pending: PendingCheckpoint = HELD;
    try {
      for await (const batch of readyBatches(subscription, this.settings.batchSize)) {
        if (this.stopping) break;
        const next = await this.handle(batch, pending);
        if (next === null) return;
        pending = next.checkpoint;
        this.outages = 0;
      }
    } finally {
      this.subscription = null;
      await subscription.close();
      await pending;
    }
    await this.stillHeld(pending);
  }

  /**
   * The checkpoint append the batch started, or the one still pending when the batch needed none (in an
   * object: an async function returning the promise itself would wait for it); null
   * when another instance took the lease meanwhile: the commands sent stand (they are idempotent), their
   * checkpoint does not.
   */
  private async handle(batch: readonly StoredEvent[], previous: PendingCheckpoint): Promise<{ readonly checkpoint: PendingCheckpoint } | null> {
    const through = batch[batch.length - 1].position;
    this.unrecorded += batch.filter((event) => !isBookkeeping(event)).length;
    const planned = await Promise.all(batch.filter((event) => this.isWork(event)).map((event) => commandsFor(this.reactor, event)));
    if (planned.every((commands) => commands.length === 0)) {
      this.processedThrough = through;
      if (this.unrecorded < this.settings.checkpointEvery) return { checkpoint: previous };
      return (await this.stillHeld(previous)) ? { checkpoint: this.startCheckpoint([], through) } : null;
    }
    if (renewalDue(this.lease, this.settings.clock.now(), this.settings.leaseMs)) {
      // The checkpoint in flight may renew it already.
      if (!(await this.stillHeld(previous))) return null;
      previous = HELD;
      if (renewalDue(this.lease, this.settings.clock.now(), this.settings.leaseMs) && !(await this.appendCheckpoint([], this.processedThrough))) return null;
    }
    const refusals = await this.dispatchAll(planned);
    this.processedThrough = through;
    return (await this.stillHeld(previous)) ? { checkpoint: this.startCheckpoint(refusals, through) } : null;
  }

  /** Settles without rejecting, so a failure waits, unhandled by nobody, until the next batch asks. */
  private startCheckpoint(refusals: readonly Refusal[], position: Position | null): PendingCheckpoint {
    return this.appendCheckpoint(refusals, position).then(
      (held) => {
        if (held) this.commandsRefused += refusals.length;
        return { held };
      },
      (error: unknown) => ({ error }),
    );
  }

  private async stillHeld(pending: PendingCheckpoint): Promise<boolean> {
    const outcome = await pending;
    if ('error' in outcome) throw outcome.error;
    return outcome.held;
  }

  /**
   * Events' commands go out concurrently (so the store can commit them together); one event's commands
   * one after another, in the order the reactor emitted them. Every command is settled before this
   * returns, so a fault never leaves one in flight behind the checkpoint.
   */
  private async dispatchAll(planned: readonly (readonly PlannedCommand<Dispatcher>[])[]): Promise<Refusal[]> {
    const settled = await Promise.allSettled(
      planned.map(async (commands) => {
        const refusals: Refusal[] = [];
        for (const command of commands) {
          const refusal = await this.dispatch(command);
          if (refusal !== null) refusals.push(refusal);
        }
        return refusals;
      }),
    );
    const refusals: Refusal[] = [];
    for (const outcome of settled) {
      if (outcome.status === 'rejected') throw outcome.reason;
      refusals.push(...outcome.value);
    }
    return refusals;
  }

  /** Null once acknowledged; the refusal to record when the domain said no or a conflict kept coming back. */
  private async dispatch(command: PlannedCommand<Dispatcher>): Promise<Refusal | null> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await command.send(this.settings.dispatcher, command.trace);
        this.commandsSent += 1;
        return null;
      } catch (error) {
        const failure = classifyFailure(error);
        if (failure.kind === 'fault') throw error;
        const conflictsUsedUp = failure.kind === 'retry' && failure.code !== EventStoreExceptionCode.UNAVAILABLE && attempt >= this.settings.retry.maxAttempts;
        if (failure.kind === 'refused' || conflictsUsedUp) {
          return {
            commandId: command.trace.commandId,
            sourceEventId: command.source.id,
            sourceStream: command.source.stream,
            intent: command.intent,
            code: failure.code,
            message: failure.message,
            attempts: attempt,
          };
        }
        this.noteError(`${command.intent} (${command.trace.commandId}), attempt ${attempt}: ${failure.message}`);
        await this.pause(backoffDelay(this.settings.retry.backoff, attempt - 1));
        if (this.stopping) throw stopped(this.reactor.name);
      }
    }
  }

  /**
   * One append: the refusals, then the checkpoint with the lease renewed, at the revision this instance
   * last saw. False when another instance appended first: it holds (or took) the lease now.
   */
  private async appendCheckpoint(refusals: readonly Refusal[], position: Position | null, leaseMs = this.settings.leaseMs): Promise<boolean> {
    const now = this.settings.clock.now();
    const checkpoint = { id: newCommandId(this.settings.clock), holder: this.settings.holder, position, leaseUntil: new Date(now.getTime() + leaseMs) };
    this.unrecorded = 0;
    try {
      const appended = await this.settings.store.append(
        this.stream,
        [...refusals.map(refusedEvent), checkpointedEvent(checkpoint)],
        this.lease.revision < 0 ? 'no_stream' : this.lease.revision,
      );
      this.lease = leaseAfter(checkpoint, appended.nextExpectedRevision);
      return true;
    } catch (error) {
      if (isWrongExpectedRevision(error)) return false;
      throw error;
    }
  }

  /** A lease that ends now, with the checkpoint where this instance got to. */
  private async release(): Promise<void> {
    try {
      await this.appendCheckpoint([], this.processedThrough, 0);
    } catch (error) {
      this.noteError(`the lease could not be released (another instance takes it once it expires): ${classifyFailure(error).message}`);
    }
  }

  private pause(milliseconds: number): Promise<void> {
    return sleep(milliseconds, undefined, { signal: this.pauses.signal }).catch(() => undefined);
  }

  private fail(message: string): void {
    this.noteError(message);
    this.setState('failed');
  }

  private noteError(message: string): void {
    this.lastError = message;
    this.lastErrorAt = this.settings.clock.now().toISOString();
  }

  private setState(state: ReactorState): void {
    if (this.state === state) return;
    this.state = state;
    this.settings.onStateChange?.({ reactor: this.reactor.name, state, error: state === 'failed' ? this.lastError : null });
  }
}
