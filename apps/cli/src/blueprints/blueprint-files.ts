import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import {
  BLUEPRINT_FILE_SUFFIX,
  BlueprintException,
  loadBlueprintDirectory,
  loadBlueprintFile,
  validateBlueprint,
  type BlueprintDefinition,
  type BlueprintFile,
  type BlueprintProblem,
} from '@crm/blueprint';
import { calendarProblems, checkAgainstPublished, checkBlueprintFolder, loadCalendars, type BlueprintStartUp } from '@crm/engine';
import type { BlueprintCatalog } from '@crm/workflow';
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

/** A folder as start-up checks it (bad files skipped, the others kept); a single file with the calendars beside it. */
const load = (path: string): BlueprintStartUp => {
  try {
    if (isDirectory(path)) return checkBlueprintFolder(path, loadCalendars(path));
    const file: BlueprintFile = { file: path, definition: loadBlueprintFile(path) };
    const calendar = calendarProblems(path, file.definition, loadCalendars(dirname(path)));
    return calendar.length > 0 ? { files: [], problems: calendar } : { files: [file], problems: [] };
  } catch (error) {
    return { files: [], problems: problemsOf(error) };
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
 * a kind governed by two blueprints) and single files, with the checks the engine starts with; given the
 * catalog of a store, also against the versions published there, as start-up does.
 */
export const checkBlueprints = (paths: readonly string[], published?: BlueprintCatalog): BlueprintCheck => {
  const loads = paths.map(load);
  const loaded = loads.flatMap((entry) => entry.files);
  const againstStore = published === undefined ? { files: loaded, problems: [] } : checkAgainstPublished(published, loaded);
  const files = paths.flatMap((path) => (isDirectory(path) ? blueprintFilesIn(path) : [path]));
  return {
    files,
    definitions: againstStore.files.map((entry) => entry.definition),
    problems: [...loads.flatMap((entry) => entry.problems), ...againstStore.problems],
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
