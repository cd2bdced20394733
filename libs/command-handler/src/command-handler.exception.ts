export enum CommandHandlerExceptionCode {
  /** Someone else wrote first; `details.currentRevision` says where the stream is now. */
  CONCURRENCY_CONFLICT = 'CONCURRENCY_CONFLICT',
  /** A command id (a client's Idempotency-Key) came back with a different request, or on another stream. */
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
}

export class CommandHandlerException extends Error {
  constructor(
    readonly code: CommandHandlerExceptionCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'CommandHandlerException';
  }
}
