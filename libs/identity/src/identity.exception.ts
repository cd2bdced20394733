export enum IdentityExceptionCode {
  /** No credentials, a malformed or expired token, or an unknown user. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** Authenticated, but a rule forbids the action; `details.rule` names it. */
  FORBIDDEN = 'FORBIDDEN',
  /** The users file is missing pieces or malformed. */
  INVALID_USERS_FILE = 'INVALID_USERS_FILE',
}

export class IdentityException extends Error {
  constructor(
    readonly code: IdentityExceptionCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'IdentityException';
  }
}
