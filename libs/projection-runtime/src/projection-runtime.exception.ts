export enum ProjectionRuntimeExceptionCode {
  /** No projection with this name is registered with the runner. */
  UNKNOWN_PROJECTION = 'UNKNOWN_PROJECTION',
  /** An evolve step threw; the batch was rolled back and the projection stopped at its checkpoint. */
  EVOLVE_FAILED = 'EVOLVE_FAILED',
  /** Another writer (a rebuild, a runner in another process) moved the checkpoint under this batch. */
  CHECKPOINT_MOVED = 'CHECKPOINT_MOVED',
  /** The read-model file cannot be opened or has a schema this build does not know. */
  READ_MODEL_UNAVAILABLE = 'READ_MODEL_UNAVAILABLE',
  /** A projection's definition is unusable (duplicate names, bad table names, a bad version). */
  INVALID_PROJECTION = 'INVALID_PROJECTION',
  /** The runner was stopped while the operation waited. */
  STOPPED = 'STOPPED',
}

export class ProjectionRuntimeException extends Error {
  constructor(
    readonly code: ProjectionRuntimeExceptionCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ProjectionRuntimeException';
  }
}
