import type { ValidatedAppend } from '../append-input.validation';
import { EventStoreException, EventStoreExceptionCode, type EventStoreExceptionDetails } from '../event-store.exception';
import type { AppendResult } from '../event-store.port';
import type { MemberOutcome } from './append-group';

/**
 * The messages between the SQLite store and its writer thread. Only plain data crosses: structured clone
 * keeps bigints (positions) but not classes, so an `EventStoreException` travels as its code, message and
 * details and is built again on the other side.
 */
/**
 * What the thread starts with. From TypeScript sources (tests, the bench, the CLI) the store transpiles
 * the thread's few files itself and hands their code over (`modules`, by file name, `entry` first);
 * loading a transpiler inside a worker thread is slow and @swc/core's addon crashes when one ends.
 */
export interface WriterData {
  readonly entry?: string;
  readonly modules?: Readonly<Record<string, string>>;
}

/** One thread serves every store of the process; each store has its own connection there. */
export type WriterRequest =
  | { readonly kind: 'open'; readonly id: number; readonly connection: number; readonly file: string }
  | { readonly kind: 'commit'; readonly id: number; readonly connection: number; readonly appends: readonly ValidatedAppend[]; readonly recordedAt: string }
  | { readonly kind: 'close'; readonly id: number; readonly connection: number };

export interface SentException {
  readonly code: EventStoreExceptionCode;
  readonly message: string;
  readonly details: EventStoreExceptionDetails;
}

export type SentOutcome = { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly error: SentException };

export type WriterReply =
  | { readonly kind: 'done'; readonly id: number }
  | { readonly kind: 'committed'; readonly id: number; readonly outcomes: readonly SentOutcome[] }
  | { readonly kind: 'failed'; readonly id: number; readonly error: SentException }
  | { readonly kind: 'refused'; readonly id: number; readonly message: string };

export const sendException = (error: EventStoreException): SentException => ({ code: error.code, message: error.message, details: error.details });

export const receiveException = (sent: SentException): EventStoreException => new EventStoreException(sent.code, sent.message, sent.details);

export const sendOutcome = (outcome: MemberOutcome): SentOutcome => (outcome.ok ? outcome : { ok: false, error: sendException(outcome.error) });

export const receiveOutcome = (sent: SentOutcome): MemberOutcome => (sent.ok ? sent : { ok: false, error: receiveException(sent.error) });

/** Anything the writer throws that is not the store's own refusal: the group's transaction failed as a whole. */
export const asSentException = (error: unknown): SentException =>
  error instanceof EventStoreException
    ? sendException(error)
    : { code: EventStoreExceptionCode.UNAVAILABLE, message: `the append was not stored: ${String(error)}`, details: {} };
