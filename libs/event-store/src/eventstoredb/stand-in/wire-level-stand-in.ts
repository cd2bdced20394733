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
import { AllStreamPosition, Empty, StreamIdentifier, UUID, WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { StreamsService, type IStreamsServer } from '@eventstore/db-client/generated/streams_grpc_pb';
import { AppendReq, AppendResp, BatchAppendReq, BatchAppendResp, ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { StandInLog, type AppendOutcome, type ExpectedState, type LogFilter, type LoggedEvent, type LogPosition, type ProposedRecord } from './stand-in-log';

/**
 * The wire-level stand-in: an in-process gRPC server speaking EventStoreDB's `event_store.client.streams.Streams`
 * protocol from the stubs `@eventstore/db-client` ships, over an in-memory log. It proves the adapter's
 * mapping of the protocol through the real client; it is not EventStoreDB (no persistence, no cluster, no
 * ACLs, no projections), so the same contract suite also runs against a real server when one is available.
 *
 * Implemented: `Append` (options, then proposed messages; expected-revision checks answered with the
 * `WrongExpectedVersion` response a server sends; id-based idempotency as the server's commit check);
 * `BatchAppend` (the bidirectional form current servers offer and the client prefers: many appends over one
 * call, a `WrongExpectedVersion` packed in a `google.rpc.Status`); `ServerFeatures.GetSupportedMethods`
 * (advertises both, as a 24.x server does; with `serverFeatures: false` it is UNIMPLEMENTED, as on older
 * servers, and the client falls back to `Append`); `Read` (a stream or `$all`, forwards or backwards, from a
 * revision or position, with a count, with stream-name or event-type filters by prefix or regex;
 * `StreamNotFound` for unknown streams; catch-up subscriptions to `$all` that go live, with checkpoints
 * when filtered). Not implemented, answered UNIMPLEMENTED like any unknown method: `Delete`, `Tombstone`,
 * subscriptions to a single stream, gossip, persistent subscriptions, users, projections. Ids are
 * answered as strings, the form the client asks for; `BatchAppend` deadlines are not enforced.
 *
 * For resilience tests it can answer every call with UNAVAILABLE or NOT-LEADER, and drop subscription
 * calls mid-stream, now or after a given number of events.
 */

export interface WireLevelStandInOptions {
  /** Log position of the first event; set it above 2^53 to prove positions are never squeezed into a number. */
  readonly firstLogPosition?: bigint;
  readonly now?: () => Date;
  /** Answer `ServerFeatures` (default) so the client appends through `BatchAppend`; `false` makes it use `Append`. */
  readonly serverFeatures?: boolean;
}

export type StandInFailure = 'unavailable' | 'not-leader';

export interface StandInStats {
  readonly appendCalls: number;
  readonly batchAppendRequests: number;
  readonly readCalls: number;
  readonly subscriptionsOpened: number;
  readonly subscriptionsDropped: number;
  readonly openSubscriptions: number;
}

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

const batchWrongExpectedVersion = (expected: ExpectedState, currentRevision: number | null): Status => {
  const wrong = new WrongExpectedVersion();
  if (currentRevision === null) wrong.setCurrentNoStream(new ProtobufEmpty());
  else wrong.setCurrentStreamRevision(String(currentRevision));
  if (expected.kind === 'revision') wrong.setExpectedStreamPosition(String(expected.revision));
  else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(new ProtobufEmpty());
  else if (expected.kind === 'stream_exists') wrong.setExpectedStreamExists(new ProtobufEmpty());
  else wrong.setExpectedAny(new ProtobufEmpty());
  const details = new Any();
  details.pack(wrong.serializeBinary(), 'event_store.client.WrongExpectedVersion');
  const failed = new Status();
  failed.setCode(Code.FAILED_PRECONDITION);
  failed.setMessage('WrongExpectedVersion');
  failed.setDetails(details);
  return failed;
};

const batchResponse = (correlationId: string, stream: string, expected: ExpectedState, outcome: AppendOutcome): BatchAppendResp => {
  const correlation = new UUID();
  correlation.setString(correlationId);
  const response = new BatchAppendResp();
  response.setCorrelationId(correlation);
  response.setStreamIdentifier(streamIdentifier(stream));
  if (expected.kind === 'revision') response.setStreamPosition(String(expected.revision));
  else if (expected.kind === 'no_stream') response.setNoStream(new ProtobufEmpty());
  else if (expected.kind === 'stream_exists') response.setStreamExists(new ProtobufEmpty());
  else response.setAny(new ProtobufEmpty());
  if (outcome.kind === 'wrong-expected-version') {
    response.setError(batchWrongExpectedVersion(expected, outcome.currentRevision));
    return response;
  }
  const position = new AllStreamPosition();
  position.setCommitPosition(outcome.position.toString());
  position.setPreparePosition(outcome.position.toString());
  const success = new BatchAppendResp.Success();
  success.setCurrentRevision(String(outcome.lastRevision));
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

export class WireLevelStandIn {
  readonly log: StandInLog;
  private failure: StandInFailure | null = null;
  private dropPlan: DropPlan | null = null;
  private readonly subscriptions = new Set<OpenSubscription>();
  private readonly batchCalls = new Set<ServerDuplexStream<BatchAppendReq, BatchAppendResp>>();
  private readonly counters = { appendCalls: 0, batchAppendRequests: 0, readCalls: 0, subscriptionsOpened: 0, subscriptionsDropped: 0 };

  private constructor(
    private readonly server: Server,
    readonly port: number,
    log: StandInLog,
  ) {
    this.log = log;
  }

  /** Starts on 127.0.0.1 with a free port. */
  static async start(options: WireLevelStandInOptions = {}): Promise<WireLevelStandIn> {
    const log = new StandInLog({ firstPosition: options.firstLogPosition, now: options.now });
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
    standIn = new WireLevelStandIn(server, port, log);
    return standIn;
  }

  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  get stats(): StandInStats {
    return { ...this.counters, openSubscriptions: this.subscriptions.size };
  }

  /** Answers every call with this failure until called with `null`; open subscription and batch calls end at once. */
  failWith(failure: StandInFailure | null): void {
    this.failure = failure;
    const refusal = this.failureStatus();
    if (refusal === null) return;
    this.dropSubscriptions();
    [...this.batchCalls].forEach((call) => call.emit('error', refusal));
    this.batchCalls.clear();
  }

  /** Ends every open subscription call now with UNAVAILABLE, as a node that goes away does. */
  dropSubscriptions(): void {
    [...this.subscriptions].forEach((subscription) => this.drop(subscription));
  }

  /** The next `times` subscription calls (open or new) each end with UNAVAILABLE after sending `afterEvents` events. */
  dropSubscriptionsAfter(afterEvents: number, times = 1): void {
    this.dropPlan = { afterEvents, remaining: times };
  }

  async stop(): Promise<void> {
    this.dropPlan = null;
    [...this.subscriptions].forEach((subscription) => this.end(subscription));
    this.server.forceShutdown();
  }

  private failureStatus(): ServerErrorResponse | null {
    if (this.failure === 'unavailable') return errorStatus(status.UNAVAILABLE, 'the wire-level stand-in answers UNAVAILABLE on demand');
    if (this.failure === 'not-leader') {
      // What a follower answers: the client reconnects to the leader it names (here: the stand-in itself).
      const metadata = new Metadata();
      metadata.set('exception', 'not-leader');
      metadata.set('leader-endpoint-host', '127.0.0.1');
      metadata.set('leader-endpoint-port', String(this.port));
      return errorStatus(status.NOT_FOUND, 'Leader info available', metadata);
    }
    return null;
  }

  private append(call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void {
    this.counters.appendCalls += 1;
    const failure = this.failureStatus();
    if (failure) {
      callback(failure);
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
      const outcome = this.log.append(streamNameOf(options.getStreamIdentifier()), expected, records);
      if (outcome.kind === 'wrong-expected-version') callback(null, wrongExpectedVersionResponse(expected, outcome.currentRevision));
      else callback(null, successResponse(outcome.lastRevision, outcome.position));
    });
  }

  /** Appends arrive as requests tagged with a correlation id, possibly in chunks; each is answered on its own. */
  private batchAppend(call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void {
    const failure = this.failureStatus();
    if (failure) {
      call.emit('error', failure);
      return;
    }
    this.batchCalls.add(call);
    const pending = new Map<string, { readonly options: BatchAppendReq.Options; readonly records: ProposedRecord[] }>();
    call.on('data', (request: BatchAppendReq) => {
      this.counters.batchAppendRequests += 1;
      const correlationId = uuidText(request.getCorrelationId());
      const entry = pending.get(correlationId) ?? { options: request.getOptions() ?? new BatchAppendReq.Options(), records: [] };
      pending.set(correlationId, entry);
      entry.records.push(...request.getProposedMessagesList().map(proposedRecordOf));
      if (!request.getIsFinal()) return;
      pending.delete(correlationId);
      const stream = streamNameOf(entry.options.getStreamIdentifier());
      const expected = batchExpectedStateOf(entry.options);
      call.write(batchResponse(correlationId, stream, expected, this.log.append(stream, expected, entry.records)));
    });
    call.on('end', () => {
      this.batchCalls.delete(call);
      call.end();
    });
    call.on('cancelled', () => this.batchCalls.delete(call));
  }

  private read(call: ServerWritableStream<ReadReq, ReadResp>): void {
    this.counters.readCalls += 1;
    const failure = this.failureStatus();
    if (failure) {
      call.emit('error', failure);
      return;
    }
    const options = call.request.getOptions();
    if (!options) {
      call.emit('error', errorStatus(status.INVALID_ARGUMENT, 'a read needs options'));
      return;
    }
    const direction = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS ? 'backwards' : 'forwards';
    if (options.hasStream()) {
      if (options.hasSubscription()) {
        call.emit('error', errorStatus(status.UNIMPLEMENTED, 'stream subscriptions are not implemented by the wire-level stand-in'));
        return;
      }
      const streamOptions = options.getStream() as ReadReq.Options.StreamOptions;
      const stream = streamNameOf(streamOptions.getStreamIdentifier());
      const events = this.log.readStream(stream, streamFromOf(streamOptions), direction, countOf(options));
      if (events === null) call.write(streamNotFoundResponse(stream));
      else events.forEach((event) => call.write(eventResponse(event)));
      call.end();
      return;
    }
    const from = allFromOf(options.getAll() as ReadReq.Options.AllOptions);
    if (options.hasSubscription()) {
      void this.subscribe(call, from, logFilterOf(options));
      return;
    }
    this.log.readAll(from, direction, countOf(options), logFilterOf(options)).forEach((event) => call.write(eventResponse(event)));
    call.end();
  }

  /** Catch-up then live: send what is after the cursor in batches, then wait for the next write to the log. */
  private async subscribe(call: ServerWritableStream<ReadReq, ReadResp>, from: LogPosition | 'start' | 'end', filter: LogFilter | null): Promise<void> {
    const subscription: OpenSubscription = { call, sent: 0, ended: false, waiter: null };
    this.subscriptions.add(subscription);
    this.counters.subscriptionsOpened += 1;
    const unwatch = this.log.watch(() => wake(subscription));
    call.on('cancelled', () => this.end(subscription));
    call.write(confirmationResponse());
    let cursor: LogPosition | 'start' = from === 'end' ? (this.log.lastPosition() ?? 'start') : from;
    let caughtUp = false;
    try {
      while (!subscription.ended) {
        const { events, scannedTo } = this.log.scanAfter(cursor, filter, subscriptionBatch);
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
          if (this.shouldDrop(subscription)) {
            this.drop(subscription);
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

  private shouldDrop(subscription: OpenSubscription): boolean {
    const plan = this.dropPlan;
    if (!plan || plan.remaining <= 0 || subscription.sent < plan.afterEvents) return false;
    plan.remaining -= 1;
    if (plan.remaining === 0) this.dropPlan = null;
    return true;
  }

  private drop(subscription: OpenSubscription): void {
    if (subscription.ended) return;
    this.counters.subscriptionsDropped += 1;
    subscription.call.emit('error', errorStatus(status.UNAVAILABLE, 'the wire-level stand-in dropped this subscription'));
    this.end(subscription);
  }

  private end(subscription: OpenSubscription): void {
    if (subscription.ended) return;
    subscription.ended = true;
    this.subscriptions.delete(subscription);
    wake(subscription);
  }
}
