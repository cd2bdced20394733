import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  TimeoutError,
  UnavailableError,
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
    const error = new AccessDeniedError();

    expect(toStoreError(error)).toBe(error);
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
