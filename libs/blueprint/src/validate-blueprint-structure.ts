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

// class-transformer drops these keys to prevent prototype pollution, so whitelisting never sees them.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const forbiddenKeyProblems = (value: unknown, path: BlueprintPath): PathProblem[] => {
  if (Array.isArray(value)) return value.flatMap((item, index) => forbiddenKeyProblems(item, [...path, index]));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    FORBIDDEN_KEYS.has(key)
      ? [problemAt([...path, key], `key "${key}" is not allowed`)]
      : forbiddenKeyProblems(child, [...path, key]),
  );
};

/**
 * Checks the document's shape with class-validator: required keys, types, allowed values, and unknown
 * keys (a typo such as `requries` is an error, never silently ignored).
 */
export const validateBlueprintStructure = (document: Record<string, unknown>): BlueprintStructure => {
  const spec = plainToInstance(BlueprintSpec, document);
  const errors = validateSync(spec, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    validationError: { target: true, value: false },
  });
  return { spec, problems: [...forbiddenKeyProblems(document, []), ...errors.flatMap((error) => problemsOf(error, []))] };
};
