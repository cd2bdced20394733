import type { Environment } from '@marcbachmann/cel-js';
import { problemAt, type BlueprintPath, type PathProblem } from '../blueprint-path';
import type { FieldType } from '../blueprint.model';
import { didYouMean } from '../blueprint.names';
import { celExpressionProblem } from '../cel-expression';

/**
 * A lenient reading of the raw `scoring:` section for the semantic checks (as `readBlueprintDraft` does
 * for the rest): whatever is readable, so one pass reports every problem.
 */

export interface DraftValue {
  readonly value: unknown;
  readonly path: BlueprintPath;
}

export interface DraftAttributeRule {
  readonly path: BlueprintPath;
  readonly id?: string;
  readonly hasField: boolean;
  readonly field?: string;
  readonly hasValues: boolean;
  readonly values: readonly DraftValue[];
  readonly when?: string;
}

export interface DraftNamed {
  readonly path: BlueprintPath;
  readonly name?: string;
}

export interface DraftThreshold {
  readonly path: BlueprintPath;
  readonly id?: string;
  readonly fire?: string;
}

export interface DraftScoring {
  /** Whether `attributes` or `behaviours` lists at least one entry. */
  readonly hasRules: boolean;
  readonly attributes: readonly DraftAttributeRule[];
  readonly behaviours: readonly DraftNamed[];
  readonly thresholds: readonly DraftThreshold[];
}

type PlainRecord = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is PlainRecord => typeof value === 'object' && value !== null && !Array.isArray(value);
const recordOf = (value: unknown): PlainRecord => (isRecord(value) ? value : {});
const listOf = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The `scoring:` mapping as far as it can be read; undefined when there is none (or it is no mapping). */
export const readScoringDraft = (value: unknown): DraftScoring | undefined => {
  if (!isRecord(value)) return undefined;
  const attributes = listOf(value.attributes).map((entry, index): DraftAttributeRule => {
    const rule = recordOf(entry);
    const path = ['scoring', 'attributes', index];
    return {
      path,
      id: stringOf(rule.id),
      hasField: rule.field !== undefined,
      field: stringOf(rule.field),
      hasValues: rule.values !== undefined,
      values: listOf(rule.values).map((item, position) => ({ value: item, path: [...path, 'values', position] })),
      when: stringOf(rule.when),
    };
  });
  const behaviours = listOf(value.behaviours).map((entry, index): DraftNamed => ({ path: ['scoring', 'behaviours', index], name: stringOf(recordOf(entry).activity) }));
  const thresholds = listOf(value.thresholds).map((entry, index): DraftThreshold => {
    const threshold = recordOf(entry);
    return { path: ['scoring', 'thresholds', index], id: stringOf(threshold.id), fire: stringOf(threshold.fire) };
  });
  return { hasRules: attributes.length > 0 || behaviours.length > 0, attributes, behaviours, thresholds };
};

/** What the checks need of the rest of the blueprint. */
export interface ScoringContext {
  readonly fields: readonly { readonly name: string; readonly type?: FieldType; readonly values: readonly { readonly name: string }[] }[];
  readonly events: readonly string[];
  readonly environment: Environment;
}

const NUMERIC: readonly FieldType[] = ['number', 'money'];

const shownValue = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** Why `value` can never be what `field` holds, or undefined when it can. */
const valueProblem = (value: unknown, field: ScoringContext['fields'][number]): string | undefined => {
  if (field.type === undefined) return undefined;
  if (field.type === 'enum') {
    const allowed = field.values.map((entry) => entry.name);
    return typeof value === 'string' && allowed.includes(value) ? undefined : `${shownValue(value)} is not one of ${field.name}’s values (${allowed.join(', ')})`;
  }
  if (NUMERIC.includes(field.type)) return typeof value === 'number' ? undefined : `${shownValue(value)} is not a number (${field.name} is a ${field.type} field)`;
  if (field.type === 'boolean') return typeof value === 'boolean' ? undefined : `${shownValue(value)} is not true or false (${field.name} is a boolean field)`;
  return typeof value === 'string' ? undefined : `${shownValue(value)} is not text (${field.name} is a ${field.type} field)`;
};

const attributeProblems = (rule: DraftAttributeRule, context: ScoringContext): PathProblem[] => {
  const byValues = rule.hasField || rule.hasValues;
  if (rule.when !== undefined && byValues) {
    return [problemAt(rule.path, 'an attribute rule matches a field’s values (field and values) or a CEL condition (when), not both')];
  }
  if (rule.when !== undefined) {
    const problem = celExpressionProblem(context.environment, rule.when, context.fields.map((field) => field.name));
    return problem === undefined ? [] : [problemAt([...rule.path, 'when'], problem)];
  }
  if (!rule.hasField || !rule.hasValues) return [problemAt(rule.path, 'an attribute rule needs field and values, or a CEL condition (when)')];
  if (rule.field === undefined) return [];
  const name = rule.field;
  const field = context.fields.find((candidate) => candidate.name === name);
  if (field === undefined) return [problemAt([...rule.path, 'field'], `unknown field "${name}"${didYouMean(name, context.fields.map((candidate) => candidate.name))}`)];
  return rule.values.flatMap(({ value, path }) => {
    const problem = valueProblem(value, field);
    return problem === undefined ? [] : [problemAt(path, problem)];
  });
};

const duplicates = (entries: readonly { readonly name?: string; readonly path: BlueprintPath }[], message: (name: string) => string): PathProblem[] => {
  const seen = new Set<string>();
  return entries.flatMap(({ name, path }) => {
    if (name === undefined) return [];
    if (!seen.has(name)) {
      seen.add(name);
      return [];
    }
    return [problemAt(path, message(name))];
  });
};

/**
 * What the shape cannot say about scoring: at least one rule, attribute rules that name a field and
 * values it can hold or a CEL condition that type-checks, rule names unique (they name the rules in
 * `ScoreChanged` and the breakdown), and thresholds that fire a transition the blueprint has.
 */
export const checkScoring = (scoring: DraftScoring | undefined, context: ScoringContext): PathProblem[] => {
  if (scoring === undefined) return [];
  const ruleNames = [
    ...scoring.attributes.map((rule) => ({ name: rule.id, path: [...rule.path, 'id'] })),
    ...scoring.behaviours.map((rule) => ({ name: rule.name, path: [...rule.path, 'activity'] })),
  ];
  return [
    ...(scoring.hasRules ? [] : [problemAt(['scoring'], 'declares no attributes and no behaviours; a score needs at least one rule')]),
    ...scoring.attributes.flatMap((rule) => attributeProblems(rule, context)),
    ...duplicates(ruleNames, (name) => `rule "${name}" is listed twice; score rules (attribute ids and behaviour activities) are unique per blueprint`),
    ...duplicates(
      scoring.thresholds.map((threshold) => ({ name: threshold.id, path: [...threshold.path, 'id'] })),
      (name) => `threshold "${name}" is listed twice`,
    ),
    ...scoring.thresholds.flatMap(({ fire, path }) =>
      fire === undefined || context.events.includes(fire) ? [] : [problemAt([...path, 'fire'], `no transition "${fire}"${didYouMean(fire, context.events)}`)],
    ),
  ];
};
