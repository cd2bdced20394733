import 'reflect-metadata';
import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { errorBody } from './error-body';

interface Invalid {
  readonly field: string;
  readonly problems: string[];
}

const flatten = (errors: readonly ValidationError[], prefix = ''): Invalid[] =>
  errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });

/** One entry per field, in order of first mention, with every problem found for it. */
const merged = (invalid: readonly Invalid[]): Invalid[] => {
  const byField = new Map<string, string[]>();
  for (const { field, problems } of invalid) byField.set(field, [...(byField.get(field) ?? []), ...problems]);
  return [...byField].map(([field, problems]) => ({ field, problems }));
};

const validationFailed = (invalid: readonly Invalid[]): BadRequestException =>
  new BadRequestException(
    errorBody('VALIDATION_FAILED', `invalid request: ${invalid.map(({ field, problems }) => `${field}: ${problems.join(', ')}`).join('; ')}`, {
      invalid,
    }),
  );

const invalidOf = (refusal: BadRequestException): Invalid[] | undefined => {
  const response = refusal.getResponse() as { error?: unknown; details?: { invalid?: Invalid[] } };
  return response.error === 'VALIDATION_FAILED' ? response.details?.invalid : undefined;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Names every object carries (`toString`, `valueOf`, `constructor`, …) and `prototype`: class-transformer
 * skips such keys and the pipe deletes `constructor`/`prototype`, so they would vanish without a word.
 */
const isObjectName = (key: string): boolean => key in Object.prototype || key === 'prototype';

const declaredTypeOf = (metatype: ArgumentMetadata['metatype'], key: string): unknown =>
  metatype ? (Reflect.getMetadata('design:type', metatype.prototype as object, key) as unknown) : undefined;

/** Only plain decimal notation: `Number()` also reads `0x10`, `1e2`, `+5`, ` 5` and `Infinity`. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

const containsNul = (value: unknown): boolean =>
  typeof value === 'string' ? value.includes('\u0000') : Array.isArray(value) && value.some((item) => typeof item === 'string' && item.includes('\u0000'));

/** Problems the DTO rules cannot see, because they are gone once class-transformer has read the value. */
const rawProblems = (value: unknown, metadata: ArgumentMetadata): Invalid[] => {
  if (metadata.type === 'param' || (metadata.type === 'query' && metadata.data !== undefined)) {
    return containsNul(value) ? [{ field: metadata.data ?? metadata.type, problems: ['contains a NUL character'] }] : [];
  }
  if (!isPlainObject(value) || (metadata.type !== 'body' && metadata.type !== 'query')) return [];
  return Object.keys(value).flatMap((key): Invalid[] => {
    if (isObjectName(key)) return [{ field: key, problems: [`property ${key} should not exist`] }];
    const raw = value[key];
    if (metadata.type !== 'query') return [];
    if (containsNul(raw)) return [{ field: key, problems: ['contains a NUL character'] }];
    if (declaredTypeOf(metadata.metatype, key) === Number && typeof raw === 'string' && !DECIMAL.test(raw)) {
      return [{ field: key, problems: [`${key} must be a decimal number like 50`] }];
    }
    return [];
  });
};

/**
 * Free-form objects (`fields`: declared as a plain object), copied as sent before the pipe strips
 * `constructor`/`prototype` keys from them in place. They go on as sent, so every key reaches the
 * engine, which names the ones its blueprint does not know. A shallow copy is enough: a field value
 * is never an object the engine accepts.
 */
const freeFormObjectsOf = (value: unknown, metadata: ArgumentMetadata): [string, Record<string, unknown>][] => {
  if (metadata.type !== 'body' || !isPlainObject(value)) return [];
  return Object.keys(value).flatMap((key): [string, Record<string, unknown>][] => {
    const sent = value[key];
    return isPlainObject(sent) && declaredTypeOf(metadata.metatype, key) === Object ? [[key, { ...sent }]] : [];
  });
};

/**
 * Request bodies and query strings are checked against their DTO; unknown properties are errors, not
 * silently dropped, and every problem is reported at once.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const problems = rawProblems(value, metadata);
    const freeFormObjects = freeFormObjectsOf(value, metadata);
    let entity: unknown;
    try {
      entity = await super.transform(value, metadata);
    } catch (error) {
      const invalid = error instanceof BadRequestException ? invalidOf(error) : undefined;
      if (invalid === undefined) throw error;
      throw validationFailed(merged([...problems, ...invalid]));
    }
    if (problems.length > 0) throw validationFailed(merged(problems));
    if (isPlainObject(entity)) for (const [key, sent] of freeFormObjects) entity[key] = sent;
    return entity;
  }
}

export const requestValidationPipe = (): ValidationPipe =>
  new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
