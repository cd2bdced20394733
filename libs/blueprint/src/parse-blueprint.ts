import { invalidBlueprint, type BlueprintProblem } from './blueprint.exception';
import type { BlueprintDefinition } from './blueprint.model';
import { formatPath, type PathProblem } from './blueprint-path';
import { readBlueprintDraft } from './blueprint.draft';
import { readYaml, type YamlPosition } from './read-blueprint-yaml';
import { checkBlueprintSemantics } from './check-blueprint-semantics';
import { normalizeBlueprint } from './normalize-blueprint';
import { validateBlueprintStructure } from './validate-blueprint-structure';

export type BlueprintValidation =
  | {
      readonly ok: true;
      readonly definition: BlueprintDefinition;
      readonly warnings: readonly BlueprintProblem[];
    }
  | {
      readonly ok: false;
      readonly problems: readonly BlueprintProblem[];
      readonly warnings: readonly BlueprintProblem[];
    };

const isPlainRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const located =
  (file: string, locate: (path: PathProblem['path']) => YamlPosition | undefined) =>
  ({ path, message }: PathProblem): BlueprintProblem => {
    const position = locate(path);
    return {
      file,
      path: formatPath(path),
      message,
      ...(position === undefined ? {} : { line: position.line, column: position.column }),
    };
  };

/** Reading order: by line, then by path, so a long list reads like the file. */
const byPosition = (a: BlueprintProblem, b: BlueprintProblem): number =>
  (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.path.localeCompare(b.path);

/**
 * Every problem of one blueprint file in one pass (YAML syntax first: a file that does not parse has
 * no structure to check), plus warnings that never fail the load. `file` is only used in messages.
 */
export const validateBlueprint = (source: string, file: string): BlueprintValidation => {
  const yaml = readYaml(source);
  if (!yaml.ok) {
    const problems = yaml.problems.map(({ line, column, message }) => ({
      file,
      path: '',
      message: `YAML syntax error at line ${line}, column ${column}: ${message}`,
      line,
      column,
    }));
    return { ok: false, problems, warnings: [] };
  }
  const locate = located(file, yaml.locate);
  if (!isPlainRecord(yaml.value)) {
    const what = yaml.value === null || yaml.value === undefined ? 'the file is empty' : 'the document is not a mapping';
    const message = `${what}; a blueprint is a YAML mapping with id, version, initialStage, fields, stages and transitions`;
    return { ok: false, problems: [{ file, path: '', message }], warnings: [] };
  }
  const structure = validateBlueprintStructure(yaml.value);
  const semantics = checkBlueprintSemantics(readBlueprintDraft(yaml.value));
  const duplicates = yaml.duplicates.map(({ path, key, lines }) => ({ path, message: `key "${key}" appears twice in this mapping (lines ${lines[0]} and ${lines[1]}); keep one` }));
  const problems = [...duplicates, ...structure.problems, ...semantics.problems].map(locate).sort(byPosition);
  const warnings = semantics.warnings.map(locate).sort(byPosition);
  return problems.length > 0
    ? { ok: false, problems, warnings }
    : { ok: true, definition: normalizeBlueprint(structure.spec), warnings };
};

/**
 * Parses and checks one blueprint: the normalized definition, or a `BlueprintException`
 * (`INVALID_BLUEPRINT`) whose `details.problems` lists every problem found.
 */
export const parseBlueprint = (source: string, file: string): BlueprintDefinition => {
  const validation = validateBlueprint(source, file);
  if (!validation.ok) throw invalidBlueprint(validation.problems);
  return validation.definition;
};
