import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  StreamDeletedError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import { Metadata } from '@grpc/grpc-js';
import { EventStoreException, EventStoreExceptionCode } from '../event-store.exception';
import { filteredReadAllRequest, redactConnectionString, toStoreError } from './eventstoredb.gateway';

const asStoreException = (error: unknown): EventStoreException => {
  if (error instanceof EventStoreException) return error;
  throw new Error(`not an EventStoreException: ${String(error)}`);
};

describe('toStoreError', () => {
  it('given a wrong expected version at a revision, then WRONG_EXPECTED_REVISION with the actual revision as a number', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 'deal-1', expected: 1n, current: 2n });

    const mapped = asStoreException(toStoreError(error, { stream: 'deal-1', expectedRevision: 1 }));

    expect([mapped.code, mapped.details]).toEqual([
      EventStoreExceptionCode.WRONG_EXPECTED_REVISION,
      { stream: 'deal-1', expectedRevision: 1, actualRevision: 2 },
    ]);
  });

  it('given a wrong expected version on a missing stream, then actualRevision is no_stream', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 'deal-1', expected: 0n, current: 'no_stream' });

    expect(asStoreException(toStoreError(error, { stream: 'deal-1', expectedRevision: 0 })).details.actualRevision).toBe('no_stream');
  });

  it.each([
    ['unavailable', new UnavailableError()],
    ['deadline exceeded', new DeadlineExceededError()],
    ['timeout (aborted)', new TimeoutError()],
    ['cancelled by the server', new CancelledError()],
  ])('given %s, then UNAVAILABLE and retryable', (_, error) => {
    const mapped = asStoreException(toStoreError(error));

    expect([mapped.code, mapped.retryable]).toEqual([EventStoreExceptionCode.UNAVAILABLE, true]);
  });

  it('given a raw gRPC UNAVAILABLE from a path the client does not translate, then UNAVAILABLE and retryable', () => {
    const raw = Object.assign(new Error('14 UNAVAILABLE: Channel closed before call started'), { code: 14, details: 'Channel closed before call started', metadata: new Metadata() });

    const mapped = asStoreException(toStoreError(raw));

    expect([mapped.code, mapped.retryable]).toEqual([EventStoreExceptionCode.UNAVAILABLE, true]);
  });

  it('given an error the port has no code for, then it passes unchanged', () => {
    const error = StreamDeletedError.fromStreamName('deal-1');

    expect(toStoreError(error)).toBe(error);
  });

  it.each([
    ['not ready (an election, start-up)', 'Could not recognize Server Is Not Ready'],
    ['too busy', 'Could not recognize Server Is Too Busy'],
    ['without leader info', 'Could not recognize No leader info available in response'],
  ])('given the server answers %s inside a batch append, which the client reports as unknown, then UNAVAILABLE and retryable', (_, message) => {
    const mapped = asStoreException(toStoreError(new UnknownError(undefined, message)));

    expect([mapped.code, mapped.retryable]).toEqual([EventStoreExceptionCode.UNAVAILABLE, true]);
  });

  it('given any other unknown error on a call, then it passes unchanged; on a subscription, it is a dropped call (UNAVAILABLE)', () => {
    const error = new UnknownError(undefined, '13 INTERNAL: Subscription to $all experienced an error');

    expect(toStoreError(error)).toBe(error);
    expect(asStoreException(toStoreError(error, { subscription: true })).code).toBe(EventStoreExceptionCode.UNAVAILABLE);
  });

  it('given access denied reading $all, then ACCESS_DENIED, not retryable, saying how to grant it', () => {
    const mapped = asStoreException(toStoreError(new AccessDeniedError(), { operation: 'reading $all' }));

    expect([mapped.code, mapped.retryable, mapped.details]).toEqual([EventStoreExceptionCode.ACCESS_DENIED, false, { operation: 'reading $all' }]);
    expect(mapped.message).toContain('set the $acl of $all');
  });

  it('given the server\'s MaxAppendSize refusal, then INVALID_APPEND naming its limit', () => {
    const mapped = asStoreException(toStoreError(MaxAppendSizeExceededError.fromMaxAppendSize(1_048_576), { stream: 'deal-1' }));

    expect([mapped.code, mapped.details]).toEqual([EventStoreExceptionCode.INVALID_APPEND, { stream: 'deal-1', maxAppendSize: 1_048_576 }]);
  });

  it('given a read from a position inside a record (INVALID_ARGUMENT, unknown to the client), then INVALID_POSITION, not retryable', () => {
    const raw = Object.assign(new Error('3 INVALID_ARGUMENT: Trying to read from an invalid position.'), {
      code: 3,
      details: 'Trying to read from an invalid position.',
      metadata: new Metadata(),
    });

    const mapped = asStoreException(toStoreError(raw, { subscription: true }));

    expect([mapped.code, mapped.retryable]).toEqual([EventStoreExceptionCode.INVALID_POSITION, false]);
  });
});

describe('redactConnectionString', () => {
  it('given credentials in the connection string, then they are left out', () => {
    expect(redactConnectionString('esdb://admin:changeit@node1:2113,node2:2113?tls=true')).toBe('esdb://node1:2113,node2:2113?tls=true');
    expect(redactConnectionString('esdb://127.0.0.1:2113?tls=false')).toBe('esdb://127.0.0.1:2113?tls=false');
  });
});

describe('filteredReadAllRequest', () => {
  it('given a position, a direction and a filter, then the Read request carries them as the server expects', () => {
    const request = filteredReadAllRequest({
      from: { commit: 2n ** 60n, prepare: 2n ** 60n + 1n },
      direction: 'backwards',
      maxCount: 7,
      filter: { on: 'stream-name', prefixes: ['order-'] },
    });

    const options = request.getOptions() as ReadReq.Options;
    expect(options.getAll()?.getPosition()?.toObject()).toEqual({ commitPosition: (2n ** 60n).toString(), preparePosition: (2n ** 60n + 1n).toString() });
    expect(options.getReadDirection()).toBe(ReadReq.Options.ReadDirection.BACKWARDS);
    expect(options.getCount()).toBe('7');
    expect(options.getFilter()?.getStreamIdentifier()?.getPrefixList()).toEqual(['order-']);
    expect(options.getFilter()?.hasEventType()).toBe(false);
    expect(options.getUuidOption()?.hasString()).toBe(true);
  });

  it('given an event-type regex from the start, then the filter is on event types', () => {
    const options = filteredReadAllRequest({ from: 'start', direction: 'forwards', maxCount: 1, filter: { on: 'event-type', regex: '^[^$]' } }).getOptions();

    expect(options?.getAll()?.hasStart()).toBe(true);
    expect(options?.getFilter()?.getEventType()?.getRegex()).toBe('^[^$]');
  });
});
