export enum IntakeExceptionCode {
  /** The match rules find the lead kept already; `details.rule`, and `details.existing` when the user may read it. */
  DUPLICATE_LEAD = 'DUPLICATE_LEAD',
  /** A merge that cannot be: a lead into itself, or a lead that is not there. */
  INVALID_MERGE = 'INVALID_MERGE',
  /** An intake payload that breaks the rules; `details.problems` names every field. Nothing is stored. */
  INVALID_INTAKE = 'INVALID_INTAKE',
  /** No intake key, or one that is unknown, malformed or revoked. */
  INTAKE_KEY_INVALID = 'INTAKE_KEY_INVALID',
  /** No intake key with this id. */
  INTAKE_KEY_NOT_FOUND = 'INTAKE_KEY_NOT_FOUND',
  /** A bad request to create a key (`details.problems`). */
  INVALID_INTAKE_KEY = 'INVALID_INTAKE_KEY',
  /** The key's rate limit is used up; `details.retryAfterSeconds` says when to try again. */
  INTAKE_RATE_LIMITED = 'INTAKE_RATE_LIMITED',
  /** Only admins manage intake keys (`details.rule`). */
  FORBIDDEN = 'FORBIDDEN',
}

export class IntakeException extends Error {
  constructor(
    readonly code: IntakeExceptionCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'IntakeException';
  }
}
