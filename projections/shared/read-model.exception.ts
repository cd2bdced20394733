export enum ReadModelExceptionCode {
  /** A query option is malformed: a date that is not a date, a limit out of range, a bad cursor. */
  INVALID_QUERY = 'INVALID_QUERY',
  /** The read model has not been built in this file yet: run the projections first. */
  NOT_BUILT = 'NOT_BUILT',
  /** Reference data (teams, quotas) that cannot be stored as given. */
  INVALID_REFERENCE_DATA = 'INVALID_REFERENCE_DATA',
}

export class ReadModelException extends Error {
  constructor(
    readonly code: ReadModelExceptionCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ReadModelException';
  }
}

export const invalidQuery = (message: string, details: Record<string, unknown> = {}): ReadModelException =>
  new ReadModelException(ReadModelExceptionCode.INVALID_QUERY, message, details);
