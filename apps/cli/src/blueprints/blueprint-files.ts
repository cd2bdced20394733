import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import {
  BLUEPRINT_FILE_SUFFIX,
  BlueprintException,
  loadBlueprintDirectory,
  loadBlueprintFile,
  validateBlueprint,
  type BlueprintDefinition,
  type BlueprintProblem,
} from '@crm/blueprint';
import { CliException, CliExceptionCode } from '../cli.exception';

export interface BlueprintCheck {
  /** Every blueprint file looked at. */
  readonly files: readonly string[];
  /** The definitions of the folders and files that loaded without a problem. */
  readonly definitions: readonly BlueprintDefinition[];
  readonly problems: readonly BlueprintProblem[];
  /** Never fail the check (e.g. a dead-end stage), but a process owner wants to know. */
  readonly warnings: readonly BlueprintProblem[];
}

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    // A missing path is reported by the file loader, which names it.
    return false;
  }
};

const blueprintFilesIn = (directory: string): string[] => {
  try {
    return readdirSync(directory).filter((name) => name.endsWith(BLUEPRINT_FILE_SUFFIX)).sort().map((name) => join(directory, name));
  } catch {
    // The directory loader reports an unreadable directory.
    return [];
  }
};

/** The problems of a loader's exception; anything else is not about the blueprint and goes on up. */
const problemsOf = (error: unknown): readonly BlueprintProblem[] => {
  if (error instanceof BlueprintException) return error.details.problems;
  throw error;
};

const load = (path: string): { definitions: BlueprintDefinition[]; problems: readonly BlueprintProblem[] } => {
  try {
    return { definitions: isDirectory(path) ? loadBlueprintDirectory(path) : [loadBlueprintFile(path)], problems: [] };
  } catch (error) {
    return { definitions: [], problems: problemsOf(error) };
  }
};

const warningsOf = (file: string): readonly BlueprintProblem[] => {
  try {
    return validateBlueprint(readFileSync(file, 'utf8'), file).warnings;
  } catch {
    // Unreadable files are already a problem of the load.
    return [];
  }
};

/**
 * Checks folders (every `*.blueprint.yaml` in it, with the checks across files: a version declared twice,
 * a kind governed by two blueprints) and single files, with the loaders the engine starts with.
 */
export const checkBlueprints = (paths: readonly string[]): BlueprintCheck => {
  const loads = paths.map(load);
  const files = paths.flatMap((path) => (isDirectory(path) ? blueprintFilesIn(path) : [path]));
  return {
    files,
    definitions: loads.flatMap((loaded) => loaded.definitions),
    problems: loads.flatMap((loaded) => loaded.problems),
    warnings: files.flatMap(warningsOf),
  };
};

/** A path as the user would type it from `cwd` (absolute when outside it). */
export const displayPath = (cwd: string, path: string): string => {
  const shown = relative(cwd, path);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? path : shown;
};

/** The newest version of the blueprint governing `kind` in the folder. */
export const blueprintOfKind = (directory: string, kind: string): BlueprintDefinition => {
  const definitions = loadBlueprintDirectory(directory);
  const matching = definitions.filter((definition) => definition.kind === kind).sort((a, b) => b.version - a.version);
  if (matching.length === 0) {
    const kinds = [...new Set(definitions.map((definition) => definition.kind))].sort();
    throw new CliException(CliExceptionCode.NOT_FOUND, `no blueprint in ${directory} governs record kind "${kind}"; kinds: ${kinds.join(', ')}`, { kind });
  }
  return matching[0];
};
