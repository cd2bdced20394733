import { randomUUID } from 'node:crypto';
import {
  Metadata,
  Server,
  ServerCredentials,
  status,
  type sendUnaryData,
  type ServerDuplexStream,
  type ServerErrorResponse,
  type ServerReadableStream,
  type ServerWritableStream,
} from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as ProtobufEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { ServerFeaturesService, type IServerFeaturesServer } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import {
  AccessDenied,
  AllStreamPosition,
  Empty,
  MaximumAppendSizeExceeded,
  StreamIdentifier,
  Timeout,
  UUID,
  WrongExpectedVersion,
} from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { StreamsService, type IStreamsServer } from '@eventstore/db-client/generated/streams_grpc_pb';
import { AppendReq, AppendResp, BatchAppendReq, BatchAppendResp, ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { StandInLog, type AppendOutcome, type ExpectedState, type LogFilter, type LoggedEvent, type LogPosition, type ProposedRecord } from './stand-in-log';

/**
 * The wire-level stand-in: an in-process gRPC server speaking EventStoreDB's `event_store.client.streams.Streams`
 * protocol from the stubs `@eventstore/db-client` ships, over an in-memory log. It proves the adapter's
 * mapping of the protocol through the real client; it is not EventStoreDB (no persistence, no projections,
 * no authentication: `user` says who the caller is), so the same contract suite also runs against a real
 * server when one is available.
 *
 * Implemented: `Append` (options, then proposed messages; expected-revision checks answered with the
 * `WrongExpectedVersion` response a server sends; id-based idempotency as the server's commit check);
 * `BatchAppend` (the bidirectional form current servers offer and the client prefers: many appends over one
 * call, errors packed in a `google.rpc.Status` per append); `ServerFeatures.GetSupportedMethods`
 * (advertises both, as a 24.x server does; with `serverFeatures: false` it is UNIMPLEMENTED, as on older
 * servers, and the client falls back to `Append`); `Read` (a stream or `$all`, forwards or backwards, from a
 * revision or position, with a count, with stream-name or event-type filters by prefix or regex;
 * `StreamNotFound` for unknown streams; catch-up subscriptions to `$all` that go live, with checkpoints
 * when filtered). Not implemented, answered UNIMPLEMENTED like any unknown method: `Delete`, `Tombstone`,
 * subscriptions to a single stream, gossip, persistent subscriptions, users, projections. Ids are
 * answered as strings, the form the client asks for.
 *
 * What a 24.10 server does and the stand-in reproduces, each answered with the server's own status and
 * message (Streams.Append.cs, Streams.BatchAppend.cs, RpcExceptions.cs, Status.cs):
 * - Cluster roles (`startCluster`): a follower forwards writes to the leader and answers reads from its own
 *   log, which may lag (`lagBehindLeader`); a call carrying `requires-leader: true` gets NotLeader with the
 *   leader's endpoint, which the client reconnects to.
 * - Elections and start-up (`failWith('not-ready')`): "Server Is Not Ready" — UNAVAILABLE on unary calls,
 *   and on `BatchAppend` a status with empty details that the client reports as an unknown error.
 * - Replication (`log.holdReplication`): a write is acknowledged and readable once a quorum has it; a
 *   retry with the same ids before that is dropped and its caller gets the write timeout (`writeTimeoutMs`,
 *   2 s as on the server); a write not replicated within it times out too, and is stored all the same.
 * - Idempotency with `any` looks at a bounded cache of recent ids, lost on restart (`log.forgetRecentWrites`).
 * - ACLs (`user`): `$`-streams need `$admins`, and so does `$all` unless the user was granted read on it.
 * - `MaxAppendSize` (1 MiB by default), counted as the server counts an event's size.
 * - Reads of `$all` from a position inside a record: INVALID_ARGUMENT "Trying to read from an invalid position."
 * - A wiped database (`wipe`): an empty log whose positions start again.
 * - Subscription calls dropped with UNAVAILABLE, INTERNAL or UNKNOWN, now or after a number of events.
 */

export interface StandInUser {
  readonly name: string;
  /** Member of `$admins`: every stream, `$all` included. */
  readonly admin: boolean;
  /** Granted read on `$all` (its `$acl`), the one right beyond the default a non-admin app user needs. */
  readonly readAll: boolean;
}

export interface WireLevelStandInOptions {
  /** Log position of the first event; set it above 2^53 to prove positions are never squeezed into a number. */
  readonly firstLogPosition?: bigint;
  readonly now?: () => Date;
  /** Answer `ServerFeatures` (default) so the client appends through `BatchAppend`; `false` makes it use `Append`. */
  readonly serverFeatures?: boolean;
  /** The server's `MaxAppendSize`; default 1 MiB. */
  readonly maxAppendSize?: number;
  /** The server's write timeout; default 2 s. */
  readonly writeTimeoutMs?: number;
  /** How many recent ids the `any` idempotency check remembers. */
  readonly recentIdsRemembered?: number;
  /** Who the caller is; default an admin. */
  readonly user?: StandInUser;
}

export type StandInFailure = 'unavailable' | 'not-leader' | 'not-ready';

/** How the server ends a subscription call it drops. */
export type SubscriptionDrop = 'unavailable' | 'internal' | 'unknown';

export interface StandInStats {
  readonly appendCalls: number;
  readonly batchAppendRequests: number;
  readonly readCalls: number;
  readonly subscriptionsOpened: number;
  readonly subscriptionsDropped: number;
  readonly openSubscriptions: number;
  /** Retries that matched a write not yet replicated: dropped, answered with the write timeout. */
  readonly droppedIdempotentWrites: number;
  readonly notLeaderAnswers: number;
  readonly notReadyAnswers: number;
  readonly accessDenied: number;
  readonly appendSizeRefusals: number;
  readonly writeTimeouts: number;
}

/** One call as the node received it: which operation, on what, and whether it asked for the leader. */
export interface StandInCall {
  readonly operation: 'append' | 'read-stream' | 'read-all' | 'subscribe';
  /** The stream, or `$all`. */
  readonly stream: string;
  readonly requiresLeader: boolean;
}

export const adminUser: StandInUser = { name: 'admin', admin: true, readAll: true };
export const defaultMaxAppendSize = 1_048_576;
const defaultWriteTimeoutMs = 2_000;

interface OpenSubscription {
  readonly call: ServerWritableStream<ReadReq, ReadResp>;
  sent: number;
  ended: boolean;
  /** Resumes the subscription's loop when it waits for new events or for the client to take more. */
  waiter: (() => void) | null;
}

interface DropPlan {
  readonly afterEvents: number;
  remaining: number;
}

type Role = { readonly kind: 'leader' } | { readonly kind: 'follower'; readonly leader: WireLevelStandIn; frozenAt: number | null };

/** What the nodes of one cluster share: the log (replaced when the database is wiped). */
interface ClusterState {
  log: StandInLog;
  readonly nodes: WireLevelStandIn[];
}

/** An append's outcome on the wire: a log outcome, or the status a server answers instead. */
type WriteAnswer = AppendOutcome | { readonly kind: 'refused'; readonly refusal: Refusal };

type Refusal =
  | { readonly kind: 'access-denied' }
  | { readonly kind: 'max-append-size'; readonly maxAppendSize: number }
  | { readonly kind: 'timeout'; readonly message: string };

const subscriptionBatch = 64;
const textDecoder = new TextDecoder();

const streamNameOf = (identifier: StreamIdentifier | undefined): string => textDecoder.decode(identifier?.getStreamName_asU8() ?? new Uint8Array());

const streamIdentifier = (name: string): StreamIdentifier => {
  const identifier = new StreamIdentifier();
  identifier.setStreamName(new TextEncoder().encode(name));
  return identifier;
};

const uuidText = (uuid: UUID | undefined): string => {
  if (!uuid) return randomUUID();
  if (uuid.hasString()) return uuid.getString().toLowerCase();
  const structured = uuid.getStructured();
  const hex = [structured?.getMostSignificantBits() ?? '0', structured?.getLeastSignificantBits() ?? '0']
    .map((bits) => BigInt.asUintN(64, BigInt(bits)).toString(16).padStart(16, '0'))
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** Event.SizeOnDisk: data, metadata, and the type at two bytes a character. */
const sizeOnDisk = (record: ProposedRecord): number => record.data.length + record.metadata.length + 2 * record.type.length;

const expectedStateOf = (options: AppendReq.Options): ExpectedState => {
  switch (options.getExpectedStreamRevisionCase()) {
    case AppendReq.Options.ExpectedStreamRevisionCase.REVISION:
      return { kind: 'revision', revision: Number(options.getRevision()) };
    case AppendReq.Options.ExpectedStreamRevisionCase.NO_STREAM:
      return { kind: 'no_stream' };
    case AppendReq.Options.ExpectedStreamRevisionCase.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    default:
      return { kind: 'any' };
  }
};

const proposedRecordOf = (message: AppendReq.ProposedMessage | BatchAppendReq.ProposedMessage): ProposedRecord => ({
  id: uuidText(message.getId()),
  type: message.getMetadataMap().get('type') ?? '',
  contentType: message.getMetadataMap().get('content-type') ?? 'application/octet-stream',
  data: message.getData_asU8(),
  metadata: message.getCustomMetadata_asU8(),
});

const wrongExpectedVersionResponse = (expected: ExpectedState, currentRevision: number | null): AppendResp => {
  const wrong = new AppendResp.WrongExpectedVersion();
  if (currentRevision === null) wrong.setCurrentNoStream(new Empty());
  else wrong.setCurrentRevision(String(currentRevision));
  if (expected.kind === 'revision') wrong.setExpectedRevision(String(expected.revision));
  else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(new Empty());
  else if (expected.kind === 'stream_exists') wrong.setExpectedStreamExists(new Empty());
  else wrong.setExpectedAny(new Empty());
  const response = new AppendResp();
  response.setWrongExpectedVersion(wrong);
  return response;
};

const batchExpectedStateOf = (options: BatchAppendReq.Options): ExpectedState => {
  switch (options.getExpectedStreamPositionCase()) {
    case BatchAppendReq.Options.ExpectedStreamPositionCase.STREAM_POSITION:
      return { kind: 'revision', revision: Number(options.getStreamPosition()) };
    case BatchAppendReq.Options.ExpectedStreamPositionCase.NO_STREAM:
      return { kind: 'no_stream' };
    case BatchAppendReq.Options.ExpectedStreamPositionCase.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    default:
      return { kind: 'any' };
  }
};

/** A `google.rpc.Status` as Status.cs builds it: a code, a message and typed details. */
const rpcStatus = (code: number, message: string, details: Uint8Array, typeName: string): Status => {
  const packed = new Any();
  packed.pack(details, typeName);
  const failed = new Status();
  failed.setCode(code);
  failed.setMessage(message);
  failed.setDetails(packed);
  return failed;
};

const batchWrongExpectedVersion = (expected: ExpectedState, currentRevision: number | null): Status => {
  const wrong = new WrongExpectedVersion();
  if (currentRevision === null) wrong.setCurrentNoStream(new ProtobufEmpty());
  else wrong.setCurrentStreamRevision(String(currentRevision));
  if (expected.kind === 'revision') wrong.setExpectedStreamPosition(String(expected.revision));
  else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(new ProtobufEmpty());
  else if (expected.kind === 'stream_exists') wrong.setExpectedStreamExists(new ProtobufEmpty());
  else wrong.setExpectedAny(new ProtobufEmpty());
  return rpcStatus(Code.FAILED_PRECONDITION, 'WrongExpectedVersion', wrong.serializeBinary(), 'event_store.client.WrongExpectedVersion');
};

const batchRefusal = (refusal: Refusal): Status => {
  if (refusal.kind === 'access-denied') return rpcStatus(Code.PERMISSION_DENIED, 'AccessDenied', new AccessDenied().serializeBinary(), 'event_store.client.AccessDenied');
  if (refusal.kind === 'timeout') return rpcStatus(Code.DEADLINE_EXCEEDED, 'Timeout', new Timeout().serializeBinary(), 'event_store.client.Timeout');
  const exceeded = new MaximumAppendSizeExceeded();
  exceeded.setMaxappendsize(refusal.maxAppendSize);
  return rpcStatus(Code.INVALID_ARGUMENT, 'MaximumAppendSizeExceeded', exceeded.serializeBinary(), 'event_store.client.MaximumAppendSizeExceeded');
};

/** What Streams.BatchAppend.cs answers for NotHandled(NotReady): empty details, so the client cannot name it. */
const batchNotReady = (): Status => rpcStatus(Code.OK, 'Server Is Not Ready', new ProtobufEmpty().serializeBinary(), 'google.protobuf.Empty');

const batchResponse = (correlationId: string, stream: string, expected: ExpectedState, answer: Status | { readonly lastRevision: number; readonly position: bigint }): BatchAppendResp => {
  const correlation = new UUID();
  correlation.setString(correlationId);
  const response = new BatchAppendResp();
  response.setCorrelationId(correlation);
  response.setStreamIdentifier(streamIdentifier(stream));
  if (expected.kind === 'revision') response.setStreamPosition(String(expected.revision));
  else if (expected.kind === 'no_stream') response.setNoStream(new ProtobufEmpty());
  else if (expected.kind === 'stream_exists') response.setStreamExists(new ProtobufEmpty());
  else response.setAny(new ProtobufEmpty());
  if (answer instanceof Status) {
    response.setError(answer);
    return response;
  }
  const position = new AllStreamPosition();
  position.setCommitPosition(answer.position.toString());
  position.setPreparePosition(answer.position.toString());
  const success = new BatchAppendResp.Success();
  success.setCurrentRevision(String(answer.lastRevision));
  success.setPosition(position);
  response.setSuccess(success);
  return response;
};

const supportedMethods = (): SupportedMethods => {
  const methods = new SupportedMethods();
  for (const name of ['read', 'append', 'batchappend']) {
    const method = new SupportedMethod();
    method.setServiceName('event_store.client.streams.streams');
    method.setMethodName(name);
    methods.addMethods(method);
  }
  methods.setEventStoreServerVersion('24.10.0-wire-level-stand-in');
  return methods;
};

const successResponse = (lastRevision: number, position: bigint): AppendResp => {
  const appended = new AppendResp.Position();
  appended.setCommitPosition(position.toString());
  appended.setPreparePosition(position.toString());
  const success = new AppendResp.Success();
  success.setCurrentRevision(String(lastRevision));
  success.setPosition(appended);
  const response = new AppendResp();
  response.setSuccess(success);
  return response;
};

const eventResponse = (event: LoggedEvent): ReadResp => {
  const id = new UUID();
  id.setString(event.id);
  const recorded = new ReadResp.ReadEvent.RecordedEvent();
  recorded.setId(id);
  recorded.setStreamIdentifier(streamIdentifier(event.stream));
  recorded.setStreamRevision(String(event.revision));
  recorded.setCommitPosition(event.position.toString());
  recorded.setPreparePosition(event.position.toString());
  recorded.getMetadataMap().set('type', event.type);
  recorded.getMetadataMap().set('content-type', event.contentType);
  recorded.getMetadataMap().set('created', event.created.toString());
  recorded.setData(event.data);
  recorded.setCustomMetadata(event.metadata);
  const read = new ReadResp.ReadEvent();
  read.setEvent(recorded);
  read.setCommitPosition(event.position.toString());
  const response = new ReadResp();
  response.setEvent(read);
  return response;
};

const streamNotFoundResponse = (stream: string): ReadResp => {
  const notFound = new ReadResp.StreamNotFound();
  notFound.setStreamIdentifier(streamIdentifier(stream));
  const response = new ReadResp();
  response.setStreamNotFound(notFound);
  return response;
};

const confirmationResponse = (): ReadResp => {
  const confirmation = new ReadResp.SubscriptionConfirmation();
  confirmation.setSubscriptionId(randomUUID());
  const response = new ReadResp();
  response.setConfirmation(confirmation);
  return response;
};

const checkpointResponse = (position: LogPosition): ReadResp => {
  const checkpoint = new ReadResp.Checkpoint();
  checkpoint.setCommitPosition(position.commit.toString());
  checkpoint.setPreparePosition(position.prepare.toString());
  const response = new ReadResp();
  response.setCheckpoint(checkpoint);
  return response;
};

const caughtUpResponse = (): ReadResp => {
  const response = new ReadResp();
  response.setCaughtUp(new ReadResp.CaughtUp());
  return response;
};

const logFilterOf = (options: ReadReq.Options): LogFilter | null => {
  if (!options.hasFilter()) return null;
  const filter = options.getFilter() as ReadReq.Options.FilterOptions;
  const onStreams = filter.getFilterCase() === ReadReq.Options.FilterOptions.FilterCase.STREAM_IDENTIFIER;
  const expression = onStreams ? filter.getStreamIdentifier() : filter.getEventType();
  const on = onStreams ? 'stream-name' : 'event-type';
  const prefixes = expression?.getPrefixList() ?? [];
  return prefixes.length > 0 ? { on, prefixes } : { on, regex: new RegExp(expression?.getRegex() ?? '') };
};

const allFromOf = (options: ReadReq.Options.AllOptions): LogPosition | 'start' | 'end' => {
  switch (options.getAllOptionCase()) {
    case ReadReq.Options.AllOptions.AllOptionCase.POSITION: {
      const position = options.getPosition() as ReadReq.Options.Position;
      return { commit: BigInt(position.getCommitPosition()), prepare: BigInt(position.getPreparePosition()) };
    }
    case ReadReq.Options.AllOptions.AllOptionCase.END:
      return 'end';
    default:
      return 'start';
  }
};

const streamFromOf = (options: ReadReq.Options.StreamOptions): number | 'start' | 'end' => {
  switch (options.getRevisionOptionCase()) {
    case ReadReq.Options.StreamOptions.RevisionOptionCase.REVISION:
      return Number(options.getRevision());
    case ReadReq.Options.StreamOptions.RevisionOptionCase.END:
      return 'end';
    default:
      return 'start';
  }
};

const countOf = (options: ReadReq.Options): number => {
  const count = BigInt(options.getCount() || '0');
  return count > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(count);
};

const wake = (subscription: OpenSubscription): void => {
  const waiter = subscription.waiter;
  subscription.waiter = null;
  waiter?.();
};

/** Waits until `wake` is called, or until the call drains when `untilDrained`. */
const pause = (subscription: OpenSubscription, untilDrained: boolean): Promise<void> =>
  new Promise((resolve) => {
    const resume = (): void => {
      subscription.call.off('drain', resume);
      subscription.waiter = null;
      resolve();
    };
    subscription.waiter = resume;
    if (untilDrained) subscription.call.on('drain', resume);
  });

const errorStatus = (code: status, details: string, metadata = new Metadata()): ServerErrorResponse =>
  Object.assign(new Error(details), { code, details, metadata });

const withException = (exception: string, entries: Record<string, string> = {}): Metadata => {
  const metadata = new Metadata();
  metadata.set('exception', exception);
  Object.entries(entries).forEach(([key, value]) => metadata.set(key, value));
  return metadata;
};

/** The unary/read form of a refusal (RpcExceptions.cs). */
const refusalStatus = (refusal: Refusal): ServerErrorResponse => {
  if (refusal.kind === 'access-denied') return errorStatus(status.PERMISSION_DENIED, 'Access Denied', withException('access-denied'));
  if (refusal.kind === 'timeout') return errorStatus(status.ABORTED, `Operation timed out: ${refusal.message}`);
  return errorStatus(status.INVALID_ARGUMENT, `Maximum Append Size of ${refusal.maxAppendSize} Exceeded.`, withException('maximum-append-size-exceeded', { 'maximum-append-size': String(refusal.maxAppendSize) }));
};

const invalidPositionStatus = (): ServerErrorResponse => errorStatus(status.INVALID_ARGUMENT, 'Trying to read from an invalid position.');

const dropStatus = (drop: SubscriptionDrop): ServerErrorResponse => {
  if (drop === 'internal') return errorStatus(status.INTERNAL, 'the wire-level stand-in ended this subscription with an internal error');
  if (drop === 'unknown') return errorStatus(status.UNKNOWN, 'the wire-level stand-in ended this subscription with an unknown error');
  return errorStatus(status.UNAVAILABLE, 'the wire-level stand-in dropped this subscription');
};

const requiresLeader = (metadata: Metadata): boolean => metadata.get('requires-leader').some((value) => String(value) === 'true');

export class WireLevelStandIn {
  private failure: StandInFailure | null = null;
  private dropPlan: (DropPlan & { readonly drop: SubscriptionDrop }) | null = null;
  private role: Role = { kind: 'leader' };
  private user: StandInUser;
  private readonly maxAppendSize: number;
  private readonly writeTimeoutMs: number;
  private readonly subscriptions = new Set<OpenSubscription>();
  private readonly batchCalls = new Set<ServerDuplexStream<BatchAppendReq, BatchAppendResp>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly received: StandInCall[] = [];
  private readonly counters = {
    appendCalls: 0,
    batchAppendRequests: 0,
    readCalls: 0,
    subscriptionsOpened: 0,
    subscriptionsDropped: 0,
    droppedIdempotentWrites: 0,
    notLeaderAnswers: 0,
    notReadyAnswers: 0,
    accessDenied: 0,
    appendSizeRefusals: 0,
    writeTimeouts: 0,
  };

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly cluster: ClusterState,
    private readonly options: WireLevelStandInOptions,
  ) {
    this.user = options.user ?? adminUser;
    this.maxAppendSize = options.maxAppendSize ?? defaultMaxAppendSize;
    this.writeTimeoutMs = options.writeTimeoutMs ?? defaultWriteTimeoutMs;
  }

  /** Starts one node, the leader of a cluster of one, on 127.0.0.1 with a free port. */
  static async start(options: WireLevelStandInOptions = {}): Promise<WireLevelStandIn> {
    const [node] = await WireLevelStandIn.startCluster(1, options);
    return node as WireLevelStandIn;
  }

  /** Starts `size` nodes sharing one log; the first is the leader, the others follow it (without lag). */
  static async startCluster(size: number, options: WireLevelStandInOptions = {}): Promise<WireLevelStandIn[]> {
    const cluster: ClusterState = { log: WireLevelStandIn.newLog(options), nodes: [] };
    for (let index = 0; index < size; index += 1) cluster.nodes.push(await WireLevelStandIn.startNode(cluster, options));
    const [leader] = cluster.nodes;
    if (leader) leader.becomeLeader();
    return [...cluster.nodes];
  }

  private static newLog(options: WireLevelStandInOptions): StandInLog {
    return new StandInLog({ firstPosition: options.firstLogPosition, now: options.now, recentIdsRemembered: options.recentIdsRemembered });
  }

  private static async startNode(cluster: ClusterState, options: WireLevelStandInOptions): Promise<WireLevelStandIn> {
    const server = new Server();
    let standIn: WireLevelStandIn | undefined;
    const streams: Pick<IStreamsServer, 'append' | 'batchAppend' | 'read'> = {
      append: (call, callback) => standIn?.append(call, callback),
      batchAppend: (call) => standIn?.batchAppend(call),
      read: (call) => standIn?.read(call),
    };
    server.addService(StreamsService, streams);
    if (options.serverFeatures ?? true) {
      const features: IServerFeaturesServer = { getSupportedMethods: (_call, callback) => callback(null, supportedMethods()) };
      server.addService(ServerFeaturesService, features);
    }
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    standIn = new WireLevelStandIn(server, port, cluster, options);
    return standIn;
  }

  /** The cluster's log (replaced by `wipe`). */
  get log(): StandInLog {
    return this.cluster.log;
  }

  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  get stats(): StandInStats {
    return { ...this.counters, openSubscriptions: this.subscriptions.size };
  }

  /** Every call this node received, in order (appends inside a batch call count one each). */
  get calls(): readonly StandInCall[] {
    return this.received;
  }

  get isLeader(): boolean {
    return this.role.kind === 'leader';
  }

  /** This node is elected leader; every other node of the cluster follows it, without lag. */
  becomeLeader(): void {
    this.role = { kind: 'leader' };
    for (const node of this.cluster.nodes) if (node !== this) node.role = { kind: 'follower', leader: this, frozenAt: null };
  }

  /** A follower stops receiving the leader's writes: its reads stay where the log is now, its writes are still forwarded. */
  lagBehindLeader(): void {
    if (this.role.kind !== 'follower') throw new Error('only a follower can lag behind the leader');
    this.role.frozenAt = this.cluster.log.replicatedCount;
  }

  /** A lagging follower receives the leader's log again. */
  catchUpWithLeader(): void {
    if (this.role.kind === 'follower') this.role.frozenAt = null;
    this.subscriptions.forEach(wake);
  }

  /** Who the caller is from now on. */
  actAs(user: StandInUser): void {
    this.user = user;
  }

  /** Answers every call with this failure until called with `null`; open subscriptions (and batch calls, but for not-ready) end at once. */
  failWith(failure: StandInFailure | null): void {
    this.failure = failure;
    if (failure === null) return;
    this.dropSubscriptions();
    if (failure === 'not-ready') return;
    const refusal = this.failureStatus();
    if (refusal === null) return;
    [...this.batchCalls].forEach((call) => call.emit('error', refusal));
    this.batchCalls.clear();
  }

  /** Ends every open subscription call now, as a node that goes away (UNAVAILABLE) or fails (INTERNAL, UNKNOWN) does. */
  dropSubscriptions(drop: SubscriptionDrop = 'unavailable'): void {
    [...this.subscriptions].forEach((subscription) => this.drop(subscription, drop));
  }

  /** The next `times` subscription calls (open or new) each end after sending `afterEvents` events. */
  dropSubscriptionsAfter(afterEvents: number, times = 1, drop: SubscriptionDrop = 'unavailable'): void {
    this.dropPlan = { afterEvents, remaining: times, drop };
  }

  /**
   * The database is wiped (an in-memory node restarted, or its volume deleted): an empty log whose positions
   * start again, for every node of the cluster; their subscriptions are dropped as by a restart.
   */
  wipe(): void {
    this.cluster.log = WireLevelStandIn.newLog(this.options);
    for (const node of this.cluster.nodes) {
      node.dropSubscriptions();
      if (node.role.kind === 'follower') node.role.frozenAt = null;
    }
  }

  async stop(): Promise<void> {
    this.dropPlan = null;
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
    [...this.subscriptions].forEach((subscription) => this.end(subscription));
    this.server.forceShutdown();
  }

  /** How many log entries this node's readers see: the replicated ones, or fewer on a lagging follower. */
  private visible(): number {
    const replicated = this.cluster.log.replicatedCount;
    return this.role.kind === 'follower' && this.role.frozenAt !== null ? Math.min(this.role.frozenAt, replicated) : replicated;
  }

  private notLeader(leader: WireLevelStandIn): ServerErrorResponse {
    this.counters.notLeaderAnswers += 1;
    // What a follower answers (RpcExceptions.LeaderInfo): the client reconnects to the leader it names.
    return errorStatus(status.NOT_FOUND, 'Leader info available', withException('not-leader', { 'leader-endpoint-host': '127.0.0.1', 'leader-endpoint-port': String(leader.port) }));
  }

  private failureStatus(): ServerErrorResponse | null {
    if (this.failure === 'unavailable') return errorStatus(status.UNAVAILABLE, 'the wire-level stand-in answers UNAVAILABLE on demand');
    if (this.failure === 'not-leader') return this.notLeader(this.role.kind === 'follower' ? this.role.leader : this);
    if (this.failure === 'not-ready') {
      this.counters.notReadyAnswers += 1;
      return errorStatus(status.UNAVAILABLE, 'Server Is Not Ready');
    }
    return null;
  }

  /** Refuses a call before it runs: a failure on demand, or a follower asked for the leader. */
  private refuseCall(metadata: Metadata): ServerErrorResponse | null {
    const failure = this.failureStatus();
    if (failure) return failure;
    if (this.role.kind === 'follower' && requiresLeader(metadata)) return this.notLeader(this.role.leader);
    return null;
  }

  private mayAccess(stream: string, operation: 'read' | 'write'): boolean {
    const allowed = this.user.admin || (stream === '$all' ? operation === 'read' && this.user.readAll : !stream.startsWith('$'));
    if (!allowed) this.counters.accessDenied += 1;
    return allowed;
  }

  private later(delayMs: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, delayMs);
    this.timers.add(timer);
  }

  /** Writes through the log and answers once replicated, or with the write timeout; a dropped retry times out. */
  private write(stream: string, expected: ExpectedState, records: readonly ProposedRecord[], answer: (result: WriteAnswer) => void): void {
    if (!this.mayAccess(stream, 'write')) return answer({ kind: 'refused', refusal: { kind: 'access-denied' } });
    const size = records.reduce((sum, record) => sum + sizeOnDisk(record), 0);
    if (size > this.maxAppendSize) {
      this.counters.appendSizeRefusals += 1;
      return answer({ kind: 'refused', refusal: { kind: 'max-append-size', maxAppendSize: this.maxAppendSize } });
    }
    const log = this.cluster.log;
    const outcome = log.append(stream, expected, records);
    const timeout: WriteAnswer = { kind: 'refused', refusal: { kind: 'timeout', message: `the write to "${stream}" was not acknowledged in time` } };
    if (outcome.kind === 'idempotent-not-ready') {
      this.counters.droppedIdempotentWrites += 1;
      return this.later(this.writeTimeoutMs, () => answer(timeout));
    }
    if (outcome.kind !== 'written' || log.isReplicated(outcome.lastIndex)) return answer(outcome);
    let settled = false;
    const settle = (result: WriteAnswer): void => {
      if (settled) return;
      settled = true;
      unwatch();
      answer(result);
    };
    const unwatch = log.watch(() => {
      if (log.isReplicated(outcome.lastIndex)) settle(outcome);
    });
    this.later(this.writeTimeoutMs, () => {
      if (!settled) this.counters.writeTimeouts += 1;
      settle(timeout);
    });
  }

  private append(call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void {
    this.counters.appendCalls += 1;
    const refused = this.refuseCall(call.metadata);
    if (refused) {
      callback(refused);
      return;
    }
    let options: AppendReq.Options | undefined;
    const records: ProposedRecord[] = [];
    call.on('data', (request: AppendReq) => {
      if (request.hasOptions()) options = request.getOptions();
      else if (request.hasProposedMessage()) records.push(proposedRecordOf(request.getProposedMessage() as AppendReq.ProposedMessage));
    });
    call.on('end', () => {
      if (!options) {
        callback(errorStatus(status.INVALID_ARGUMENT, 'an append must start with its options'));
        return;
      }
      const expected = expectedStateOf(options);
      const stream = streamNameOf(options.getStreamIdentifier());
      this.received.push({ operation: 'append', stream, requiresLeader: requiresLeader(call.metadata) });
      this.write(stream, expected, records, (result) => {
        if (result.kind === 'refused') callback(refusalStatus(result.refusal));
        else if (result.kind === 'wrong-expected-version') callback(null, wrongExpectedVersionResponse(expected, result.currentRevision));
        else if (result.kind === 'written' || result.kind === 'idempotent') callback(null, successResponse(result.lastRevision, result.position));
      });
    });
  }

  /** Appends arrive as requests tagged with a correlation id, possibly in chunks; each is answered on its own. */
  private batchAppend(call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void {
    const failure = this.failure === 'not-ready' ? null : this.failureStatus();
    if (failure) {
      call.emit('error', failure);
      return;
    }
    this.batchCalls.add(call);
    const pending = new Map<string, { readonly options: BatchAppendReq.Options; readonly records: ProposedRecord[] }>();
    call.on('data', (request: BatchAppendReq) => {
      this.counters.batchAppendRequests += 1;
      // A follower asked for the leader fails the whole call, as the server's worker does (it throws LeaderInfo).
      if (this.role.kind === 'follower' && requiresLeader(call.metadata)) {
        this.batchCalls.delete(call);
        call.emit('error', this.notLeader(this.role.leader));
        return;
      }
      const correlationId = uuidText(request.getCorrelationId());
      const entry = pending.get(correlationId) ?? { options: request.getOptions() ?? new BatchAppendReq.Options(), records: [] };
      pending.set(correlationId, entry);
      entry.records.push(...request.getProposedMessagesList().map(proposedRecordOf));
      if (!request.getIsFinal()) return;
      pending.delete(correlationId);
      const stream = streamNameOf(entry.options.getStreamIdentifier());
      const expected = batchExpectedStateOf(entry.options);
      this.received.push({ operation: 'append', stream, requiresLeader: requiresLeader(call.metadata) });
      const respond = (answer: Parameters<typeof batchResponse>[3]): void => {
        if (!call.cancelled && !call.destroyed) call.write(batchResponse(correlationId, stream, expected, answer));
      };
      if (this.failure === 'not-ready') {
        this.counters.notReadyAnswers += 1;
        respond(batchNotReady());
        return;
      }
      this.write(stream, expected, entry.records, (result) => {
        if (result.kind === 'refused') respond(batchRefusal(result.refusal));
        else if (result.kind === 'wrong-expected-version') respond(batchWrongExpectedVersion(expected, result.currentRevision));
        else if (result.kind === 'written' || result.kind === 'idempotent') respond(result);
      });
    });
    call.on('end', () => {
      this.batchCalls.delete(call);
      call.end();
    });
    call.on('cancelled', () => this.batchCalls.delete(call));
  }

  private read(call: ServerWritableStream<ReadReq, ReadResp>): void {
    this.counters.readCalls += 1;
    const readOptions = call.request.getOptions();
    this.received.push({
      operation: readOptions?.hasSubscription() ? 'subscribe' : readOptions?.hasStream() ? 'read-stream' : 'read-all',
      stream: readOptions?.hasStream() ? streamNameOf(readOptions.getStream()?.getStreamIdentifier()) : '$all',
      requiresLeader: requiresLeader(call.metadata),
    });
    const refused = this.refuseCall(call.metadata);
    if (refused) {
      call.emit('error', refused);
      return;
    }
    const options = call.request.getOptions();
    if (!options) {
      call.emit('error', errorStatus(status.INVALID_ARGUMENT, 'a read needs options'));
      return;
    }
    const direction = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS ? 'backwards' : 'forwards';
    const log = this.cluster.log;
    if (options.hasStream()) {
      if (options.hasSubscription()) {
        call.emit('error', errorStatus(status.UNIMPLEMENTED, 'stream subscriptions are not implemented by the wire-level stand-in'));
        return;
      }
      const streamOptions = options.getStream() as ReadReq.Options.StreamOptions;
      const stream = streamNameOf(streamOptions.getStreamIdentifier());
      if (!this.mayAccess(stream, 'read')) {
        call.emit('error', refusalStatus({ kind: 'access-denied' }));
        return;
      }
      const events = log.readStream(stream, streamFromOf(streamOptions), direction, countOf(options), this.visible());
      if (events === null) call.write(streamNotFoundResponse(stream));
      else events.forEach((event) => call.write(eventResponse(event)));
      call.end();
      return;
    }
    if (!this.mayAccess('$all', 'read')) {
      call.emit('error', refusalStatus({ kind: 'access-denied' }));
      return;
    }
    const from = allFromOf(options.getAll() as ReadReq.Options.AllOptions);
    if (from !== 'start' && from !== 'end' && !log.isReadablePosition(from)) {
      call.emit('error', invalidPositionStatus());
      return;
    }
    if (options.hasSubscription()) {
      void this.subscribe(call, from, logFilterOf(options));
      return;
    }
    log.readAll(from, direction, countOf(options), logFilterOf(options), this.visible()).forEach((event) => call.write(eventResponse(event)));
    call.end();
  }

  /** Catch-up then live: send what is after the cursor in batches, then wait for the next write to the log. */
  private async subscribe(call: ServerWritableStream<ReadReq, ReadResp>, from: LogPosition | 'start' | 'end', filter: LogFilter | null): Promise<void> {
    const subscription: OpenSubscription = { call, sent: 0, ended: false, waiter: null };
    const log = this.cluster.log;
    this.subscriptions.add(subscription);
    this.counters.subscriptionsOpened += 1;
    const unwatch = log.watch(() => wake(subscription));
    call.on('cancelled', () => this.end(subscription));
    call.write(confirmationResponse());
    let cursor: LogPosition | 'start' = from === 'end' ? (log.lastPosition(this.visible()) ?? 'start') : from;
    let caughtUp = false;
    try {
      while (!subscription.ended) {
        const { events, scannedTo } = log.scanAfter(cursor, filter, subscriptionBatch, this.visible());
        if (scannedTo === cursor) {
          if (!caughtUp) call.write(caughtUpResponse());
          caughtUp = true;
          await pause(subscription, false);
          continue;
        }
        for (const event of events) {
          if (subscription.ended) return;
          const writable = call.write(eventResponse(event));
          subscription.sent += 1;
          const drop = this.plannedDrop(subscription);
          if (drop) {
            this.drop(subscription, drop);
            return;
          }
          if (!writable) await pause(subscription, true);
        }
        cursor = scannedTo;
        if (filter !== null && scannedTo !== 'start' && !subscription.ended) call.write(checkpointResponse(scannedTo));
      }
    } finally {
      unwatch();
    }
  }

  private plannedDrop(subscription: OpenSubscription): SubscriptionDrop | null {
    const plan = this.dropPlan;
    if (!plan || plan.remaining <= 0 || subscription.sent < plan.afterEvents) return null;
    plan.remaining -= 1;
    if (plan.remaining === 0) this.dropPlan = null;
    return plan.drop;
  }

  private drop(subscription: OpenSubscription, drop: SubscriptionDrop = 'unavailable'): void {
    if (subscription.ended) return;
    this.counters.subscriptionsDropped += 1;
    subscription.call.emit('error', dropStatus(drop));
    this.end(subscription);
  }

  private end(subscription: OpenSubscription): void {
    if (subscription.ended) return;
    subscription.ended = true;
    this.subscriptions.delete(subscription);
    wake(subscription);
  }
}
