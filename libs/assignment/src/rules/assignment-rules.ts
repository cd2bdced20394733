import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  celExpressionProblem,
  compileCelExpression,
  declareCelVariables,
  invalidBlueprint,
  loadBlueprintDirectory,
  loadBusinessCalendars,
  parseDuration,
  standardCalendars,
  TEAM_CALENDAR,
  type BlueprintDefinition,
  type BlueprintProblem,
  type BusinessCalendars,
  type CompiledExpression,
  type FieldDefinition,
} from '@crm/blueprint';
import { NO_POOL_RULES, type PoolSettings } from '@crm/workflow';
import { parse } from 'yaml';

/** Beside the blueprints and the calendars (README, Assignment rules). */
export const ASSIGNMENT_RULES_FILE = 'lead-assignment.yaml';

export const STRATEGIES = ['round_robin', 'balanced'] as const;
/** `round_robin`: each rep in turn; `balanced`: the rep holding the fewest open leads (ties in turn). */
export type AssignmentStrategy = (typeof STRATEGIES)[number];

export const TRIGGERS = ['intake', 'return'] as const;
/** When a lead is routed: opened without an owner (`intake`), or back in the pool (`return`). */
export type AssignmentTrigger = (typeof TRIGGERS)[number];

export type MatchValue = string | number | boolean;

/** The lead's field must hold one of these values. */
export interface FieldMatch {
  readonly field: string;
  readonly values: readonly MatchValue[];
}

/** How many open leads a rep may hold before the rule passes them over: the rule's default and per-rep caps. */
export interface RepCapacity {
  readonly default: number | null;
  readonly reps: Readonly<Record<string, number>>;
}

export interface AssignmentRule {
  readonly id: string;
  readonly title?: string;
  /** Every listed field must hold one of its values; empty: every lead. */
  readonly match: readonly FieldMatch[];
  /** A CEL condition over the lead's fields, as blueprints write them. */
  readonly when?: CompiledExpression;
  readonly team: string;
  readonly strategy: AssignmentStrategy;
  readonly capacity: RepCapacity;
  /** Pass over reps outside their team's business hours (business-calendars.yaml). */
  readonly workingHours: boolean;
  readonly on: readonly AssignmentTrigger[];
}

export interface AssignmentRules {
  /** The file they came from; null when there is none (no rules, no pool limits). */
  readonly file: string | null;
  /** In the order they are tried. */
  readonly rules: readonly AssignmentRule[];
  readonly pool: PoolSettings;
}

export const NO_ASSIGNMENT_RULES: AssignmentRules = { file: null, rules: [], pool: NO_POOL_RULES };

/** What the rules are checked against: the lead blueprint's fields (null: no blueprint governs leads) and the calendars. */
export interface RulesContext {
  readonly lead: BlueprintDefinition | null;
  readonly calendars: BusinessCalendars;
}

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

const RULE_ID = /^[a-z][a-z0-9_-]{0,62}$/;
const RULE_KEYS = ['id', 'title', 'match', 'when', 'team', 'strategy', 'capacity', 'workingHours', 'on'];
const POOL_KEYS = ['claimCap', 'cooldown', 'returnAfter', 'returnCalendar'];
const ROOT_KEYS = ['rules', 'pool'];

const shown = (value: unknown): string => JSON.stringify(value) ?? String(value);

const isWholeAtLeastOne = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;

const unknownKeys = (value: Plain, known: readonly string[], at: (key: string) => string, problem: (path: string, message: string) => void): void => {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) problem(at(key), `unknown key "${key}"; known keys: ${known.join(', ')}`);
  }
};

/** The JavaScript type a field's stored values have. */
const valueTypeOf = (field: FieldDefinition): 'string' | 'number' | 'boolean' =>
  field.type === 'number' || field.type === 'money' ? 'number' : field.type === 'boolean' ? 'boolean' : 'string';

const readMatch = (value: unknown, at: string, lead: BlueprintDefinition, problem: (path: string, message: string) => void): FieldMatch[] => {
  if (value === undefined) return [];
  if (!isPlain(value)) {
    problem(at, 'expected a mapping of lead field to a value or a list of values');
    return [];
  }
  const fields = new Map(lead.fields.map((field) => [field.name, field]));
  return Object.entries(value).flatMap(([name, wanted]): FieldMatch[] => {
    const field = fields.get(name);
    if (field === undefined) {
      problem(`${at}.${name}`, `the lead blueprint has no field "${name}"; fields: ${[...fields.keys()].join(', ')}`);
      return [];
    }
    const values = Array.isArray(wanted) ? wanted : [wanted];
    const type = valueTypeOf(field);
    if (values.length === 0 || values.some((candidate) => typeof candidate !== type)) {
      problem(`${at}.${name}`, `expected a value or a list of values of ${name}`);
      return [];
    }
    let valid = true;
    values.forEach((candidate, index) => {
      if (field.type === 'enum' && !(field.values ?? []).includes(String(candidate))) {
        problem(`${at}.${name}${Array.isArray(wanted) ? `[${index}]` : ''}`, `${shown(candidate)} is not a value of ${name}; values: ${(field.values ?? []).join(', ')}`);
        valid = false;
      }
    });
    return valid ? [{ field: name, values: values as MatchValue[] }] : [];
  });
};

const readWhen = (value: unknown, at: string, lead: BlueprintDefinition, problem: (path: string, message: string) => void): CompiledExpression | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    problem(at, 'expected a CEL condition over the lead’s fields');
    return undefined;
  }
  const { environment } = declareCelVariables(lead.fields.map((field) => ({ name: field.name, type: field.type })));
  const names = lead.fields.map((field) => field.name);
  const wrong = celExpressionProblem(environment, value, names);
  if (wrong !== undefined) {
    problem(at, wrong);
    return undefined;
  }
  return compileCelExpression(environment, value, new Set(names));
};

const readCapacity = (value: unknown, at: string, problem: (path: string, message: string) => void): RepCapacity => {
  if (value === undefined || value === null) return { default: null, reps: {} };
  if (isWholeAtLeastOne(value)) return { default: value, reps: {} };
  if (isPlain(value) && Object.values(value).every(isWholeAtLeastOne)) {
    const { default: fallback, ...reps } = value as Record<string, number>;
    return { default: fallback ?? null, reps };
  }
  problem(at, 'expected a whole number ≥ 1, or { default?, <rep>: <number> }');
  return { default: null, reps: {} };
};

const readOn = (value: unknown, at: string, problem: (path: string, message: string) => void): AssignmentTrigger[] => {
  if (value === undefined) return [...TRIGGERS];
  if (!Array.isArray(value) || value.length === 0) {
    problem(at, `expected a non-empty list of ${TRIGGERS.join(', ')}`);
    return [];
  }
  return value.flatMap((trigger, index): AssignmentTrigger[] => {
    if ((TRIGGERS as readonly unknown[]).includes(trigger)) return [trigger as AssignmentTrigger];
    problem(`${at}[${index}]`, `expected ${TRIGGERS.join(' or ')}, got ${shown(trigger)}`);
    return [];
  });
};

const readRule = (value: unknown, at: string, lead: BlueprintDefinition, problem: (path: string, message: string) => void): AssignmentRule | null => {
  if (!isPlain(value)) {
    problem(at, 'expected { id, team, strategy?, match?, when?, capacity?, workingHours?, on? }');
    return null;
  }
  const id = value['id'];
  if (typeof id !== 'string' || !RULE_ID.test(id)) problem(`${at}.id`, `expected a lower-case id (letters, digits, - and _), got ${shown(id)}`);
  const title = value['title'];
  if (title !== undefined && typeof title !== 'string') problem(`${at}.title`, 'expected text');
  const match = readMatch(value['match'], `${at}.match`, lead, problem);
  const when = readWhen(value['when'], `${at}.when`, lead, problem);
  const team = value['team'];
  if (typeof team !== 'string' || team.trim() === '') problem(`${at}.team`, 'expected the team whose reps the rule assigns to');
  const strategy = value['strategy'] ?? 'round_robin';
  if (!(STRATEGIES as readonly unknown[]).includes(strategy)) problem(`${at}.strategy`, `expected ${STRATEGIES.join(' or ')}, got ${shown(strategy)}`);
  const capacity = readCapacity(value['capacity'], `${at}.capacity`, problem);
  const workingHours = value['workingHours'] ?? false;
  if (typeof workingHours !== 'boolean') problem(`${at}.workingHours`, 'expected true or false');
  const on = readOn(value['on'], `${at}.on`, problem);
  unknownKeys(value, RULE_KEYS, (key) => `${at}.${key}`, problem);
  if (typeof id !== 'string' || typeof team !== 'string') return null;
  return {
    id,
    ...(typeof title === 'string' ? { title } : {}),
    match,
    ...(when === undefined ? {} : { when }),
    team,
    strategy: strategy as AssignmentStrategy,
    capacity,
    workingHours: workingHours === true,
    on,
  };
};

const readDuration = (value: unknown, at: string, problem: (path: string, message: string) => void): string | null => {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && parseDuration(value) !== null) return value;
  problem(at, `expected an ISO-8601 duration such as P3D, got ${shown(value)}`);
  return null;
};

const readPool = (value: unknown, calendars: BusinessCalendars, problem: (path: string, message: string) => void): PoolSettings => {
  if (value === undefined || value === null) return NO_POOL_RULES;
  if (!isPlain(value)) {
    problem('pool', 'expected { claimCap?, cooldown?, returnAfter?, returnCalendar? }');
    return NO_POOL_RULES;
  }
  const cap = value['claimCap'] ?? null;
  if (cap !== null && !isWholeAtLeastOne(cap)) problem('pool.claimCap', `expected a whole number ≥ 1 or null, got ${shown(cap)}`);
  const cooldown = readDuration(value['cooldown'], 'pool.cooldown', problem);
  const after = readDuration(value['returnAfter'], 'pool.returnAfter', problem);
  const calendar = value['returnCalendar'];
  if (calendar !== undefined && (typeof calendar !== 'string' || (calendar !== TEAM_CALENDAR && !calendars.calendars.has(calendar)))) {
    problem('pool.returnCalendar', `unknown business calendar ${shown(calendar)}; calendars: ${[...calendars.calendars.keys()].join(', ')}, or ${TEAM_CALENDAR}`);
  }
  unknownKeys(value, POOL_KEYS, (key) => `pool.${key}`, problem);
  return {
    claimCap: isWholeAtLeastOne(cap) ? cap : null,
    cooldown,
    returnAfter: after === null ? null : { after, ...(typeof calendar === 'string' ? { calendar } : {}) },
  };
};

/**
 * Reads an assignment rules file: every problem at once, each with file and path, as for blueprints
 * (README, Assignment rules). Match fields, enum values and CEL conditions are checked against the
 * lead blueprint; the pool's calendar against the business calendars.
 */
export const parseAssignmentRules = (source: string, file: string, context: RulesContext): AssignmentRules => {
  const problems: BlueprintProblem[] = [];
  const problem = (path: string, message: string): void => void problems.push({ file, path, message });
  let document: unknown;
  try {
    document = parse(source);
  } catch (error) {
    throw invalidBlueprint([{ file, path: '', message: `YAML syntax error: ${error instanceof Error ? error.message : String(error)}` }]);
  }
  const root: Plain = isPlain(document) ? document : {};
  if (document !== null && document !== undefined && !isPlain(document)) problem('', 'expected a mapping with rules and pool');
  const declared = root['rules'] ?? [];
  const rules: AssignmentRule[] = [];
  if (!Array.isArray(declared)) problem('rules', 'expected a list of rules');
  else if (declared.length > 0 && context.lead === null) problem('rules', 'no blueprint governs kind lead, so no rule can match a lead');
  else {
    const seen = new Map<string, number>();
    declared.forEach((entry, index) => {
      const rule = readRule(entry, `rules[${index}]`, context.lead as BlueprintDefinition, problem);
      if (rule === null) return;
      const first = seen.get(rule.id);
      if (first !== undefined) problem(`rules[${index}].id`, `"${rule.id}" is used by rules[${first}] already`);
      else seen.set(rule.id, index);
      rules.push(rule);
    });
  }
  const pool = readPool(root['pool'], context.calendars, problem);
  unknownKeys(root, ROOT_KEYS, (key) => key, problem);
  if (problems.length > 0) throw invalidBlueprint(problems);
  return { file, rules, pool };
};

/** The rules file in the blueprints folder, or no rules when there is none. */
export const loadAssignmentRules = (blueprintsDirectory: string, context: RulesContext): AssignmentRules => {
  const file = join(blueprintsDirectory, ASSIGNMENT_RULES_FILE);
  if (!existsSync(file)) return NO_ASSIGNMENT_RULES;
  const rules = parseAssignmentRules(readFileSync(file, 'utf8'), ASSIGNMENT_RULES_FILE, context);
  return { ...rules, file };
};

/** The engine's calendars file, beside the blueprints (README, Business calendars). */
const CALENDARS_FILE = 'business-calendars.yaml';

/**
 * The rules file beside the blueprints, checked against the latest lead blueprint there and the business
 * calendars, as the API and the CLI load it at start-up; no rules when there is no file.
 */
export const loadAssignmentRulesBeside = (blueprintsDirectory: string): { readonly rules: AssignmentRules; readonly calendars: BusinessCalendars } => {
  const calendarsFile = join(blueprintsDirectory, CALENDARS_FILE);
  const calendars = existsSync(calendarsFile) ? loadBusinessCalendars(calendarsFile) : standardCalendars();
  if (!existsSync(join(blueprintsDirectory, ASSIGNMENT_RULES_FILE))) return { rules: NO_ASSIGNMENT_RULES, calendars };
  const leads = loadBlueprintDirectory(blueprintsDirectory).filter((definition) => definition.kind === 'lead');
  return { rules: loadAssignmentRules(blueprintsDirectory, { lead: leads[leads.length - 1] ?? null, calendars }), calendars };
};
