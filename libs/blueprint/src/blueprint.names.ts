/** Blueprint, kind, stage, event and task ids: safe in stream names, XState state keys and URLs. */
export const IDENTIFIER = /^[a-z][a-z0-9_]*$/;
export const IDENTIFIER_RULE = 'a lower-case identifier (a-z, 0-9, _; starting with a letter)';

/** Field names are CEL variables, so camelCase is allowed but CEL's reserved words are not. */
export const FIELD_NAME = /^[a-z][A-Za-z0-9_]*$/;
export const FIELD_NAME_RULE = 'an identifier starting with a lower-case letter (letters, digits, _)';

// From the CEL spec: the language's keywords plus the words it reserves for future use.
const CEL_KEYWORDS = [
  'false', 'in', 'null', 'true',
  'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if', 'import', 'let', 'loop',
  'package', 'namespace', 'return', 'var', 'void', 'while',
];
// cel-js declares these in every environment (type names and namespaces), so a field cannot take them.
const CEL_TYPE_NAMES = ['bool', 'bytes', 'double', 'int', 'list', 'map', 'null_type', 'string', 'type', 'uint'];
const CEL_NAMESPACES = ['cel', 'google', 'optional'];
// cel-js refuses these as variable names to keep them away from JavaScript prototypes.
const CEL_REFUSED_NAMES = ['__proto__', 'prototype'];

const CEL_RESERVATIONS: ReadonlyMap<string, string> = new Map([
  ...CEL_KEYWORDS.map((name): [string, string] => [name, 'a CEL keyword']),
  ...CEL_TYPE_NAMES.map((name): [string, string] => [name, 'a CEL type name']),
  ...CEL_NAMESPACES.map((name): [string, string] => [name, 'a CEL namespace']),
  ...CEL_REFUSED_NAMES.map((name): [string, string] => [name, 'refused by the CEL engine']),
]);

/** Every name a field may not take because CEL expressions could not refer to it, sorted. */
export const CEL_RESERVED_NAMES: readonly string[] = [...CEL_RESERVATIONS.keys()].sort();

export const isCelReservedWord = (name: string): boolean => CEL_RESERVATIONS.has(name);

/** Why a field may not be called `name` (a CEL keyword, type name, …), or undefined when it may. */
export const celReservation = (name: string): string | undefined => CEL_RESERVATIONS.get(name);

export const ROLE_NAME = /^[a-z][a-z0-9_-]*$/;

/** The stage source that stands for every non-final stage. */
export const ANY_OPEN = 'any-open';

/** `needs_analysis` → `Needs analysis`, `decisionMaker` → `Decision maker`. */
export const humanize = (name: string): string => {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[_\s-]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
};

/** Optimal string alignment distance: edits plus swaps of neighbours, the typos people make. */
const editDistance = (a: string, b: string): number => {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[a.length][b.length];
};

/** The known name a typo most likely meant, if one is close enough to be worth suggesting. */
export const closestName = (name: string, known: Iterable<string>): string | undefined => {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    const tolerance = Math.max(1, Math.floor(Math.max(name.length, candidate.length) / 3));
    if (candidate !== name && distance <= tolerance && (best === undefined || distance < best.distance)) {
      best = { name: candidate, distance };
    }
  }
  return best?.name;
};

export const didYouMean = (name: string, known: Iterable<string>): string => {
  const suggestion = closestName(name, known);
  return suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
};
