export enum EventStoreExceptionCode {
  /** The stream's revision is not the one the caller expected; `details.actualRevision` says what it is. */
  WRONG_EXPECTED_REVISION = 'WRONG_EXPECTED_REVISION',
  /** An event id already stored with other content, in another stream, or mixed with new ids. */
  DUPLICATE_EVENT_ID = 'DUPLICATE_EVENT_ID',
  /** The append itself is malformed: no events, an empty stream name, a bad id or date, data not JSON. */
  INVALID_APPEND = 'INVALID_APPEND',
  /** The store cannot be reached or is not the leader; the same call may succeed later. */
  UNAVAILABLE = 'UNAVAILABLE',
  /** The store was closed. */
  CLOSED = 'CLOSED',
  /**
   * The store refused this connection's user (an EventStoreDB ACL): not retryable, a setting to change;
   * `details.operation` and `details.stream` say what was refused.
   */
  ACCESS_DENIED = 'ACCESS_DENIED',
  /**
   * A read or subscription from a position that is not the start of an event in this log (mid-record, or
   * from another log): the log was reset or replaced since the position was saved.
   */
  INVALID_POSITION = 'INVALID_POSITION',
  /**
   * An event's `schemaVersion` is newer than this build knows for its type (or is no version): its data
   * cannot be turned into a shape this code reads. Upgrade the application.
   */
  UNKNOWN_SCHEMA_VERSION = 'UNKNOWN_SCHEMA_VERSION',
}

export type EventStoreExceptionDetails = Record<string, unknown>;

export class EventStoreException extends Error {
  constructor(
    readonly code: EventStoreExceptionCode,
    message: string,
    readonly details: EventStoreExceptionDetails = {},
  ) {
    super(message);
    this.name = 'EventStoreException';
  }

  get retryable(): boolean {
    return this.code === EventStoreExceptionCode.UNAVAILABLE;
  }
}

export const wrongExpectedRevision = (
  stream: string,
  expected: number | string,
  actualRevision: number | 'no_stream',
): EventStoreException =>
  new EventStoreException(
    EventStoreExceptionCode.WRONG_EXPECTED_REVISION,
    `stream "${stream}": expected revision ${expected}, but the stream is at ${actualRevision}`,
    { stream, expectedRevision: expected, actualRevision },
  );
