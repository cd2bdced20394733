/** A location in the YAML structure: `['transitions', 3, 'requires', 0]`. */
export type BlueprintPath = readonly (string | number)[];

/** A problem found before the file name is known; `parseBlueprint` adds the file and the line. */
export interface PathProblem {
  readonly path: BlueprintPath;
  readonly message: string;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `['transitions', 3, 'requires', 0]` → `transitions[3].requires[0]`; odd keys are quoted: `fields["a b"]`. */
export const formatPath = (path: BlueprintPath): string =>
  path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    if (!PLAIN_KEY.test(segment)) return `${text}[${JSON.stringify(segment)}]`;
    return text === '' ? segment : `${text}.${segment}`;
  }, '');

export const problemAt = (path: BlueprintPath, message: string): PathProblem => ({ path, message });
