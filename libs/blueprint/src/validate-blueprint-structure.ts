import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';
import { didYouMean } from './blueprint.names';
import { problemAt, type BlueprintPath, type PathProblem } from './blueprint-path';
import { BlueprintSpec } from './blueprint.schema';

export interface BlueprintStructure {
  /** The document as class instances; trustworthy only when `problems` is empty. */
  readonly spec: BlueprintSpec;
  readonly problems: readonly PathProblem[];
}

const knownKeysOf = (target: object | undefined): string[] => {
  if (target === undefined) return [];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))];
};

// `{ description: Fraction, 0.15 for 15% }` reads as two keys: the comma ends an unquoted flow value.
const SPLIT_VALUE_HINT = '; a comma inside an unquoted value in { … } starts a new key, so quote that value';

const messageOf = (error: ValidationError): string => {
  const constraints = error.constraints ?? {};
  if (constraints.whitelistValidation !== undefined) {
    const known = knownKeysOf(error.target);
    const unknown = `unknown key "${error.property}"${didYouMean(error.property, known)}; known keys: ${known.join(', ')}`;
    return /\s/.test(error.property) ? `${unknown}${SPLIT_VALUE_HINT}` : unknown;
  }
  // stopAtFirstError leaves at most one constraint per property.
  return Object.values(constraints)[0] ?? 'is invalid';
};

/** The children of a list are its indexes; the children of a mapping are its keys. */
const segmentOf = (error: ValidationError): string | number =>
  Array.isArray(error.target) && /^\d+$/.test(error.property) ? Number(error.property) : error.property;

const problemsOf = (error: ValidationError, parent: BlueprintPath): PathProblem[] => {
  const path = [...parent, segmentOf(error)];
  const own = error.constraints && Object.keys(error.constraints).length > 0 ? [problemAt(path, messageOf(error))] : [];
  return [...own, ...(error.children ?? []).flatMap((child) => problemsOf(child, path))];
};

// class-transformer drops or trips over these keys (a `constructor` key makes it throw a TypeError), so
// they are reported here and removed before the document reaches it.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// class-transformer silently skips a key that names something every object inherits (`toString`,
// `valueOf`, …), so whitelisting never sees it. Under `fields` such a name is a field and is kept (the
// mapping is read from the document itself, see `toInstanceMap`); anywhere else it is an unknown key.
const INHERITED_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

const namesFieldsOrStages = (path: BlueprintPath): boolean => path.length === 1 && (path[0] === 'fields' || path[0] === 'stages');

const keyProblem = (key: string, path: BlueprintPath): string | undefined => {
  if (FORBIDDEN_KEYS.has(key)) return `key "${key}" is not allowed`;
  return INHERITED_NAMES.has(key) && !namesFieldsOrStages(path) ? `unknown key "${key}"` : undefined;
};

const forbiddenKeyProblems = (value: unknown, path: BlueprintPath): PathProblem[] => {
  if (Array.isArray(value)) return value.flatMap((item, index) => forbiddenKeyProblems(item, [...path, index]));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const problem = keyProblem(key, path);
    return problem === undefined ? forbiddenKeyProblems(child, [...path, key]) : [problemAt([...path, key], problem)];
  });
};

/** A copy of the document without the keys `forbiddenKeyProblems` reports, at any depth. */
const withoutForbiddenKeys = (value: unknown, path: BlueprintPath): unknown => {
  if (Array.isArray(value)) return value.map((item, index) => withoutForbiddenKeys(item, [...path, index]));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, child]) =>
      keyProblem(key, path) === undefined ? [[key, withoutForbiddenKeys(child, [...path, key])]] : [],
    ),
  );
};

/**
 * Checks the document's shape with class-validator: required keys, types, allowed values, and unknown
 * keys (a typo such as `requries` is an error, never silently ignored).
 */
export const validateBlueprintStructure = (document: Record<string, unknown>): BlueprintStructure => {
  const forbidden = forbiddenKeyProblems(document, []);
  const spec = plainToInstance(BlueprintSpec, forbidden.length === 0 ? document : withoutForbiddenKeys(document, []));
  const errors = validateSync(spec, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    validationError: { target: true, value: false },
  });
  return { spec, problems: [...forbidden, ...errors.flatMap((error) => problemsOf(error, []))] };
};
