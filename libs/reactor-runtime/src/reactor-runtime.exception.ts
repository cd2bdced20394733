export enum ReactorRuntimeExceptionCode {
  /** A reactor's definition is unusable (a bad or duplicate name, no event types). */
  INVALID_REACTOR = 'INVALID_REACTOR',
  /** The runtime's settings are unusable (a lease that is not positive, a poll longer than the lease, …). */
  INVALID_OPTIONS = 'INVALID_OPTIONS',
  /** No reactor with this name is registered with the runtime. */
  UNKNOWN_REACTOR = 'UNKNOWN_REACTOR',
  /** A reactor's pipeline failed on an event (a bug in the reactor); the reactor stops at its checkpoint. */
  PIPELINE_FAILED = 'PIPELINE_FAILED',
  /** A reactor's bookkeeping stream holds something other than the runtime writes (its last event must be a checkpoint). */
  INVALID_BOOKKEEPING = 'INVALID_BOOKKEEPING',
  /** The runtime was stopped while the operation waited. */
  STOPPED = 'STOPPED',
}

export class ReactorRuntimeException extends Error {
  constructor(
    readonly code: ReactorRuntimeExceptionCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ReactorRuntimeException';
  }
}
