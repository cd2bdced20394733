import { isIsoDate } from '@crm/clock';
import type { BlueprintDefinition, FieldDefinition, FieldType } from './blueprint.model';
import { didYouMean } from './blueprint.names';

export interface FieldProblem {
  readonly field: string;
  /** Names the field, the rule and the value: `amount: expected money (…), got "abc"`. */
  readonly message: string;
}

export const MAX_STRING_LENGTH = 255;
export const MAX_TEXT_LENGTH = 10_000;
export const MAX_REFERENCE_LENGTH = 128;
/**
 * The largest amount of money, in major units: 1e15 minor units (cents). Far above any deal, yet sums
 * of many such amounts in cents stay finite and near-exact, so one absurd value cannot turn a pipeline
 * total into null for everyone.
 */
export const MAX_MONEY = 10_000_000_000_000;

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE_CHARACTERS = /^[0-9 +\-().]+$/;

/**
 * Code points, as `[...value].length` counts them (a lone surrogate is one), without building an array
 * of one string per character: a megabyte of text is counted in about a millisecond.
 */
const characters = (value: string): number => {
  let pairs = 0;
  for (let index = 0; index < value.length - 1; index += 1) {
    const code = value.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs += 1;
        index += 1;
      }
    }
  }
  return value.length - pairs;
};

/** A code point takes one or two UTF-16 units, so most strings are judged by their length alone. */
const hasAtMostCharacters = (value: string, max: number): boolean => value.length <= max || (value.length <= 2 * max && characters(value) <= max);

const digitCount = (value: string): number => value.replace(/\D/g, '').length;

/** A double "has at most 2 decimals" when it is the closest double to a number written with 2 decimals. */
const hasAtMostTwoDecimals = (value: number): boolean => Number(value.toFixed(2)) === value;

interface FieldRule {
  readonly expected: (field: FieldDefinition) => string;
  readonly accepts: (value: unknown, field: FieldDefinition) => boolean;
}

const RULES: Readonly<Record<FieldType, FieldRule>> = {
  string: {
    expected: () => `string (at most ${MAX_STRING_LENGTH} characters)`,
    accepts: (value) => typeof value === 'string' && hasAtMostCharacters(value, MAX_STRING_LENGTH),
  },
  text: {
    expected: () => `text (at most ${MAX_TEXT_LENGTH} characters)`,
    accepts: (value) => typeof value === 'string' && hasAtMostCharacters(value, MAX_TEXT_LENGTH),
  },
  number: {
    expected: () => 'number (a finite number)',
    accepts: (value) => typeof value === 'number' && Number.isFinite(value),
  },
  money: {
    expected: () => 'money (a finite number with at most 2 decimals)',
    accepts: (value) => typeof value === 'number' && Number.isFinite(value) && hasAtMostTwoDecimals(value),
  },
  date: {
    expected: () => 'date (a calendar date as YYYY-MM-DD)',
    accepts: (value) => isIsoDate(value),
  },
  boolean: {
    expected: () => 'boolean (true or false)',
    accepts: (value) => typeof value === 'boolean',
  },
  email: {
    expected: () => 'email (an address like name@example.com)',
    accepts: (value) => typeof value === 'string' && value.length <= 254 && EMAIL.test(value),
  },
  phone: {
    expected: () => 'phone (digits, spaces and + - ( ) . with 5 to 20 digits)',
    accepts: (value) =>
      typeof value === 'string' && PHONE_CHARACTERS.test(value) && digitCount(value) >= 5 && digitCount(value) <= 20,
  },
  enum: {
    expected: (field) => `one of ${(field.values ?? []).join(', ')}`,
    accepts: (value, field) => typeof value === 'string' && (field.values ?? []).includes(value),
  },
  reference: {
    expected: (field) =>
      `reference (the id of a record${field.to === undefined ? '' : ` of kind ${field.to}`}: a non-empty string of at most ${MAX_REFERENCE_LENGTH} characters)`,
    accepts: (value) =>
      typeof value === 'string' && value.trim().length > 0 && hasAtMostCharacters(value, MAX_REFERENCE_LENGTH),
  },
};

/** Whether a number of the right type is within the field's bounds (money always, numbers when declared). */
const withinBounds = (field: FieldDefinition, value: number): boolean => {
  if (field.type === 'money') return Math.abs(value) <= MAX_MONEY;
  if (field.type !== 'number') return true;
  return (field.min === undefined || value >= field.min) && (field.max === undefined || value <= field.max);
};

/** What the bounds allow, for the message of a value outside them. */
const expectedBounds = (field: FieldDefinition): string => {
  if (field.type === 'money') return `money within ±${MAX_MONEY} (1e15 minor units)`;
  const { min, max } = field;
  return min !== undefined && max !== undefined ? `number from ${min} to ${max}` : min !== undefined ? `number of at least ${min}` : `number of at most ${max}`;
};

const describeValue = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string' && value.length > 60) return `a string of ${characters(value)} characters`;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return `${value} (a bigint)`;
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'a list' : 'an object';
  return JSON.stringify(value) ?? String(value);
};

/** Undefined when `value` may be stored in `field`; `null` clears a field and is always valid. */
export const validateFieldValue = (field: FieldDefinition, value: unknown): string | undefined => {
  if (value === null) return undefined;
  const rule = RULES[field.type];
  if (!rule.accepts(value, field)) return `${field.name}: expected ${rule.expected(field)}, got ${describeValue(value)}`;
  return typeof value !== 'number' || withinBounds(field, value) ? undefined : `${field.name}: expected ${expectedBounds(field)}, got ${describeValue(value)}`;
};

const fieldsByName = new WeakMap<BlueprintDefinition, ReadonlyMap<string, FieldDefinition>>();

/** A definition's fields by name, found once per definition (every command's values are checked against them). */
const fieldsByNameOf = (definition: BlueprintDefinition): ReadonlyMap<string, FieldDefinition> => {
  const known = fieldsByName.get(definition);
  if (known !== undefined) return known;
  const byName = new Map(definition.fields.map((field) => [field.name, field]));
  fieldsByName.set(definition, byName);
  return byName;
};

/** Every problem with a set of field values, unknown field names included. */
export const validateFieldValues = (
  definition: BlueprintDefinition,
  values: Readonly<Record<string, unknown>>,
): FieldProblem[] => {
  const fieldByName = fieldsByNameOf(definition);
  return Object.entries(values).flatMap(([name, value]) => {
    const field = fieldByName.get(name);
    if (field === undefined) {
      const known = [...fieldByName.keys()];
      return [{ field: name, message: `${name}: unknown field${didYouMean(name, known)}` }];
    }
    const message = validateFieldValue(field, value);
    return message === undefined ? [] : [{ field: name, message }];
  });
};
