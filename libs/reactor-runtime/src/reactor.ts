import { lastValueFrom, of, toArray, type Observable } from 'rxjs';
import { deriveId } from '@crm/command-handler';
import type { StoredEvent } from '@crm/event-store';
import { ReactorRuntimeException, ReactorRuntimeExceptionCode } from './reactor-runtime.exception';

/** What the runtime gives every command it sends: the reactor never chooses these itself. */
export interface CommandTrace {
  /** Derived from (reactor, source event, index): a redelivered event sends the same command id. */
  readonly commandId: string;
  /** The source event's id. */
  readonly causationId: string;
  /** The source event's correlation id, or its own id when it has none. */
  readonly correlationId: string;
}

/**
 * A command a reactor wants sent. `send` runs it through the dispatcher the host provides (for records,
 * `RecordCommandHandler.execute`), with the trace spread into the command.
 */
export interface ReactorCommand<Dispatcher> {
  /** What the command asks, in a few words (`FireTransition opportunity-42 start_onboarding`): for the refusal record and the status. */
  readonly intent: string;
  send(dispatcher: Dispatcher, trace: CommandTrace): Promise<unknown>;
}

/**
 * A reactor: the events it follows and an rxjs pipeline from events to commands, in the spirit of a
 * @nestjs/cqrs saga; the runtime owns the checkpoint, the lease and the retries around it.
 */
export interface Reactor<Dispatcher> {
  /** A lower-case identifier; the reactor's bookkeeping stream is `_reactor-<name>`. */
  readonly name: string;
  /** The event types handed to `react`; the runtime reads past the others. */
  readonly eventTypes: readonly string[];
  /**
   * Where the very first run starts (later runs resume from the checkpoint): `start` acts on the whole
   * log, `end` only on events stored after the first instance took the lease.
   */
  readonly startFrom: 'start' | 'end';
  /**
   * Run once per event: `events$` emits that one event and completes. What a reactor sends is thus a
   * function of the event alone, which is what gives a redelivered event the same command ids; and the
   * event's commands are all known when the pipeline completes. Must not send anything itself.
   */
  readonly react: (events$: Observable<StoredEvent>) => Observable<ReactorCommand<Dispatcher>>;
}

/** A reactor's command with the trace the runtime derived for it. */
export interface PlannedCommand<Dispatcher> extends ReactorCommand<Dispatcher> {
  readonly trace: CommandTrace;
  readonly source: StoredEvent;
}

const namePattern = /^[a-z][a-z0-9-]{0,62}$/;

export const defineReactor = <Dispatcher>(reactor: Reactor<Dispatcher>): Reactor<Dispatcher> => {
  const invalid = (problem: string): ReactorRuntimeException =>
    new ReactorRuntimeException(ReactorRuntimeExceptionCode.INVALID_REACTOR, `reactor "${reactor.name}": ${problem}`, { reactor: reactor.name });
  if (!namePattern.test(reactor.name)) throw invalid('the name must be a lower-case identifier (a-z, 0-9, -), at most 63 characters');
  if (reactor.eventTypes.length === 0) throw invalid('it follows no event types');
  return reactor;
};

export const handles = (reactor: Reactor<unknown>, event: StoredEvent): boolean => reactor.eventTypes.includes(event.type);

const correlationOf = (event: StoredEvent): string => {
  const correlationId = event.metadata['correlationId'];
  return typeof correlationId === 'string' ? correlationId : event.id;
};

/**
 * The event's id first: event ids derived from a UUIDv7 command id keep its time, and so do ids derived
 * from them, so reactor commands stay time-ordered like fresh ones (README, Architecture).
 */
export const reactorCommandId = (reactor: string, event: StoredEvent, index: number): string => deriveId(event.id, `reactor:${reactor}:${index}`);

/** Runs the reactor's pipeline over one event and traces what it emits. */
export const commandsFor = async <Dispatcher>(reactor: Reactor<Dispatcher>, event: StoredEvent): Promise<PlannedCommand<Dispatcher>[]> => {
  let emitted: ReactorCommand<Dispatcher>[];
  try {
    emitted = await lastValueFrom(reactor.react(of(event)).pipe(toArray()));
  } catch (error) {
    throw new ReactorRuntimeException(
      ReactorRuntimeExceptionCode.PIPELINE_FAILED,
      `reactor "${reactor.name}" failed on event ${event.id} (${event.type} in ${event.stream}): ${error instanceof Error ? error.message : String(error)}`,
      { reactor: reactor.name, eventId: event.id },
      { cause: error },
    );
  }
  const causationId = event.id;
  const correlationId = correlationOf(event);
  return emitted.map((command, index) => ({
    intent: command.intent,
    send: (dispatcher, trace) => command.send(dispatcher, trace),
    source: event,
    trace: { commandId: reactorCommandId(reactor.name, event, index), causationId, correlationId },
  }));
};
