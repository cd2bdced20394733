export enum BlueprintExceptionCode {
  /** The YAML or the definition is wrong; `details.problems` lists every problem with file and path. */
  INVALID_BLUEPRINT = 'INVALID_BLUEPRINT',
  /** A blueprint file or directory cannot be read. */
  BLUEPRINT_NOT_FOUND = 'BLUEPRINT_NOT_FOUND',
}

/** One thing wrong with a blueprint, located by file and by its path in the YAML structure. */
export interface BlueprintProblem {
  readonly file: string;
  /** `transitions[3].requires[0]`, `stages.proposal.probability`; empty for the document as a whole. */
  readonly path: string;
  readonly message: string;
  /** 1-based line in the file, when the path (or the YAML error) can be located. */
  readonly line?: number;
  readonly column?: number;
}

export interface BlueprintExceptionDetails {
  readonly problems: readonly BlueprintProblem[];
}

export const formatProblem = (problem: BlueprintProblem): string =>
  problem.path === ''
    ? `${problem.file}: ${problem.message}`
    : `${problem.file}: ${problem.path}: ${problem.message}`;

export class BlueprintException extends Error {
  constructor(
    readonly code: BlueprintExceptionCode,
    message: string,
    readonly details: BlueprintExceptionDetails,
  ) {
    super(message);
    this.name = 'BlueprintException';
  }
}

export const invalidBlueprint = (problems: readonly BlueprintProblem[]): BlueprintException => {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return new BlueprintException(
    BlueprintExceptionCode.INVALID_BLUEPRINT,
    `invalid blueprint (${count}):\n${problems.map(formatProblem).join('\n')}`,
    { problems },
  );
};

export const blueprintNotFound = (file: string, reason: string): BlueprintException =>
  new BlueprintException(BlueprintExceptionCode.BLUEPRINT_NOT_FOUND, `${file}: ${reason}`, {
    problems: [{ file, path: '', message: reason }],
  });
