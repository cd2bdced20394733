export enum CliExceptionCode {
  /** The command line itself is wrong: unknown command or option, a missing argument. Exit code 2. */
  USAGE = 'USAGE',
  /** There is no event store in the data directory. */
  NO_DATA = 'NO_DATA',
  /** The import mapping does not fit the file or the blueprint. */
  INVALID_MAPPING = 'INVALID_MAPPING',
  /** The input file cannot be read or parsed. */
  INVALID_INPUT = 'INVALID_INPUT',
  /** The environment names something that cannot work (e.g. an unknown CRM_EVENT_STORE). */
  INVALID_CONFIG = 'INVALID_CONFIG',
  /** No blueprint for the asked record kind. */
  NOT_FOUND = 'NOT_FOUND',
  /** `--field name=value` values that do not fit their field's type; `details.problems`. Exit code 3. */
  INVALID_FIELDS = 'INVALID_FIELDS',
  /** Blueprint files with problems (`blueprint validate`); `details.problems`. Exit code 3. */
  INVALID_BLUEPRINT = 'INVALID_BLUEPRINT',
  /** `--as` names no user of the users file. Exit code 5. */
  UNKNOWN_USER = 'UNKNOWN_USER',
}

export const EXIT_OK = 0;
/** A failure, a difference found, rows rejected, a record or store not found. */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
/** The input is invalid: blueprint problems, field values that do not fit their type, an unknown event. Nothing was stored. */
export const EXIT_INVALID = 3;
/** The blueprint refused the step: unmet exit criteria, or a record in a final stage; `import --strict` refused the file. Nothing was stored. */
export const EXIT_REFUSED = 4;
/** The acting user is unknown, or the access policy forbids the action. Nothing was stored. */
export const EXIT_FORBIDDEN = 5;
/**
 * Someone wrote first: the record already exists, or is not at `--expected-revision`, or a blueprint
 * version number is already published with other content. Nothing was stored.
 */
export const EXIT_CONFLICT = 6;

/** One line per exit code, for the help texts and the README. */
export const EXIT_CODES_HELP = `Exit codes:
  0  ok
  1  failure: not found, no data, a difference found, rows rejected
  2  usage error
  3  invalid input: blueprint problems, field values that do not fit their type, an unknown event
  4  refused by the blueprint: unmet exit criteria (each one is listed), or the record is closed;
     import --strict: a record breaks a blueprint rule, or a warning was counted
  5  forbidden: unknown --as user, or the access policy forbids the action (the rule is named)
  6  conflict: the record already exists, is not at --expected-revision, or a blueprint version
     number is already published with other content`;

const EXIT_CODE_OF: Readonly<Record<CliExceptionCode, number>> = {
  [CliExceptionCode.USAGE]: EXIT_USAGE,
  [CliExceptionCode.NO_DATA]: EXIT_FAILURE,
  [CliExceptionCode.INVALID_MAPPING]: EXIT_FAILURE,
  [CliExceptionCode.INVALID_INPUT]: EXIT_FAILURE,
  [CliExceptionCode.INVALID_CONFIG]: EXIT_FAILURE,
  [CliExceptionCode.NOT_FOUND]: EXIT_FAILURE,
  [CliExceptionCode.INVALID_FIELDS]: EXIT_INVALID,
  [CliExceptionCode.INVALID_BLUEPRINT]: EXIT_INVALID,
  [CliExceptionCode.UNKNOWN_USER]: EXIT_FORBIDDEN,
};

export class CliException extends Error {
  constructor(
    readonly code: CliExceptionCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'CliException';
  }

  get exitCode(): number {
    return EXIT_CODE_OF[this.code];
  }
}

export const usageError = (message: string): CliException => new CliException(CliExceptionCode.USAGE, message);
