import { deriveId } from '@crm/command-handler';
import { parsePosition, serializePosition, type EventStore, type NewEvent, type Position, type StoredEvent } from '@crm/event-store';
import { ReactorRuntimeException, ReactorRuntimeExceptionCode } from './reactor-runtime.exception';

/**
 * Each reactor keeps its checkpoint and lease in a stream of the event store itself, so every instance
 * on SQLite or EventStoreDB sees the same ones, and the expected-revision check of the append decides who
 * holds the lease (README, Architecture, Reactors).
 */
export const REACTOR_STREAM_PREFIX = '_reactor-';
export const REACTOR_CHECKPOINTED = 'ReactorCheckpointed';
export const REACTOR_COMMAND_REFUSED = 'ReactorCommandRefused';

export const reactorStream = (reactor: string): string => `${REACTOR_STREAM_PREFIX}${reactor}`;

/** The runtime's own events: never work for a reactor, never counted as lag. */
export const isBookkeeping = (event: StoredEvent): boolean => event.stream.startsWith(REACTOR_STREAM_PREFIX);

/** Who holds a reactor's lease, until when, and where its checkpoint is; as of the stream's `revision`. */
export interface Lease {
  /** Revision of the stream's last event; -1 while the stream has none. The next append expects it. */
  readonly revision: number;
  readonly holder: string | null;
  /** Every command of every event up to here was acknowledged; null: the start of the log. */
  readonly position: Position | null;
  readonly leaseUntil: Date | null;
}

export const NO_LEASE: Lease = { revision: -1, holder: null, position: null, leaseUntil: null };

export interface Checkpoint {
  readonly id: string;
  readonly holder: string;
  readonly position: Position | null;
  readonly leaseUntil: Date;
}

export const checkpointedEvent = (checkpoint: Checkpoint): NewEvent => ({
  id: checkpoint.id,
  type: REACTOR_CHECKPOINTED,
  data: {
    holder: checkpoint.holder,
    position: checkpoint.position === null ? null : serializePosition(checkpoint.position),
    leaseUntil: checkpoint.leaseUntil.toISOString(),
  },
});

export interface Refusal {
  readonly commandId: string;
  readonly sourceEventId: string;
  readonly sourceStream: string;
  readonly intent: string;
  readonly code: string | null;
  readonly message: string;
  readonly attempts: number;
}

/** Its id derives from the command's, so recording the same refusal again is recognised by the store. */
export const refusedEvent = (refusal: Refusal): NewEvent => ({
  id: deriveId(refusal.commandId, 'reactor-refused'),
  type: REACTOR_COMMAND_REFUSED,
  data: { ...refusal },
});

const invalidBookkeeping = (event: StoredEvent, problem: string): ReactorRuntimeException =>
  new ReactorRuntimeException(ReactorRuntimeExceptionCode.INVALID_BOOKKEEPING, `${event.stream} at revision ${event.revision}: ${problem}`, {
    stream: event.stream,
    revision: event.revision,
  });

/** The lease as the stream's last event states it; the runtime ends every append with a checkpoint. */
export const leaseOf = (last: StoredEvent): Lease => {
  if (last.type !== REACTOR_CHECKPOINTED) throw invalidBookkeeping(last, `the last event is ${last.type}, not ${REACTOR_CHECKPOINTED}`);
  const { holder, position, leaseUntil } = last.data;
  if (typeof holder !== 'string' || (position !== null && typeof position !== 'string') || typeof leaseUntil !== 'string') {
    throw invalidBookkeeping(last, 'the checkpoint lacks holder, position or leaseUntil');
  }
  return { revision: last.revision, holder, position: position === null ? null : parsePosition(position), leaseUntil: new Date(leaseUntil) };
};

/** The lease after an append that ended with `checkpoint` and left the stream at `revision`. */
export const leaseAfter = (checkpoint: Checkpoint, revision: number): Lease => ({
  revision,
  holder: checkpoint.holder,
  position: checkpoint.position,
  leaseUntil: checkpoint.leaseUntil,
});

/**
 * - `unclaimed`: nobody ever took it (the reactor's first run);
 * - `mine`: this instance took it last (expired or not, no one else has appended since);
 * - `held`: another instance holds it and it has not expired;
 * - `lapsed`: another instance took it last and it has expired: whoever has work may take it.
 */
export type LeaseStanding = 'unclaimed' | 'mine' | 'held' | 'lapsed';

export const standingOf = (lease: Lease, holder: string, now: Date): LeaseStanding => {
  if (lease.holder === null) return 'unclaimed';
  if (lease.holder === holder) return 'mine';
  return lease.leaseUntil !== null && lease.leaseUntil.getTime() > now.getTime() ? 'held' : 'lapsed';
};

/** Renewed with half its length left: a batch that takes a while still finishes inside the lease. */
export const renewalDue = (lease: Lease, now: Date, leaseMs: number): boolean =>
  lease.leaseUntil === null || lease.leaseUntil.getTime() - now.getTime() < leaseMs / 2;

const eventAt = async (store: Pick<EventStore, 'readStream'>, stream: string, revision: number): Promise<StoredEvent | null> =>
  (await store.readStream(stream, { fromRevision: revision, maxCount: 1 }))[0] ?? null;

/**
 * The stream's last event. The port reads streams forwards only and this stream gains an event per batch
 * for as long as the reactor runs, so from `knownRevision` (one known to exist, or -1) it probes ever
 * larger steps ahead, then halves the gap: about 2·log₂(n) one-event reads instead of n events.
 */
export const readLastEvent = async (store: Pick<EventStore, 'readStream'>, stream: string, knownRevision: number): Promise<StoredEvent | null> => {
  let found = knownRevision < 0 ? null : await eventAt(store, stream, knownRevision);
  let low = found === null ? -1 : knownRevision;
  let step = 1;
  let high: number;
  for (;;) {
    const probe = await eventAt(store, stream, low + step);
    if (probe === null) {
      high = low + step;
      break;
    }
    found = probe;
    low += step;
    step *= 2;
  }
  while (high - low > 1) {
    const middle = low + Math.floor((high - low) / 2);
    const probe = await eventAt(store, stream, middle);
    if (probe === null) high = middle;
    else {
      found = probe;
      low = middle;
    }
  }
  return found;
};
