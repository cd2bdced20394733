import type { CompiledBlueprint } from '@crm/blueprint';
import { systemClock, type Clock } from '@crm/clock';
import {
  EventStoreException,
  EventStoreExceptionCode,
  type EventStore,
  type JsonObject,
  type NewEvent,
  type Position,
  type StoredEvent,
} from '@crm/event-store';
import type { BlueprintCatalog } from './blueprint-catalog';
import { KeyedMutex } from './keyed-mutex';
import type { RecordCommand } from './record.commands';
import { decideRecord, type DecidedEvent } from './record.decider';
import type { RecordEventMetadata } from './record.events';
import { eventIdFor, recordIdFor } from './record-ids';
import { RecordRepository } from './record.repository';
import type { RecordState } from './record.state';
import { recordStreamName } from './record-stream';
import { validateCommand } from './validate-command';
import { WorkflowException, WorkflowExceptionCode } from './workflow.exception';

/** What a command did; a retried command gets exactly the same answer. */
export interface RecordCommandResult {
  readonly kind: string;
  readonly recordId: string;
  /** The record's revision after the command (its last event's revision). */
  readonly revision: number;
  /** The events this command stored, in order; empty when the command changed nothing. */
  readonly events: readonly CommandEvent[];
  /** Global position of the command's last event; null when it stored nothing. */
  readonly position: Position | null;
}

export interface CommandEvent {
  readonly id: string;
  readonly type: string;
  readonly revision: number;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  readonly occurredAt: string;
}

export interface RecordCommandHandlerOptions {
  readonly clock?: Clock;
  /** Re-decisions after a conflict with a writer in another process, when the caller set no revision. */
  readonly maxAttempts?: number;
  readonly repository?: RecordRepository;
}

/**
 * The one write path (DESIGN.md, 5): load the record's stream, decide with its pinned blueprint, append
 * with the expected revision. API, CLI, imports and reactors all come through here.
 */
export class RecordCommandHandler {
  private readonly clock: Clock;
  private readonly maxAttempts: number;
  private readonly repository: RecordRepository;
  private readonly mutex = new KeyedMutex();

  constructor(
    private readonly store: EventStore,
    private readonly catalog: BlueprintCatalog,
    options: RecordCommandHandlerOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.repository = options.repository ?? new RecordRepository(store);
  }

  get records(): RecordRepository {
    return this.repository;
  }

  async execute(command: RecordCommand): Promise<RecordCommandResult> {
    validateCommand(command);
    const latest = this.catalog.latestForKind(command.kind);
    const recordId = command.type === 'OpenRecord' ? (command.recordId ?? recordIdFor(command.commandId)) : command.recordId;
    return this.mutex.run(recordStreamName(command.kind, recordId), () => this.decideAndAppend(command, recordId, latest));
  }

  private async decideAndAppend(command: RecordCommand, recordId: string, latest: CompiledBlueprint): Promise<RecordCommandResult> {
    for (let attempt = 1; ; attempt += 1) {
      let state = await this.repository.load(command.kind, recordId);
      if (command.expectedRevision !== undefined && command.expectedRevision !== state.revision) {
        // The cache may lag behind a writer in another process: judge staleness on the stream itself.
        state = await this.repository.load(command.kind, recordId, { fresh: true });
      }
      if (state.commandIds.has(command.commandId)) return this.replayResult(command, recordId);
      if (command.expectedRevision !== undefined && command.expectedRevision !== state.revision) {
        throw this.conflict(command, recordId, state.revision);
      }

      const blueprint = state.blueprint ? this.catalog.get(state.blueprint) : latest;
      const now = this.clock.now();
      const decided = decideRecord(command, state, blueprint, now);
      if (decided.length === 0) {
        return { kind: command.kind, recordId, revision: state.revision, events: [], position: null };
      }

      const events = decided.map((event, index) => this.toNewEvent(command, blueprint, event, index, now));
      try {
        const appended = await this.store.append(
          recordStreamName(command.kind, recordId),
          events,
          state.exists ? state.revision : 'no_stream',
        );
        const stored = this.asStored(command.kind, recordId, events, appended.nextExpectedRevision, now);
        this.repository.remember(state, stored);
        return {
          kind: command.kind,
          recordId,
          revision: appended.nextExpectedRevision,
          events: stored.map(toCommandEvent),
          position: appended.position,
        };
      } catch (error) {
        this.repository.forget(command.kind, recordId);
        if (isStoreError(error, EventStoreExceptionCode.DUPLICATE_EVENT_ID)) {
          // Our own retry raced us with other content (e.g. a later clock): the first attempt's events stand.
          const fresh = await this.repository.load(command.kind, recordId, { fresh: true });
          if (fresh.commandIds.has(command.commandId)) return this.replayResult(command, recordId);
          throw error;
        }
        if (!isStoreError(error, EventStoreExceptionCode.WRONG_EXPECTED_REVISION)) throw error;
        const current = await this.repository.load(command.kind, recordId, { fresh: true });
        if (current.commandIds.has(command.commandId)) return this.replayResult(command, recordId);
        if (command.expectedRevision !== undefined || attempt >= this.maxAttempts) {
          throw this.conflict(command, recordId, current.revision);
        }
      }
    }
  }

  private toNewEvent(command: RecordCommand, blueprint: CompiledBlueprint, event: DecidedEvent, index: number, now: Date): NewEvent {
    const metadata: RecordEventMetadata = {
      actor: command.actor.id,
      roles: command.actor.roles,
      commandId: command.commandId,
      correlationId: command.correlationId ?? command.commandId,
      causationId: command.causationId ?? command.commandId,
      blueprint: blueprint.ref,
      ...(command.type === 'ImportRecordHistory' ? { imported: true, importSource: command.source } : {}),
    };
    return {
      id: eventIdFor(command.commandId, index),
      type: event.type,
      data: event.data as unknown as JsonObject,
      metadata: metadata as unknown as JsonObject,
      occurredAt: event.occurredAt ?? now.toISOString(),
    };
  }

  /** The stored form of what was just appended, for the cache and the answer, without reading it back. */
  private asStored(kind: string, recordId: string, events: readonly NewEvent[], lastRevision: number, now: Date): StoredEvent[] {
    const first = lastRevision - events.length + 1;
    return events.map((event, index) => ({
      id: event.id,
      type: event.type,
      stream: recordStreamName(kind, recordId),
      revision: first + index,
      // Only the last position is known without a read; no fold or answer uses the others.
      position: { commit: -1n, prepare: -1n },
      data: event.data,
      metadata: event.metadata ?? {},
      occurredAt: event.occurredAt ?? now.toISOString(),
      recordedAt: now.toISOString(),
    }));
  }

  private async replayResult(command: RecordCommand, recordId: string): Promise<RecordCommandResult> {
    const history = await this.repository.history(command.kind, recordId);
    const own = history.filter((event) => event.metadata['commandId'] === command.commandId);
    const last = own[own.length - 1];
    return {
      kind: command.kind,
      recordId,
      revision: last.revision,
      events: own.map(toCommandEvent),
      position: last.position,
    };
  }

  private conflict(command: RecordCommand, recordId: string, currentRevision: number): WorkflowException {
    return new WorkflowException(
      WorkflowExceptionCode.CONCURRENCY_CONFLICT,
      `${command.kind} "${recordId}" is at revision ${currentRevision}` +
        (command.expectedRevision === undefined ? ' and kept changing while the command was retried' : `, not ${command.expectedRevision}`),
      { kind: command.kind, recordId, expectedRevision: command.expectedRevision ?? null, currentRevision },
    );
  }
}

const isStoreError = (error: unknown, code: EventStoreExceptionCode): error is EventStoreException =>
  error instanceof EventStoreException && error.code === code;

const toCommandEvent = (event: StoredEvent): CommandEvent => ({
  id: event.id,
  type: event.type,
  revision: event.revision,
  data: event.data,
  metadata: event.metadata,
  occurredAt: event.occurredAt,
});

export type { RecordState };
