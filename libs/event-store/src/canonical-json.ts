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

/**
 * Where the walk is: the keys from the root, kept on one stack and turned into a path string only for
 * the message. Every appended event is walked, so a valid one must cost no string building.
 */
interface Walk {
  readonly root: string;
  readonly keys: (string | number)[];
  readonly ancestors: object[];
}

const here = (walk: Walk, key?: string | number): string => {
  const path = walk.keys.reduce<string>(childPath, walk.root);
  return key === undefined ? path : childPath(path, key);
};

const visit = (walk: Walk, key: string | number, child: unknown): string | null => {
  walk.keys.push(key);
  const problem = find(child, walk);
  walk.keys.pop();
  return problem;
};

const findInArray = (value: unknown[], walk: Walk): string | null => {
  for (let index = 0; index < value.length; index += 1) {
    if (!(index in value)) return `${here(walk, index)} is an array hole, which JSON turns into null`;
    const problem = visit(walk, index, value[index]);
    if (problem) return problem;
  }
  return null;
};

const findInObject = (value: object, walk: Walk): string | null => {
  if (Object.getOwnPropertySymbols(value).length > 0) return `${here(walk)} has symbol keys, which JSON drops`;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const problem = visit(walk, key, (value as Record<string, unknown>)[key]);
    if (problem) return problem;
  }
  return null;
};

const find = (value: unknown, walk: Walk): string | null => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${here(walk)} is ${describeKind(value)}, which is not JSON`;
  if (typeof value !== 'object') return `${here(walk)} is ${describeKind(value)}, which is not JSON`;
  if (walk.ancestors.includes(value)) return `${here(walk)} refers back to itself (a cycle)`;
  if (walk.ancestors.length >= maxDepth) return `${here(walk)} is nested deeper than ${maxDepth} levels`;
  if (!Array.isArray(value) && !isPlainObject(value)) return `${here(walk)} is ${describeKind(value)}, not a plain JSON object`;
  walk.ancestors.push(value);
  const problem = Array.isArray(value) ? findInArray(value, walk) : findInObject(value, walk);
  walk.ancestors.pop();
  return problem;
};

/**
 * Describes the first part of `value` that would not survive `JSON.stringify` → `JSON.parse` unchanged
 * (NaN, undefined, functions, bigint, Dates and other class instances, cycles), or `null` if it would.
 * JSON.stringify itself drops or rewrites most of these silently, so an event would be stored altered.
 */
export const findNonJson = (value: unknown, path: string, ancestors: object[] = []): string | null =>
  find(value, { root: path, keys: [], ancestors: [...ancestors] });

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
