import { map } from 'rxjs';
import type { Clock } from '@crm/clock';
import { StreamCommandHandler } from '@crm/command-handler';
import type { EventStore } from '@crm/event-store';
import { defineReactor, type CommandTrace, type Reactor } from '../reactor';
import { ofType } from '../stored-events';

export enum TallyExceptionCode {
  /** The source event asked to be refused (its data says `refuse: true`). */
  TALLY_REFUSED = 'TALLY_REFUSED',
}

/** The test domain's refusal: an area exception with a code, as WorkflowException is for records. */
export class TallyException extends Error {
  constructor(
    readonly code: TallyExceptionCode,
    message: string,
  ) {
    super(message);
    this.name = 'TallyException';
  }
}

export interface TallyCommand extends CommandTrace {
  readonly counter: string;
  readonly sourceEventId: string;
  readonly amount: number;
  readonly refuse: boolean;
}

export const TALLIED = 'Tallied';
export const TALLY_PREFIX = 'tally-';

/**
 * The dispatcher of the tests: one `Tallied` event per command on `tally-<counter>`, through the real
 * generic command loop, so a command id sent twice is stored once exactly as a record command would be.
 * `failNext` queues errors thrown before the command reaches the loop, as a store or a conflict would;
 * `holdBack` keeps a command from being acknowledged until released.
 */
export class Tallies {
  private readonly loop: StreamCommandHandler<number>;
  private readonly queuedFailures = new Map<string, unknown[]>();
  private readonly gates = new Map<string, Promise<void>>();
  /** Every attempt to send, by source event id (retries included). */
  readonly attempts = new Map<string, number>();

  constructor(store: EventStore, clock: Clock) {
    this.loop = new StreamCommandHandler<number>(store, { initialState: () => 0, evolve: (count, events) => count + events.length }, { clock });
  }

  get sent(): number {
    return [...this.attempts.values()].reduce((sum, count) => sum + count, 0);
  }

  failNext(sourceEventId: string, ...errors: unknown[]): void {
    this.queuedFailures.set(sourceEventId, errors);
  }

  /** The command of this source event waits, before reaching the loop, until the returned function is called. */
  holdBack(sourceEventId: string): () => void {
    let release = (): void => undefined;
    this.gates.set(sourceEventId, new Promise<void>((resolve) => (release = resolve)));
    return () => release();
  }

  async tally(command: TallyCommand): Promise<void> {
    this.attempts.set(command.sourceEventId, (this.attempts.get(command.sourceEventId) ?? 0) + 1);
    const failure = this.queuedFailures.get(command.sourceEventId)?.shift();
    if (failure !== undefined) throw failure;
    await this.gates.get(command.sourceEventId);
    await this.loop.handle({
      stream: `${TALLY_PREFIX}${command.counter}`,
      commandId: command.commandId,
      authorize: () => undefined,
      authorizeReplay: () => undefined,
      decide: () => {
        if (command.refuse) throw new TallyException(TallyExceptionCode.TALLY_REFUSED, `${command.sourceEventId} asked to be refused`);
        return [{ type: TALLIED, data: { sourceEventId: command.sourceEventId, amount: command.amount } }];
      },
      metadata: () => ({ causationId: command.causationId, correlationId: command.correlationId }),
    });
  }
}

export const COUNTED = 'Counted';

/** Tallies every `Counted` event on a counter named after its stream. */
export const countingReactor = (overrides: Partial<Reactor<Tallies>> = {}): Reactor<Tallies> =>
  defineReactor<Tallies>({
    name: 'counting',
    eventTypes: [COUNTED],
    startFrom: 'start',
    react: (events$) =>
      events$.pipe(
        ofType(COUNTED),
        map((event) => ({
          intent: `tally ${event.stream}`,
          send: (tallies: Tallies, trace: CommandTrace) =>
            tallies.tally({ ...trace, counter: event.stream, sourceEventId: event.id, amount: Number(event.data['amount'] ?? 1), refuse: event.data['refuse'] === true }),
        })),
      ),
    ...overrides,
  });
