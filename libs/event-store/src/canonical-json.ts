import type { JsonValue } from './event-store.port';

const maxDepth = 256;

const isPlainObject = (value: object): boolean => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

const describeKind = (value: unknown): string => {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && value !== null) return `a ${value.constructor?.name ?? 'non-plain object'}`;
  return `a ${typeof value}`;
};

const childPath = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

const findInArray = (value: unknown[], path: string, ancestors: object[]): string | null => {
  for (let index = 0; index < value.length; index += 1) {
    if (!(index in value)) return `${childPath(path, index)} is an array hole, which JSON turns into null`;
    const problem = findNonJson(value[index], childPath(path, index), ancestors);
    if (problem) return problem;
  }
  return null;
};

const findInObject = (value: object, path: string, ancestors: object[]): string | null => {
  if (Object.getOwnPropertySymbols(value).length > 0) return `${path} has symbol keys, which JSON drops`;
  for (const [key, child] of Object.entries(value)) {
    const problem = findNonJson(child, childPath(path, key), ancestors);
    if (problem) return problem;
  }
  return null;
};

/**
 * Describes the first part of `value` that would not survive `JSON.stringify` → `JSON.parse` unchanged
 * (NaN, undefined, functions, bigint, Dates and other class instances, cycles), or `null` if it would.
 * JSON.stringify itself drops or rewrites most of these silently, so an event would be stored altered.
 */
export const findNonJson = (value: unknown, path: string, ancestors: object[] = []): string | null => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} is ${describeKind(value)}, which is not JSON`;
  if (typeof value !== 'object') return `${path} is ${describeKind(value)}, which is not JSON`;
  if (ancestors.includes(value)) return `${path} refers back to itself (a cycle)`;
  if (ancestors.length >= maxDepth) return `${path} is nested deeper than ${maxDepth} levels`;
  const inside = [...ancestors, value];
  if (Array.isArray(value)) return findInArray(value, path, inside);
  if (!isPlainObject(value)) return `${path} is ${describeKind(value)}, not a plain JSON object`;
  return findInObject(value, path, inside);
};

export const isJsonObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && isPlainObject(value);

/** JSON with object keys sorted, so two values compare equal whatever order their keys were written in. */
export const canonicalJson = (value: JsonValue): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
};
