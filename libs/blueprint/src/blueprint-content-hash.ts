import { createHash } from 'node:crypto';
import type { BlueprintDefinition, BlueprintRef } from './blueprint.model';

const isPlainRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * JSON with object keys sorted and undefined properties left out, so the same definition always yields
 * the same text: whatever the key order in the YAML, and also after a JSON round trip through the store.
 * List order is content (stage order, field order, the order of criteria) and is kept.
 */
export const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainRecord(value)) {
    const entries = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
};

/** sha256 (hex) of the canonical JSON of a normalized definition. */
export const blueprintContentHash = (definition: BlueprintDefinition): string =>
  createHash('sha256').update(canonicalJson(definition)).digest('hex');

export const blueprintRef = (definition: BlueprintDefinition): BlueprintRef => ({
  id: definition.id,
  version: definition.version,
  contentHash: blueprintContentHash(definition),
});
