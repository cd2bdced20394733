export enum AssignmentExceptionCode {
  /** An absence that cannot be kept: bad dates, `to` not after `from`, no reason; `details.problems`. */
  INVALID_ABSENCE = 'INVALID_ABSENCE',
  /** The user has no absence with this id. */
  ABSENCE_NOT_FOUND = 'ABSENCE_NOT_FOUND',
  /** No user of the users file has this id. */
  UNKNOWN_USER = 'UNKNOWN_USER',
  /** A rule forbids it; `details.rule` names the rule. */
  FORBIDDEN = 'FORBIDDEN',
  /** Manual mode: the reactors did not follow the log to its end in time; `details.reactors` says where each is. */
  REACTORS_BEHIND = 'REACTORS_BEHIND',
}

export class AssignmentException extends Error {
  constructor(
    readonly code: AssignmentExceptionCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AssignmentException';
  }
}
