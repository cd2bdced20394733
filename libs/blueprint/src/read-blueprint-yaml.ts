import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { BlueprintPath } from './blueprint-path';

export interface YamlPosition {
  readonly line: number;
  readonly column: number;
}

export interface YamlSyntaxProblem extends YamlPosition {
  readonly message: string;
}

/** A key written twice in one mapping: where (the path of the mapping's entry) and on which lines. */
export interface DuplicateKey {
  readonly path: BlueprintPath;
  readonly key: string;
  readonly lines: readonly [number, number];
}

export type YamlReading =
  | {
      readonly ok: true;
      readonly value: unknown;
      readonly locate: (path: BlueprintPath) => YamlPosition | undefined;
      /** Keys written twice; the value read keeps the last one, so every other problem can still be checked. */
      readonly duplicates: readonly DuplicateKey[];
    }
  | { readonly ok: false; readonly problems: readonly YamlSyntaxProblem[] };

type NodeRange = readonly [number, number, number];

const rangeOf = (node: unknown): NodeRange | undefined => {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range: unknown = node.range;
  return Array.isArray(range) && range.length === 3 && range.every((offset) => typeof offset === 'number')
    ? [range[0], range[1], range[2]]
    : undefined;
};

/**
 * The position of the deepest node on `path`: the key itself for a mapping entry (so `stages.proposal`
 * points at the line that says `proposal:`), the item for a list entry.
 */
const rangeAt = (document: Document, path: BlueprintPath): NodeRange | undefined => {
  let node: unknown = document.contents;
  let found = rangeOf(node);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair === undefined) return found;
      found = rangeOf(pair.key) ?? found;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      found = rangeOf(node) ?? found;
    } else {
      return found;
    }
  }
  return found;
};

/** Every key written twice in a mapping of the document, with the path of the entry it names. */
const duplicateKeysOf = (node: unknown, path: BlueprintPath, lineOf: (offset: number) => number, found: DuplicateKey[]): void => {
  if (isMap(node)) {
    const first = new Map<string, number>();
    for (const item of node.items) {
      if (!isPair(item) || !isScalar(item.key)) continue;
      const key = String(item.key.value);
      const line = lineOf(rangeOf(item.key)?.[0] ?? 0);
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, line);
      else found.push({ path: [...path, key], key, lines: [earlier, line] });
      duplicateKeysOf(item.value, [...path, key], lineOf, found);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => duplicateKeysOf(item, [...path, index], lineOf, found));
  }
};

/**
 * YAML 1.2 core schema: `2026-01-31` and `no` stay strings. A key written twice is reported with its
 * path (`duplicates`) rather than stopping the reading, so the file's other problems are reported too.
 */
export const readYaml = (source: string): YamlReading => {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const position = (offset: number): YamlPosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => ({ ...position(error.pos[0]), message: error.message }));
    // The parser can report one mistake twice from two of its stages; once is enough for a reader.
    const unique = problems.filter(
      (problem, index) =>
        problems.findIndex((other) => other.line === problem.line && other.column === problem.column && other.message === problem.message) === index,
    );
    return { ok: false, problems: unique };
  }
  try {
    const value: unknown = document.toJS({ maxAliasCount: 100 });
    const duplicates: DuplicateKey[] = [];
    duplicateKeysOf(document.contents, [], (offset) => lineCounter.linePos(offset).line, duplicates);
    return {
      ok: true,
      value,
      duplicates,
      locate: (path) => {
        const range = rangeAt(document, path);
        return range === undefined ? undefined : position(range[0]);
      },
    };
  } catch (error) {
    // toJS refuses documents that expand aliases excessively (the "billion laughs" attack).
    return { ok: false, problems: [{ line: 1, column: 1, message: error instanceof Error ? error.message : String(error) }] };
  }
};
