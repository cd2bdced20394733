import type { Readable } from 'node:stream';
import type { CallOptions, Client as GrpcClient, Metadata } from '@grpc/grpc-js';
import {
  AccessDeniedError,
  ANY,
  BACKWARDS,
  CancelledError,
  DeadlineExceededError,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  MaxAppendSizeExceededError,
  NO_STREAM,
  NotLeaderError,
  START,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
  convertToCommandError,
  eventTypeFilter,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type BaseOptions,
  type CurrentRevision,
  type Filter,
  type GRPCClientConstructor,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { ReadStream } from '@eventstore/db-client/dist/streams/utils/ReadStream';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils/convertGrpcEvent';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { StreamsClient } from '@eventstore/db-client/generated/streams_grpc_pb';
import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import { EventStoreException, EventStoreExceptionCode, wrongExpectedRevision } from '../event-store.exception';
import type { ExpectedRevision, JsonObject } from '../event-store.port';
import type { Position } from '../position';

/**
 * The one place that talks to `@eventstore/db-client`. Everything else in the adapter sees only the types
 * below, so moving to `@kurrent/kurrentdb-client` (same protocol, `streamState` instead of
 * `expectedRevision`, a `filter` option on `readAll`) means rewriting this file alone. Errors leave it
 * already translated into `EventStoreException` codes where the port defines one.
 */

/** An event as the server returned it, before the adapter unwraps its metadata envelope. */
export interface GatewayEvent {
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly type: string;
  /** Absent only where the server did not report it (older servers leave it out of stream reads). */
  readonly position: Position | undefined;
  readonly isJson: boolean;
  /** Parsed JSON when `isJson`, raw bytes otherwise. */
  readonly data: unknown;
  readonly metadata: unknown;
  readonly created: Date;
}

export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

/** A server-side filter: EventStoreDB filters on the stream name or on the event type, never both at once. */
export type ServerFilter =
  | { readonly on: 'stream-name' | 'event-type'; readonly prefixes: readonly string[] }
  | { readonly on: 'stream-name' | 'event-type'; readonly regex: string };

export type ReadDirection = 'forwards' | 'backwards';

export interface ReadStreamRequest {
  readonly from: bigint | 'start' | 'end';
  readonly direction: ReadDirection;
  /** `null` reads to the end of the stream. */
  readonly maxCount: number | null;
}

export interface ReadAllRequest {
  /** Forwards reads include the event at `from`; backwards reads start just before it (server semantics). */
  readonly from: Position | 'start' | 'end';
  readonly direction: ReadDirection;
  readonly maxCount: number;
  readonly filter: ServerFilter;
}

/** A live catch-up subscription to `$all`; `next()` rejects with the translated error when the call drops. */
export interface GatewaySubscription {
  next(): Promise<IteratorResult<GatewayEvent, undefined>>;
  close(): Promise<void>;
}

/**
 * Which node may answer. A follower answers reads from its own log, which may lag the leader's, and never
 * says it is not the leader, so a client that is never told rediscovers no leader after an election.
 * Everything a decision or an idempotency check reads, and every append, goes to the leader (the server
 * then answers NotLeader with the leader's address, and the client reconnects there); projections may
 * read from any node, since they only need to see every event in order, eventually.
 */
export type ReadConsistency = 'leader' | 'any-node';

export interface EventStoreDbGateway {
  /** Appends (on the leader) with the server's own expected-revision check; resolves the stream's revision afterwards. */
  append(stream: string, events: readonly ProposedEvent[], expectedRevision: ExpectedRevision): Promise<bigint>;
  /** Always on the leader: every stream read feeds a decision or an idempotency check. An unknown stream reads as empty. */
  readStream(stream: string, request: ReadStreamRequest): Promise<GatewayEvent[]>;
  readAll(request: ReadAllRequest, consistency: ReadConsistency): Promise<GatewayEvent[]>;
  /** Delivers events strictly after `after`, then live ones; any node may serve it. */
  subscribeToAll(after: Position | 'start', filter: ServerFilter): GatewaySubscription;
  dispose(): Promise<void>;
}

const toClientExpectedRevision = (expected: ExpectedRevision): AppendExpectedRevision => {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  return BigInt(expected);
};

const toActualRevision = (current: CurrentRevision): number | 'no_stream' => (current === NO_STREAM ? 'no_stream' : Number(current));

/** `esdb://user:secret@host` → `esdb://host`, so errors and logs never carry credentials. */
export const redactConnectionString = (connectionString: string): string => connectionString.replace(/\/\/[^@/]*@/, '//');

const unavailableErrors = [UnavailableError, NotLeaderError, DeadlineExceededError, TimeoutError, CancelledError] as const;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * What a server answers while it cannot take writes (an election, start-up, an overloaded queue). Through
 * BatchAppend it packs these in a status with empty details, which the client reports as an unknown error
 * ("Could not recognize Server Is Not Ready"); through other calls they are UNAVAILABLE already.
 */
const transientServerAnswers = /Server Is Not Ready|Server Is (?:Too )?Busy|No leader info available/;

/** RpcExceptions.InvalidPositionException: INVALID_ARGUMENT, which the client reports as an unknown error. */
const invalidPositionAnswer = /Trying to read from an invalid position/;

export interface ErrorContext {
  readonly stream?: string;
  readonly expectedRevision?: ExpectedRevision;
  /** What was asked, for an access-denied message: `append to "deal-1"`, `read $all`. */
  readonly operation?: string;
  /** A subscription call that ended: an INTERNAL or UNKNOWN end is the server dropping it, not an answer. */
  readonly subscription?: boolean;
}

const accessDeniedHint = (operation: string): string =>
  operation.includes('$all')
    ? 'grant the app\'s user read on $all (as an admin, set the $acl of $all to {"$r": ["$admins", "<the app\'s user>"]}; see README, EventStoreDB)'
    : 'the app\'s user needs read and write on user streams, which the default $userStreamAcl grants every user; check the $acl of that stream and $settings';

const unavailable = (error: unknown, context: ErrorContext): EventStoreException =>
  new EventStoreException(EventStoreExceptionCode.UNAVAILABLE, `EventStoreDB cannot take the call now: ${messageOf(error)}`, {
    cause: messageOf(error),
    ...(context.stream === undefined ? {} : { stream: context.stream }),
  });

/**
 * Translates what the client threw into the port's codes. Unavailable, not-leader, not-ready, deadline and
 * server-side cancellation all mean "this call may succeed later" (`UNAVAILABLE`, retryable); an ACL
 * refusal is `ACCESS_DENIED`, a refused size `INVALID_APPEND`, a read from inside a record
 * `INVALID_POSITION`. Errors the port has no code for (a deleted stream, a malformed connection string)
 * pass unchanged. Some client paths (the server-features probe, a subscription that cannot start while the
 * channel reconnects) throw raw gRPC errors; they are classified the way the client classifies its own.
 */
export const toStoreError = (thrown: unknown, context: ErrorContext = {}): unknown => {
  if (thrown instanceof EventStoreException) return thrown;
  const error = thrown instanceof Error ? convertToCommandError(thrown) : thrown;
  if (error instanceof WrongExpectedVersionError) {
    return wrongExpectedRevision(context.stream ?? error.streamName, context.expectedRevision ?? String(error.expectedVersion), toActualRevision(error.actualVersion));
  }
  if (unavailableErrors.some((type) => error instanceof type)) return unavailable(error, context);
  if (error instanceof AccessDeniedError) {
    const operation = context.operation ?? (context.stream === undefined ? 'the call' : `the call on "${context.stream}"`);
    return new EventStoreException(
      EventStoreExceptionCode.ACCESS_DENIED,
      `EventStoreDB refused ${operation} for this connection's user (access denied): ${accessDeniedHint(operation)}`,
      { operation, ...(context.stream === undefined ? {} : { stream: context.stream }) },
    );
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return new EventStoreException(
      EventStoreExceptionCode.INVALID_APPEND,
      `stream "${context.stream ?? ''}": EventStoreDB refused the append, larger than its MaxAppendSize of ${error.maxAppendSize} bytes (split it)`,
      { stream: context.stream, maxAppendSize: error.maxAppendSize },
    );
  }
  if (error instanceof UnknownError && invalidPositionAnswer.test(messageOf(error))) {
    return new EventStoreException(
      EventStoreExceptionCode.INVALID_POSITION,
      `EventStoreDB cannot read from that position: it is not the start of an event in this log (was the database reset?)`,
      { cause: messageOf(error) },
    );
  }
  if (error instanceof UnknownError && (transientServerAnswers.test(messageOf(error)) || context.subscription === true)) return unavailable(error, context);
  return error;
};

// Servers that do not know an event's position send -1, which arrives as the largest uint64.
const unknownPosition = 2n ** 64n - 1n;

const toPosition = (position: { readonly commit: bigint; readonly prepare: bigint } | undefined): Position | undefined =>
  position === undefined || position.commit === unknownPosition ? undefined : { commit: position.commit, prepare: position.prepare };

const toGatewayEvent = (resolved: ResolvedEvent | AllStreamResolvedEvent): GatewayEvent | null => {
  const recorded = resolved.event;
  // Links only exist when projections emit them into `$`-streams; they carry no event of ours.
  if (recorded === undefined) return null;
  return {
    id: recorded.id,
    stream: recorded.streamId,
    revision: recorded.revision,
    type: recorded.type,
    position: toPosition(recorded.position),
    isJson: recorded.isJson,
    data: recorded.data,
    metadata: recorded.metadata,
    created: recorded.created,
  };
};

const collect = async (reading: AsyncIterable<ResolvedEvent | AllStreamResolvedEvent>): Promise<GatewayEvent[]> => {
  const events: GatewayEvent[] = [];
  for await (const resolved of reading) {
    const event = toGatewayEvent(resolved);
    if (event) events.push(event);
  }
  return events;
};

const toClientFilter = (filter: ServerFilter): Filter => {
  const create = filter.on === 'stream-name' ? streamNameFilter : eventTypeFilter;
  return 'regex' in filter ? create({ regex: filter.regex }) : create({ prefixes: [...filter.prefixes] });
};

const toFilterOptions = (filter: ServerFilter): ReadReq.Options.FilterOptions => {
  const expression = new ReadReq.Options.FilterOptions.Expression();
  if ('regex' in filter) expression.setRegex(filter.regex);
  else expression.setPrefixList([...filter.prefixes]);
  const options = new ReadReq.Options.FilterOptions();
  if (filter.on === 'stream-name') options.setStreamIdentifier(expression);
  else options.setEventType(expression);
  // The search window is the page size itself: the server scans until `count` matches or the end of `$all`.
  options.setCount(new Empty());
  options.setCheckpointintervalmultiplier(1);
  return options;
};

const toAllOptions = (from: Position | 'start' | 'end'): ReadReq.Options.AllOptions => {
  const all = new ReadReq.Options.AllOptions();
  if (from === 'start') all.setStart(new Empty());
  else if (from === 'end') all.setEnd(new Empty());
  else {
    const position = new ReadReq.Options.Position();
    position.setCommitPosition(from.commit.toString(10));
    position.setPreparePosition(from.prepare.toString(10));
    all.setPosition(position);
  }
  return all;
};

/** The `Read` request the client's own `readAll` sends, plus the filter its 6.x API does not expose. */
export const filteredReadAllRequest = (request: ReadAllRequest): ReadReq => {
  const uuidOption = new ReadReq.Options.UUIDOption();
  uuidOption.setString(new Empty());
  const options = new ReadReq.Options();
  options.setAll(toAllOptions(request.from));
  options.setResolveLinks(false);
  options.setCount(String(request.maxCount));
  options.setUuidOption(uuidOption);
  options.setFilter(toFilterOptions(request.filter));
  options.setReadDirection(request.direction === 'forwards' ? ReadReq.Options.ReadDirection.FORWARDS : ReadReq.Options.ReadDirection.BACKWARDS);
  const read = new ReadReq();
  read.setOptions(options);
  return read;
};

/**
 * The two protected members of the client that its own `readAll` is built from. `readAll` in 6.x always
 * sends `no_filter`, although the protocol and the server filter reads of `$all`; reading every
 * event to filter it here would not scale, so the filtered request is sent through the same channel,
 * leader discovery and credentials as every other call. The Kurrent client takes `filter` directly.
 */
interface ClientInternals {
  GRPCStreamCreator<C extends GrpcClient, T extends Readable>(
    Client: GRPCClientConstructor<C>,
    debugName: string,
    creator: (client: C) => T | Promise<T>,
  ): () => Promise<T>;
  callArguments(options: BaseOptions, callOptions?: CallOptions): [Metadata, CallOptions];
}

class ClientSubscription implements GatewaySubscription {
  private readonly iterator: AsyncIterator<AllStreamResolvedEvent>;

  constructor(private readonly subscription: ReturnType<EventStoreDBClient['subscribeToAll']>) {
    this.iterator = subscription[Symbol.asyncIterator]();
  }

  async next(): Promise<IteratorResult<GatewayEvent, undefined>> {
    for (;;) {
      let result: IteratorResult<AllStreamResolvedEvent>;
      try {
        result = await this.iterator.next();
      } catch (error) {
        throw toStoreError(error, { operation: 'subscribing to $all', subscription: true });
      }
      if (result.done) return { done: true, value: undefined };
      const event = toGatewayEvent(result.value);
      if (event) return { done: false, value: event };
    }
  }

  async close(): Promise<void> {
    await this.subscription.unsubscribe();
  }
}

class ClientGateway implements EventStoreDbGateway {
  constructor(private readonly client: EventStoreDBClient) {}

  async append(stream: string, events: readonly ProposedEvent[], expectedRevision: ExpectedRevision): Promise<bigint> {
    const proposed = events.map((event) => jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata }));
    try {
      const result = await this.client.appendToStream(stream, proposed, { expectedRevision: toClientExpectedRevision(expectedRevision), requiresLeader: true });
      return result.nextExpectedRevision;
    } catch (error) {
      throw toStoreError(error, { stream, expectedRevision, operation: `the append to "${stream}"` });
    }
  }

  async readStream(stream: string, request: ReadStreamRequest): Promise<GatewayEvent[]> {
    const fromRevision = request.from === 'start' ? START : request.from === 'end' ? END : request.from;
    try {
      return await collect(
        this.client.readStream(stream, {
          fromRevision,
          direction: request.direction === 'forwards' ? FORWARDS : BACKWARDS,
          requiresLeader: true,
          ...(request.maxCount === null ? {} : { maxCount: request.maxCount }),
        }),
      );
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw toStoreError(error, { stream, operation: `reading "${stream}"` });
    }
  }

  async readAll(request: ReadAllRequest, consistency: ReadConsistency): Promise<GatewayEvent[]> {
    const internals = this.client as unknown as ClientInternals;
    const read = filteredReadAllRequest(request);
    const createStream = internals.GRPCStreamCreator(StreamsClient, 'readAll', (streams) =>
      streams.read(read, ...internals.callArguments({ requiresLeader: consistency === 'leader' }, { deadline: Infinity })),
    );
    try {
      return await collect(new ReadStream<AllStreamResolvedEvent>(createStream, convertGrpcEvent, {}));
    } catch (error) {
      throw toStoreError(error, { operation: 'reading $all' });
    }
  }

  subscribeToAll(after: Position | 'start', filter: ServerFilter): GatewaySubscription {
    return new ClientSubscription(this.client.subscribeToAll({ fromPosition: after === 'start' ? START : after, filter: toClientFilter(filter) }));
  }

  dispose(): Promise<void> {
    return this.client.dispose();
  }
}

/** Parses the connection string (`esdb://host:2113?tls=false`, `esdb://a:2113,b:2113,c:2113?…`); connects lazily. */
export const openEventStoreDbGateway = (connectionString: string): EventStoreDbGateway => {
  try {
    return new ClientGateway(EventStoreDBClient.connectionString(connectionString));
  } catch (error) {
    throw new Error(`invalid EventStoreDB connection string "${redactConnectionString(connectionString)}": ${messageOf(error)}`, { cause: error });
  }
};
