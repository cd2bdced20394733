import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { BlueprintPath } from './blueprint-path';

export interface YamlPosition {
  readonly line: number;
  readonly column: number;
}

export interface YamlSyntaxProblem extends YamlPosition {
  readonly message: string;
}

export type YamlReading =
  | { readonly ok: true; readonly value: unknown; readonly locate: (path: BlueprintPath) => YamlPosition | undefined }
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

/** YAML 1.2 core schema: `2026-01-31` and `no` stay strings; duplicate keys are errors. */
export const readYaml = (source: string): YamlReading => {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
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
    return {
      ok: true,
      value,
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
