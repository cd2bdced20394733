import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blueprintNotFound, invalidBlueprint, type BlueprintProblem } from './blueprint.exception';
import type { BlueprintDefinition } from './blueprint.model';
import { readYaml } from './read-blueprint-yaml';
import { conversionTargetProblems } from './conversion/conversion-targets';
import { validateBlueprint, type BlueprintValidation } from './parse-blueprint';

export const BLUEPRINT_FILE_SUFFIX = '.blueprint.yaml';

const errorCode = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'unknown error';

const readSource = (file: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw blueprintNotFound(file, `cannot read the blueprint file (${errorCode(error)})`);
  }
};

/**
 * Reads and checks one `*.blueprint.yaml`; problems name `file` exactly as given. Synchronous on
 * purpose: blueprints are a few small files read once at start-up, before anything can be decided.
 */
export const loadBlueprintFile = (file: string): BlueprintDefinition => {
  const validation = validateBlueprint(readSource(file), file);
  if (!validation.ok) throw invalidBlueprint(validation.problems);
  return validation.definition;
};

interface LoadedFile {
  readonly file: string;
  readonly source: string;
  readonly validation: BlueprintValidation;
}

const lineOf = (loaded: LoadedFile, key: string): { line?: number; column?: number } => {
  const yaml = readYaml(loaded.source);
  const position = yaml.ok ? yaml.locate([key]) : undefined;
  return position === undefined ? {} : { line: position.line, column: position.column };
};

/** Each id+version is declared once, and each record kind is governed by one blueprint id. */
const crossFileProblems = (loaded: readonly LoadedFile[]): BlueprintProblem[] => {
  const fileOfVersion = new Map<string, string>();
  const governorOfKind = new Map<string, { id: string; file: string }>();
  return loaded.flatMap((entry) => {
    if (!entry.validation.ok) return [];
    const { id, version, kind } = entry.validation.definition;
    const problems: BlueprintProblem[] = [];
    const versionKey = `${id}@${version}`;
    const sameVersion = fileOfVersion.get(versionKey);
    if (sameVersion === undefined) fileOfVersion.set(versionKey, entry.file);
    else {
      problems.push({
        file: entry.file,
        path: 'version',
        message: `blueprint "${id}" version ${version} is also declared in ${sameVersion}; give the change a higher version`,
        ...lineOf(entry, 'version'),
      });
    }
    const governor = governorOfKind.get(kind);
    if (governor === undefined) governorOfKind.set(kind, { id, file: entry.file });
    else if (governor.id !== id) {
      problems.push({
        file: entry.file,
        path: 'kind',
        message: `record kind "${kind}" is already governed by blueprint "${governor.id}" (${governor.file}); one blueprint per kind`,
        ...lineOf(entry, 'kind'),
      });
    }
    return problems;
  });
};

/** What each conversion opens is checked against the latest blueprint of that kind in the directory. */
const conversionProblems = (loaded: readonly LoadedFile[]): BlueprintProblem[] => {
  const valid = loaded.flatMap((entry) => (entry.validation.ok ? [{ entry, definition: entry.validation.definition }] : []));
  const latest = new Map<string, { entry: LoadedFile; definition: BlueprintDefinition }>();
  for (const candidate of valid) {
    const known = latest.get(candidate.definition.id);
    if (known === undefined || known.definition.version < candidate.definition.version) latest.set(candidate.definition.id, candidate);
  }
  const fileOf = new Map([...latest.values()].map(({ entry, definition }) => [definition.id, entry]));
  return conversionTargetProblems([...latest.values()].map(({ definition }) => definition)).map((problem) => {
    const entry = fileOf.get(problem.blueprint);
    return { file: entry?.file ?? problem.blueprint, path: problem.path, message: problem.message, ...(entry === undefined ? {} : lineOf(entry, 'conversion')) };
  });
};

const byIdThenVersion = (a: BlueprintDefinition, b: BlueprintDefinition): number =>
  a.id.localeCompare(b.id) || a.version - b.version;

const readDirectoryFiles = (directory: string): LoadedFile[] => {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch (error) {
    throw blueprintNotFound(directory, `cannot read the blueprint directory (${errorCode(error)})`);
  }
  const files = names.filter((name) => name.endsWith(BLUEPRINT_FILE_SUFFIX)).sort().map((name) => join(directory, name));
  if (files.length === 0) throw blueprintNotFound(directory, `no *${BLUEPRINT_FILE_SUFFIX} files in the directory`);
  return files.map((file): LoadedFile => {
    const source = readSource(file);
    return { file, source, validation: validateBlueprint(source, file) };
  });
};

/**
 * Reads every `*.blueprint.yaml` directly in `directory` and throws once with the problems of all files
 * together. Definitions come back sorted by id, then version.
 */
export const loadBlueprintDirectory = (directory: string): BlueprintDefinition[] => {
  const loaded = readDirectoryFiles(directory);
  const fileProblems = [...loaded.flatMap((entry) => (entry.validation.ok ? [] : entry.validation.problems)), ...crossFileProblems(loaded)];
  // Checked once every file holds: a conversion into a kind whose file is broken would only repeat that file's problem.
  const problems = fileProblems.length > 0 ? fileProblems : conversionProblems(loaded);
  if (problems.length > 0) throw invalidBlueprint(problems);
  return loaded.flatMap((entry) => (entry.validation.ok ? [entry.validation.definition] : [])).sort(byIdThenVersion);
};

/** A definition with the file it was read from. */
export interface BlueprintFile {
  readonly file: string;
  readonly definition: BlueprintDefinition;
}

/** What a folder holds that can be used, and every problem of the files that cannot (each file skipped whole). */
export interface BlueprintDirectoryReading {
  readonly files: readonly BlueprintFile[];
  readonly problems: readonly BlueprintProblem[];
}

/**
 * Reads a folder as start-up does (README, Blueprint lifecycle): the same checks as
 * `loadBlueprintDirectory`, but a file with a problem is skipped and reported instead of failing the
 * folder, so one bad file does not keep the others from loading. A missing or empty folder still throws.
 */
export const readBlueprintDirectory = (directory: string): BlueprintDirectoryReading => {
  const loaded = readDirectoryFiles(directory);
  const fileProblems = [...loaded.flatMap((entry) => (entry.validation.ok ? [] : entry.validation.problems)), ...crossFileProblems(loaded)];
  const broken = new Set(fileProblems.map((problem) => problem.file));
  const sound = loaded.filter((entry) => !broken.has(entry.file));
  // As in loadBlueprintDirectory: with a broken file, a conversion into its kind would only repeat its problem.
  const conversion = fileProblems.length > 0 ? [] : conversionProblems(sound);
  const unconvertible = new Set(conversion.map((problem) => problem.file));
  const files = sound
    .filter((entry) => !unconvertible.has(entry.file))
    .flatMap((entry) => (entry.validation.ok ? [{ file: entry.file, definition: entry.validation.definition }] : []))
    .sort((a, b) => byIdThenVersion(a.definition, b.definition));
  return { files, problems: [...fileProblems, ...conversion] };
};
