export enum ProjectionRuntimeExceptionCode {
  /** No projection with this name is registered with the runner. */
  UNKNOWN_PROJECTION = 'UNKNOWN_PROJECTION',
  /** An evolve step threw; the batch was rolled back and the projection stopped at its checkpoint. */
  EVOLVE_FAILED = 'EVOLVE_FAILED',
  /** Another writer (a rebuild, a runner in another process) moved the checkpoint under this batch. */
  CHECKPOINT_MOVED = 'CHECKPOINT_MOVED',
  /**
   * The read-model file cannot be opened, has a schema this build does not know, or refuses a write the
   * runtime makes itself (a projection's state on a full disk, an I/O error, a lock held too long).
   */
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
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ProjectionRuntimeException';
  }
}

interface ErrorShape {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
}

// Duck-typed: better-sqlite3's native addon keeps the SqliteError class of the first realm that loaded it
// (Jest gives every test file its own), so `instanceof` is not reliable for its errors.
const shapeOf = (error: unknown): ErrorShape | null => (typeof error === 'object' && error !== null ? (error as ErrorShape) : null);

/** The message, led by SQLite's code when it has one (`SQLITE_FULL: database or disk is full`). */
export const describeFailure = (error: unknown): string => {
  const shape = shapeOf(error);
  if (typeof shape?.message !== 'string') return String(error);
  return typeof shape.code === 'string' && shape.code.startsWith('SQLITE_') ? `${shape.code}: ${shape.message}` : shape.message;
};

// Conditions that pass without a change of code: space returns, the disk recovers, the lock is released.
const STORAGE_REFUSAL = /^SQLITE_(FULL|IOERR|BUSY|LOCKED|READONLY|CANTOPEN)/;
const MAX_CAUSE_DEPTH = 8;

/** Whether SQLite refused for want of storage (full, I/O error, locked, read-only), in this error or one of its causes. */
export const isStorageRefusal = (error: unknown): boolean => {
  let current = shapeOf(error);
  for (let depth = 0; current !== null && depth < MAX_CAUSE_DEPTH; depth += 1) {
    if (typeof current.code === 'string' && STORAGE_REFUSAL.test(current.code)) return true;
    current = shapeOf(current.cause);
  }
  return false;
};

/**
 * A storage refusal SQLite threw raw becomes READ_MODEL_UNAVAILABLE led by `context` (the API answers 503
 * with it, not 500); anything else is returned as it is.
 */
export const asReadModelUnavailable = (error: unknown, context: string): unknown =>
  error instanceof ProjectionRuntimeException || !isStorageRefusal(error)
    ? error
    : new ProjectionRuntimeException(ProjectionRuntimeExceptionCode.READ_MODEL_UNAVAILABLE, `${context}: ${describeFailure(error)}`, {}, { cause: error });

/**
 * What to throw when the clean-up after `error` failed as well — on a full disk, recording a failure is
 * refused like the write before it — so that neither hides the other; `error` stays the cause.
 */
export const withFollowUpFailures = (error: unknown, followUps: readonly string[]): unknown => {
  if (followUps.length === 0) return error;
  const runtime = error instanceof ProjectionRuntimeException ? error : null;
  return new ProjectionRuntimeException(
    runtime?.code ?? ProjectionRuntimeExceptionCode.READ_MODEL_UNAVAILABLE,
    [describeFailure(error), ...followUps].join('; '),
    runtime?.details ?? {},
    { cause: error },
  );
};
