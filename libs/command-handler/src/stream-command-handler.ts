import type { Clock } from '@crm/clock';
import {
  EventSchemas,
  EventStoreException,
  EventStoreExceptionCode,
  type EventStore,
  type JsonObject,
  type NewEvent,
  type Position,
  type StoredEvent,
} from '@crm/event-store';
import { CommandHandlerException, CommandHandlerExceptionCode } from './command-handler.exception';
import { eventIdFor } from './derived-ids';
import { KeyedMutex } from './keyed-mutex';
import { StreamStateCache } from './stream-state-cache';

/** An event a decision produced, before the loop gives it an id, metadata and a place in the stream. */
export interface DecidedEvent {
  readonly type: string;
  readonly data: JsonObject;
  /** Business time, when it is not "now" (e.g. imported history). */
  readonly occurredAt?: string;
}

/** How a stream's events fold into the state decisions are made on (Emmett's `initialState` + `evolve`). */
export interface StreamFold<State> {
  /** The state of a stream that has no events. */
  initialState(stream: string): State;
  /** The state after `events`, oldest first; `state` itself must be left as it was. */
  evolve(state: State, events: readonly StoredEvent[]): State;
}

/** One command, as the loop needs it: where it goes, who may do it, and what it decides. */
export interface CommandRequest<State> {
  readonly stream: string;
  /** Makes the command idempotent: event ids derive from it, and a retry is answered with the first result. */
  readonly commandId: string;
  /**
   * A digest of what the command asks (see `fingerprintOf`). A retry with the same command id must ask
   * the same, or it is refused with IDEMPOTENCY_KEY_REUSED; omit it to accept any retry.
   */
  readonly fingerprint?: string;
  /** When set, the stream must be at exactly this revision (-1: it must have no events). */
  readonly expectedRevision?: number;
  /**
   * The access policy, judged inside the stream's lock on the very state `decide` receives, so a check
   * and the write it allows can never be separated by another writer. Throws to refuse.
   */
  authorize(state: State): void;
  /** Judged on the stream's current state before a retried command's first answer is given again. */
  authorizeReplay(state: State): void;
  /** Pure: the events the command leads to (none when it changes nothing), or a thrown refusal. */
  decide(state: State, now: Date): readonly DecidedEvent[];
  /** Who and why, on every event of the command, for the state decided on; the loop adds `commandId` (and `commandHash`). */
  metadata(state: State): JsonObject;
}

/** What a command did; a retried command gets the same events back. */
export interface CommandOutcome<State> {
  readonly stream: string;
  /** The stream's revision after the command (its last event's revision); -1 while it has no events. */
  readonly revision: number;
  /** The events this command stored, in order; empty when it changed nothing. */
  readonly events: readonly StoredEvent[];
  /** Global position of the command's last event; null when it stored nothing. */
  readonly position: Position | null;
  /** The stream's state now. */
  readonly state: State;
  /** True when the command had been handled before and this is its first answer again. */
  readonly replayed: boolean;
}

export interface StreamCommandHandlerOptions {
  readonly clock: Clock;
  /** Re-decisions after a conflict with a writer in another process, when the caller set no revision. */
  readonly maxAttempts?: number;
  /** Folded streams kept in memory; default 10,000. */
  readonly cacheCapacity?: number;
  /** The schema versions of the events decided here, stamped on each (README, "Event schema versions"); default: none. */
  readonly schemas?: EventSchemas;
}

/** A stream's folded state with what the loop itself needs: its revision and the commands it holds. */
interface StreamEntry<State> {
  readonly state: State;
  readonly revision: number;
  /**
   * commandId → the fingerprint it was stored with (null when stored without one). Owned by the entry
   * and only ever added to under the stream's lock, so it is extended in place instead of copied per
   * command (a copy per command made long streams quadratic).
   */
  readonly commands: Map<string, string | null>;
}

const COMMAND_ID = 'commandId';
const COMMAND_HASH = 'commandHash';

const isStoreError = (error: unknown, code: EventStoreExceptionCode): boolean => error instanceof EventStoreException && error.code === code;

const textOf = (metadata: JsonObject, key: string): string | null => {
  const value = metadata[key];
  return typeof value === 'string' ? value : null;
};

/**
 * The one command loop (Emmett's command handler, with what a CRM needs around it): per stream, one
 * command at a time in this process; load the stream's folded state (through a cache); answer a retried
 * command with its first result; judge the access policy and decide on the same state; append with the
 * expected revision; on a conflict with another process, re-decide from the new state (policy
 * included), a bounded number of times, unless the caller stated the revision it expected.
 */
export class StreamCommandHandler<State> {
  private readonly mutex = new KeyedMutex();
  private readonly cache: StreamStateCache<StreamEntry<State>>;
  private readonly maxAttempts: number;

  constructor(
    private readonly store: EventStore,
    private readonly fold: StreamFold<State>,
    private readonly options: StreamCommandHandlerOptions,
  ) {
    this.cache = new StreamStateCache(options.cacheCapacity ?? 10_000);
    this.maxAttempts = options.maxAttempts ?? 5;
  }

  handle(request: CommandRequest<State>): Promise<CommandOutcome<State>> {
    return this.mutex.run(request.stream, () => this.decideAndAppend(request));
  }

  /** The stream's state as its events say, through the cache; `fresh` reads the stream again. */
  async state(stream: string, options: { readonly fresh?: boolean } = {}): Promise<{ readonly state: State; readonly revision: number }> {
    const entry = await this.entry(stream, options.fresh === true);
    return { state: entry.state, revision: entry.revision };
  }

  /** The stream's events, oldest first. */
  history(stream: string): Promise<StoredEvent[]> {
    return this.store.readStream(stream);
  }

  private async decideAndAppend(request: CommandRequest<State>): Promise<CommandOutcome<State>> {
    const { stream, expectedRevision } = request;
    for (let attempt = 1; ; attempt += 1) {
      let entry = await this.entry(stream, false);
      // The cache may lag behind a writer in another process: judge staleness on the stream itself.
      if (expectedRevision !== undefined && expectedRevision !== entry.revision) entry = await this.entry(stream, true);
      if (entry.commands.has(request.commandId)) return this.replay(request, entry);
      if (expectedRevision !== undefined && expectedRevision !== entry.revision) throw this.conflict(request, entry.revision);

      request.authorize(entry.state);
      const now = this.options.clock.now();
      const decided = request.decide(entry.state, now);
      if (decided.length === 0) return { stream, revision: entry.revision, events: [], position: null, state: entry.state, replayed: false };

      const metadata = request.metadata(entry.state);
      const events = decided.map((event, index) => this.toNewEvent(request, metadata, event, index, now));
      try {
        const appended = await this.store.append(stream, events, entry.revision === -1 ? 'no_stream' : entry.revision);
        const stored = this.asStored(stream, events, appended.nextExpectedRevision, now);
        const next = this.remember(stream, entry, stored);
        return { stream, revision: appended.nextExpectedRevision, events: stored, position: appended.position, state: next.state, replayed: false };
      } catch (error) {
        this.cache.delete(stream);
        const current = await this.recoverFrom(error, request);
        if (current.commands.has(request.commandId)) return this.replay(request, current);
        if (expectedRevision !== undefined || attempt >= this.maxAttempts) throw this.conflict(request, current.revision);
      }
    }
  }

  /** After a failed append: the stream as it now is, or the error when no retry can help. */
  private async recoverFrom(error: unknown, request: CommandRequest<State>): Promise<StreamEntry<State>> {
    if (isStoreError(error, EventStoreExceptionCode.DUPLICATE_EVENT_ID)) {
      // Our own earlier attempt may have stored these ids (with another clock reading): then it stands.
      const fresh = await this.entry(request.stream, true);
      if (fresh.commands.has(request.commandId)) return fresh;
      // The ids belong to a command on another stream: the command id was reused for something else.
      // Saying which stream or event ids would leak another record's existence.
      throw new CommandHandlerException(
        CommandHandlerExceptionCode.IDEMPOTENCY_KEY_REUSED,
        'this command id (Idempotency-Key) was already used for another request; use a new key for a new request',
        {},
      );
    }
    if (!isStoreError(error, EventStoreExceptionCode.WRONG_EXPECTED_REVISION)) throw error;
    return this.entry(request.stream, true);
  }

  private async replay(request: CommandRequest<State>, entry: StreamEntry<State>): Promise<CommandOutcome<State>> {
    const stored = entry.commands.get(request.commandId) ?? null;
    if (request.fingerprint !== undefined && stored !== null && stored !== request.fingerprint) {
      throw new CommandHandlerException(
        CommandHandlerExceptionCode.IDEMPOTENCY_KEY_REUSED,
        'this command id (Idempotency-Key) was already used for a different request; use a new key for a new request',
        {},
      );
    }
    request.authorizeReplay(entry.state);
    const history = await this.store.readStream(request.stream);
    const own = history.filter((event) => event.metadata[COMMAND_ID] === request.commandId);
    const last = own[own.length - 1];
    return {
      stream: request.stream,
      revision: last?.revision ?? entry.revision,
      events: own,
      position: last?.position ?? null,
      state: entry.state,
      replayed: true,
    };
  }

  private async entry(stream: string, fresh: boolean): Promise<StreamEntry<State>> {
    if (!fresh) {
      const cached = this.cache.get(stream);
      if (cached !== undefined) return cached;
    }
    const events = await this.store.readStream(stream);
    const entry = this.extend({ state: this.fold.initialState(stream), revision: -1, commands: new Map() }, events);
    if (entry.revision >= 0) this.cache.set(stream, entry);
    return entry;
  }

  private extend(entry: StreamEntry<State>, events: readonly StoredEvent[]): StreamEntry<State> {
    if (events.length === 0) return entry;
    for (const event of events) {
      const commandId = textOf(event.metadata, COMMAND_ID);
      if (commandId !== null && !entry.commands.has(commandId)) entry.commands.set(commandId, textOf(event.metadata, COMMAND_HASH));
    }
    return { state: this.fold.evolve(entry.state, events), revision: events[events.length - 1].revision, commands: entry.commands };
  }

  /** Folds freshly appended events into the cached entry, so the next command needs no read. */
  private remember(stream: string, entry: StreamEntry<State>, appended: readonly StoredEvent[]): StreamEntry<State> {
    const next = this.extend(entry, appended);
    this.cache.set(stream, next);
    return next;
  }

  private toNewEvent(request: CommandRequest<State>, metadata: JsonObject, event: DecidedEvent, index: number, now: Date): NewEvent {
    return {
      id: eventIdFor(request.commandId, index),
      type: event.type,
      data: event.data,
      metadata: {
        ...metadata,
        ...(this.options.schemas ?? EventSchemas.none).stampOf(event.type),
        [COMMAND_ID]: request.commandId,
        ...(request.fingerprint === undefined ? {} : { [COMMAND_HASH]: request.fingerprint }),
      },
      occurredAt: event.occurredAt ?? now.toISOString(),
    };
  }

  /** The stored form of what was just appended, for the cache and the answer, without reading it back. */
  private asStored(stream: string, events: readonly NewEvent[], lastRevision: number, now: Date): StoredEvent[] {
    const first = lastRevision - events.length + 1;
    return events.map((event, index) => ({
      id: event.id,
      type: event.type,
      stream,
      revision: first + index,
      // Only the last position is known without a read; no fold or answer uses the others.
      position: { commit: -1n, prepare: -1n },
      data: event.data,
      metadata: event.metadata ?? {},
      occurredAt: event.occurredAt ?? now.toISOString(),
      recordedAt: now.toISOString(),
    }));
  }

  private conflict(request: CommandRequest<State>, currentRevision: number): CommandHandlerException {
    return new CommandHandlerException(
      CommandHandlerExceptionCode.CONCURRENCY_CONFLICT,
      request.expectedRevision === undefined
        ? `${request.stream} is at revision ${currentRevision} and kept changing while the command was retried`
        : `${request.stream} is at revision ${currentRevision}, not ${request.expectedRevision}`,
      { stream: request.stream, expectedRevision: request.expectedRevision ?? null, currentRevision },
    );
  }
}
