import { ANY_OPEN } from './blueprint.names';

export interface StageSummary {
  readonly id: string;
  readonly final: boolean;
}

/**
 * The stages a transition starts from: the listed ones, with `any-open` standing for every non-final
 * stage except the target (a transition into the stage the record is already in would change nothing).
 * Stages are returned once each, `any-open` ones in the order given.
 */
export const resolveSources = (
  names: readonly string[],
  stages: readonly StageSummary[],
  to: string | undefined,
): string[] => {
  const known = new Set(stages.map((stage) => stage.id));
  const resolved = names.flatMap((name) =>
    name === ANY_OPEN
      ? stages.filter((stage) => !stage.final && stage.id !== to).map((stage) => stage.id)
      : known.has(name)
        ? [name]
        : [],
  );
  return [...new Set(resolved)];
};

export const sourceNames = (from: string | readonly string[]): readonly string[] =>
  typeof from === 'string' ? [from] : from;
