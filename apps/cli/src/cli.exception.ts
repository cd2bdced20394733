export enum CliExceptionCode {
  /** The command line itself is wrong: unknown command or option, a missing argument. Exit code 2. */
  USAGE = 'USAGE',
  /** There is no event store in the data directory. */
  NO_DATA = 'NO_DATA',
  /** The import mapping does not fit the file or the blueprint. */
  INVALID_MAPPING = 'INVALID_MAPPING',
  /** The input file cannot be read or parsed. */
  INVALID_INPUT = 'INVALID_INPUT',
}

export const EXIT_OK = 0;
/** A failure, a difference found, rows rejected. */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

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
    return this.code === CliExceptionCode.USAGE ? EXIT_USAGE : EXIT_FAILURE;
  }
}

export const usageError = (message: string): CliException => new CliException(CliExceptionCode.USAGE, message);
