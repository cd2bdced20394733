import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { BlueprintException, BlueprintExceptionCode, compileBlueprint, parseBlueprint } from '@crm/blueprint';
import { scaledTimeout } from '@crm/event-store/contract';
import { repositoryRoot } from '../e2e/api-harness';
import { reliabilitySeed } from './reliability-seed';

/**
 * Random and malformed blueprints never crash the loader: each either loads (and then compiles), or is
 * refused with a BlueprintException whose every problem names the file and a path.
 */

const RUNS = 1_000;
const DOCUMENT_PROBLEM = /^(YAML syntax error|the file is empty|the document is not a mapping)/;
const FILE = 'fuzzed.blueprint.yaml';

const shipped = ['opportunity', 'lead', 'quote'].map((name) => readFileSync(join(repositoryRoot, 'blueprints', `${name}.blueprint.yaml`), 'utf8'));
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const documents = shipped.map((source) => parseYaml(source) as { [key: string]: Json });

/** Plausible mistakes first (what authors do), then anything at all. */
const garbageCel = fc.constantFrom('amount >', 'budjet > 0', 'amount > "ten"', '(((', 'size(', '1 +* 2', 'amount > 0 &&', 'has(x.', '"unterminated', 'amount.foo.bar > 0', '🙂 > 1', '');
/** Includes names JavaScript objects (`constructor`) and CEL (`int`, `map`, `type`, …) give a meaning of their own. */
const unknownNames = fc.constantFrom(
  'budjet', 'won', 'closed', 'Qualification', 'needs-analysis', 'x'.repeat(300), '__proto__', '', 'in', 'size', 'toString', 'timestamp',
  'constructor', 'prototype', 'int', 'uint', 'double', 'bool', 'string', 'bytes', 'list', 'map', 'type', 'null_type', 'google',
);
const CEL_BUILT_IN_NAMES = ['prototype', 'int', 'uint', 'double', 'bool', 'string', 'bytes', 'list', 'map', 'type', 'null_type', 'google', 'cel', 'optional'];
const anyValue: fc.Arbitrary<Json> = fc.oneof(fc.jsonValue() as fc.Arbitrary<Json>, garbageCel, unknownNames, fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));

type Mutation =
  | { readonly kind: 'drop'; readonly path: readonly number[] }
  | { readonly kind: 'replace'; readonly path: readonly number[]; readonly value: Json }
  | { readonly kind: 'add-key'; readonly path: readonly number[]; readonly key: string; readonly value: Json }
  | { readonly kind: 'rename'; readonly section: 'fields' | 'stages'; readonly which: number; readonly name: string }
  | { readonly kind: 'garbage-cel'; readonly transition: number; readonly expression: string }
  | { readonly kind: 'unknown-reference'; readonly transition: number; readonly slot: 'from' | 'to' | 'requires' | 'supply' | 'event'; readonly name: string };

const path = fc.array(fc.nat(), { minLength: 1, maxLength: 5 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), path }),
  fc.record({ kind: fc.constant('replace' as const), path, value: anyValue }),
  fc.record({ kind: fc.constant('add-key' as const), path, key: fc.oneof(unknownNames, fc.string()), value: anyValue }),
  fc.record({ kind: fc.constant('rename' as const), section: fc.constantFrom('fields' as const, 'stages' as const), which: fc.nat(), name: fc.oneof(unknownNames, fc.string()) }),
  fc.record({ kind: fc.constant('garbage-cel' as const), transition: fc.nat(), expression: fc.oneof(garbageCel, fc.string()) }),
  fc.record({
    kind: fc.constant('unknown-reference' as const),
    transition: fc.nat(),
    slot: fc.constantFrom('from' as const, 'to' as const, 'requires' as const, 'supply' as const, 'event' as const),
    name: fc.oneof(unknownNames, fc.string()),
  }),
);

const isContainer = (value: Json | undefined): value is Json[] | { [key: string]: Json } => typeof value === 'object' && value !== null;

/** Walks `selectors` down the document (each picks a key or an item), returning the parent and key of the last step. */
const locate = (root: Json, selectors: readonly number[]): { parent: Json[] | { [key: string]: Json }; key: string | number } | null => {
  let parent: Json = root;
  let found: { parent: Json[] | { [key: string]: Json }; key: string | number } | null = null;
  for (const selector of selectors) {
    if (!isContainer(parent)) break;
    const keys: (string | number)[] = Array.isArray(parent) ? parent.map((_, index) => index) : Object.keys(parent);
    if (keys.length === 0) break;
    const key = keys[selector % keys.length] as string | number;
    found = { parent, key };
    parent = (parent as Record<string | number, Json>)[key] as Json;
  }
  return found;
};

const transitionAt = (document: { [key: string]: Json }, index: number): { [key: string]: Json } | null => {
  const transitions = document['transitions'];
  if (!Array.isArray(transitions) || transitions.length === 0) return null;
  const transition = transitions[index % transitions.length];
  return isContainer(transition) && !Array.isArray(transition) ? transition : null;
};

const apply = (document: { [key: string]: Json }, change: Mutation): void => {
  switch (change.kind) {
    case 'drop':
    case 'replace':
    case 'add-key': {
      const target = locate(document, change.path);
      if (!target) return;
      if (change.kind === 'drop') {
        if (Array.isArray(target.parent)) target.parent.splice(Number(target.key), 1);
        else delete target.parent[String(target.key)];
      } else if (change.kind === 'replace') {
        (target.parent as Record<string | number, Json>)[target.key] = change.value;
      } else {
        const inside = (target.parent as Record<string | number, Json>)[target.key];
        if (isContainer(inside) && !Array.isArray(inside)) inside[change.key] = change.value;
      }
      return;
    }
    case 'rename': {
      const section = document[change.section];
      if (!isContainer(section) || Array.isArray(section)) return;
      const names = Object.keys(section);
      const from = names[change.which % Math.max(1, names.length)];
      if (from === undefined) return;
      const entries = Object.entries(section).map(([name, value]): [string, Json] => [name === from ? change.name : name, value]);
      document[change.section] = Object.fromEntries(entries);
      return;
    }
    case 'garbage-cel': {
      const transition = transitionAt(document, change.transition);
      if (transition) transition['when'] = [{ expression: change.expression, message: 'fuzzed' }];
      return;
    }
    case 'unknown-reference': {
      const transition = transitionAt(document, change.transition);
      if (transition) transition[change.slot] = change.slot === 'requires' || change.slot === 'supply' ? [change.name] : change.name;
      return;
    }
  }
};

/** A YAML text: a shipped blueprint with structural mutations, or its text cut, spliced or replaced. */
const fuzzedSource: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.nat(documents.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([which, changes]) => {
    const document = structuredClone(documents[which]) as { [key: string]: Json };
    changes.forEach((change) => apply(document, change));
    return stringifyYaml(document);
  }) },
  { weight: 2, arbitrary: fc.tuple(fc.nat(shipped.length - 1), fc.nat(), fc.nat(), fc.string()).map(([which, at, cut, insert]) => {
    const source = shipped[which] as string;
    const start = at % (source.length + 1);
    return source.slice(0, start) + insert + source.slice(Math.min(source.length, start + (cut % 40)));
  }) },
  { weight: 1, arbitrary: fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.jsonValue().map((value) => stringifyYaml(value))) },
);

describe('fuzz: blueprint loader', () => {
  it(`given ${RUNS} random and malformed blueprints, when each is loaded, then it loads and compiles or is refused with problems that name the file and a path`, () => {
    const seed = reliabilitySeed('blueprint-fuzz');
    let loaded = 0;
    let refused = 0;
    fc.assert(
      fc.property(fuzzedSource, (source) => {
        let definition;
        try {
          definition = parseBlueprint(source, FILE);
        } catch (error) {
          expect(error).toBeInstanceOf(BlueprintException);
          const { code, details } = error as BlueprintException;
          expect(code).toBe(BlueprintExceptionCode.INVALID_BLUEPRINT);
          expect(details.problems.length).toBeGreaterThan(0);
          for (const problem of details.problems) {
            expect(problem.file).toBe(FILE);
            expect(typeof problem.path).toBe('string');
            // Only a problem of the document as a whole (syntax, not a mapping) may have the empty path.
            if (problem.path === '') expect(problem.message).toMatch(DOCUMENT_PROBLEM);
            expect(problem.message.length).toBeGreaterThan(0);
          }
          refused += 1;
          return;
        }
        compileBlueprint(definition);
        loaded += 1;
      }),
      { seed, numRuns: RUNS },
    );
    process.stdout.write(`[blueprint-fuzz] ${RUNS} cases: ${loaded} loaded and compiled, ${refused} refused with located problems\n`);
    expect(loaded + refused).toBe(RUNS);
  }, scaledTimeout(120_000));

  const withField = (name: string): string =>
    (shipped[0] as string).replace('  notes:            { type: text }', `  notes:            { type: text }\n  ${name}: { type: number }`);
  const refusal = (source: string): unknown => {
    try {
      parseBlueprint(source, FILE);
      return 'loaded';
    } catch (error) {
      return error instanceof BlueprintException ? error.code : `${(error as Error).name}: ${(error as Error).message}`;
    }
  };

  const withStage = (name: string): string =>
    (shipped[0] as string).replace(/^stages:\n/m, `stages:\n  ${name}: { order: 99, probability: 5, forecastCategory: pipeline }\n`);
  const withEvent = (name: string): string => (shipped[0] as string).replace(/event: (\w+)/, `event: ${name}`);
  const problemsOf = (source: string): readonly string[] => {
    try {
      parseBlueprint(source, FILE);
      return [];
    } catch (error) {
      return error instanceof BlueprintException ? error.details.problems.map(({ path, message }) => `${path}: ${message}`) : [`${(error as Error).name}: ${(error as Error).message}`];
    }
  };

  it('given a field, stage or key named "constructor", when loaded, then it is refused with a BlueprintException', () => {
    expect(refusal(withField('constructor'))).toBe(BlueprintExceptionCode.INVALID_BLUEPRINT);
    expect(refusal(withStage('constructor'))).toBe(BlueprintExceptionCode.INVALID_BLUEPRINT);
    expect(refusal(`constructor: 1\n${shipped[0] as string}`)).toBe(BlueprintExceptionCode.INVALID_BLUEPRINT);
    expect(problemsOf(withField('constructor'))).toContain('fields.constructor: key "constructor" is not allowed');
  });

  it('given an event named "constructor", when loaded, then it loads and compiles like any other event', () => {
    expect(() => compileBlueprint(parseBlueprint(withEvent('constructor'), FILE))).not.toThrow();
  });

  it('given a field named after a CEL type (int, string, map, type, …), when loaded, then it is refused with a BlueprintException naming the field and why', () => {
    for (const name of CEL_BUILT_IN_NAMES) {
      expect(refusal(withField(name))).toBe(BlueprintExceptionCode.INVALID_BLUEPRINT);
      expect(problemsOf(withField(name))).toContainEqual(expect.stringMatching(new RegExp(`^fields\\.${name}: field name "${name}" is reserved in CEL expressions \\(.+\\); choose another name\\. Reserved: .*\\b${name}\\b`)));
    }
  });
});
