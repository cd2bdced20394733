import type { BlueprintPath } from '../blueprint-path';

/** The conversion section read leniently (see `readBlueprintDraft`): what is readable, with paths. */
export interface DraftConversionStep {
  readonly path: BlueprintPath;
  readonly as?: string;
  readonly kind?: string;
  readonly matchField?: string;
  /** Target field → source, string entries only. */
  readonly fields: readonly (readonly [string, string])[];
}

export interface DraftConversion {
  readonly path: BlueprintPath;
  readonly on?: string;
  readonly creates: readonly DraftConversionStep[];
  readonly link: readonly (readonly [string, string])[];
}

type PlainRecord = Readonly<Record<string, unknown>>;
const isRecord = (value: unknown): value is PlainRecord => typeof value === 'object' && value !== null && !Array.isArray(value);
const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const stringEntries = (value: unknown): [string, string][] =>
  isRecord(value) ? Object.entries(value).flatMap(([key, entry]) => (typeof entry === 'string' ? [[key, entry] as [string, string]] : [])) : [];

export const readConversionDraft = (value: unknown): DraftConversion | undefined => {
  if (!isRecord(value)) return undefined;
  const creates = Array.isArray(value['creates']) ? value['creates'] : [];
  return {
    path: ['conversion'],
    on: stringOf(value['on']),
    creates: creates.map((entry: unknown, index: number): DraftConversionStep => {
      const step = isRecord(entry) ? entry : {};
      const match = step['match'];
      return {
        path: ['conversion', 'creates', index],
        as: stringOf(step['as']),
        kind: stringOf(step['kind']),
        matchField: isRecord(match) ? stringOf(match['field']) : undefined,
        fields: stringEntries(step['fields']),
      };
    }),
    link: stringEntries(value['link']),
  };
};
