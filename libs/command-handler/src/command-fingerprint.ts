import { hash } from 'node:crypto';

const isArrayIndex = (key: string): boolean => /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4_294_967_295;

/**
 * Keys in code-point order, except that array-index keys ("0", "10") come first in numeric order: the
 * order an object rebuilt from sorted entries has, which is what fingerprints were first computed on.
 */
const keyOrder = (keys: string[]): string[] => {
  const sorted = keys.sort();
  const indexes = sorted.filter(isArrayIndex);
  return indexes.length === 0 ? sorted : [...indexes.sort((a, b) => Number(a) - Number(b)), ...sorted.filter((key) => !isArrayIndex(key))];
};

const hasToJson = (value: object): value is { toJSON(): unknown } => typeof (value as { toJSON?: unknown }).toJSON === 'function';

/**
 * JSON with object keys in code-point order and `undefined` members left out, so equal requests hash
 * equal. Written out directly, byte for byte what `JSON.stringify` with a key-sorting replacer gives (the
 * fingerprints stored by earlier versions must stay equal), without copying every object to sort it.
 */
const sortedJson = (value: unknown): string | undefined => {
  const json = typeof value === 'object' && value !== null && hasToJson(value) ? value.toJSON() : value;
  if (typeof json !== 'object' || json === null) return JSON.stringify(json);
  if (Array.isArray(json)) return `[${json.map((item: unknown) => sortedJson(item) ?? 'null').join(',')}]`;
  const members: string[] = [];
  for (const key of keyOrder(Object.keys(json))) {
    const text = sortedJson((json as Record<string, unknown>)[key]);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(',')}}`;
};

/**
 * A digest of what a command asks (its type, target and payload; never who or when), stored with its
 * events: a retry must ask the same to get the first answer again. Payment APIs treat a reused
 * idempotency key with another body the same way.
 */
export const fingerprintOf = (intent: unknown): string => hash('sha256', sortedJson(intent) as string, 'hex');
