import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  conversionTargetProblems,
  loadBusinessCalendars,
  readBlueprintDirectory,
  standardCalendars,
  TEAM_CALENDAR,
  type BlueprintDefinition,
  type BlueprintFile,
  type BlueprintProblem,
  type BusinessCalendars,
} from '@crm/blueprint';
import { WorkflowException, WorkflowExceptionCode, type BlueprintCatalog } from '@crm/workflow';

/** Beside the blueprints; without it, the standard calendar (Monday to Friday, 09:00-17:00 UTC). */
export const CALENDARS_FILE = 'business-calendars.yaml';

export const loadCalendars = (blueprintsDirectory: string): BusinessCalendars => {
  const file = join(blueprintsDirectory, CALENDARS_FILE);
  return existsSync(file) ? loadBusinessCalendars(file) : standardCalendars();
};

/** What start-up uses, and what it skipped with why (README, Blueprint lifecycle). */
export interface BlueprintStartUp {
  readonly files: readonly BlueprintFile[];
  readonly problems: readonly BlueprintProblem[];
}

/** Every calendar a timer names must exist. */
export const calendarProblems = (file: string, definition: BlueprintDefinition, calendars: BusinessCalendars): BlueprintProblem[] =>
  definition.stages.flatMap((stage) =>
    (stage.timers ?? []).flatMap((timer, index) =>
      timer.calendar === undefined || timer.calendar === TEAM_CALENDAR || calendars.calendars.has(timer.calendar)
        ? []
        : [{
            file,
            path: `stages.${stage.id}.timers[${index}].calendar`,
            message: `unknown business calendar "${timer.calendar}"; ${CALENDARS_FILE} defines ${[...calendars.calendars.keys()].join(', ')}`,
          }],
    ),
  );

/** Files with a problem are left out; the others are kept in order. */
const withoutProblems = (files: readonly BlueprintFile[], problems: readonly BlueprintProblem[]): BlueprintFile[] => {
  const broken = new Set(problems.map((problem) => problem.file));
  return files.filter((entry) => !broken.has(entry.file));
};

/**
 * The checks of the blueprint folder start-up makes before the store is touched: every file on its own,
 * across files (a version declared twice, a kind governed twice, conversion targets), and the business
 * calendars timers name. A file with a problem is skipped, the others are used.
 */
export const checkBlueprintFolder = (directory: string, calendars: BusinessCalendars): BlueprintStartUp => {
  const reading = readBlueprintDirectory(directory);
  const calendar = reading.files.flatMap((entry) => calendarProblems(entry.file, entry.definition, calendars));
  return { files: withoutProblems(reading.files, calendar), problems: [...reading.problems, ...calendar] };
};

/** A refusal of the catalog as a problem of the file, at the path it is about. */
const conflictProblem = (file: string, conflict: WorkflowException): BlueprintProblem => ({
  file,
  path: 'governedBy' in conflict.details ? 'kind' : 'version',
  message: conflict.message,
});

/**
 * The checks against the versions already published (a version number taken by other content, a kind
 * governed by another blueprint, a version below the latest), without publishing anything: what
 * `crm blueprint validate` adds when it has a store.
 */
export const checkAgainstPublished = (catalog: BlueprintCatalog, files: readonly BlueprintFile[]): BlueprintStartUp => {
  const problems = files.flatMap((entry) => {
    const conflict = catalog.conflictOf(entry.definition);
    return conflict === null ? [] : [conflictProblem(entry.file, conflict)];
  });
  return { files: withoutProblems(files, problems), problems };
};

const isVersionConflict = (error: unknown): error is WorkflowException =>
  error instanceof WorkflowException && error.code === WorkflowExceptionCode.BLUEPRINT_VERSION_CONFLICT;

/** Publishes each file that is new, in order; one the published versions refuse is skipped and reported. */
export const publishAtStartUp = async (catalog: BlueprintCatalog, files: readonly BlueprintFile[]): Promise<BlueprintStartUp> => {
  const published: BlueprintFile[] = [];
  const problems: BlueprintProblem[] = [];
  for (const entry of files) {
    try {
      await catalog.publish(entry.definition, { actor: 'system:start-up', file: entry.file });
      published.push(entry);
    } catch (error) {
      if (!isVersionConflict(error)) throw error;
      problems.push(conflictProblem(entry.file, error));
    }
  }
  return { files: published, problems };
};

const kindOf = (definitions: readonly BlueprintDefinition[], id: string): string => definitions.find((definition) => definition.id === id)?.kind ?? id;

/**
 * Every check a definition published at runtime goes through, with the same messages as at start-up:
 * calendars, conversion targets against the latest version of every other kind, and the published
 * versions. [] when it may be published.
 */
export const publishProblems = (catalog: BlueprintCatalog, file: string, definition: BlueprintDefinition, calendars: BusinessCalendars): BlueprintProblem[] => {
  const latest = catalog.kinds().map((kind) => catalog.latestForKind(kind).definition);
  const others = latest.filter((other) => other.id !== definition.id);
  // What the new version breaks in another blueprint's conversion counts too; what was broken before does not.
  const key = (problem: { blueprint: string; path: string; message: string }): string => `${problem.blueprint}\u0000${problem.path}\u0000${problem.message}`;
  const before = new Set(conversionTargetProblems(latest).map(key));
  const conversion = conversionTargetProblems([...others, definition])
    .filter((problem) => !before.has(key(problem)))
    .map((problem) => ({ file: problem.blueprint === definition.id ? file : `${problem.blueprint} v${catalog.latestForKind(kindOf(latest, problem.blueprint)).ref.version}`, path: problem.path, message: problem.message }));
  const conflict = catalog.conflictOf(definition);
  return [...calendarProblems(file, definition, calendars), ...conversion, ...(conflict === null ? [] : [conflictProblem(file, conflict)])];
};
