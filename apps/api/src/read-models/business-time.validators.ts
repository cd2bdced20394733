import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { parseAsOf, parseInstant, PERIOD_KINDS, ReadModelException, type PeriodKind } from '@crm/projections';

/**
 * Query parameters of the read models, checked before a query runs so a 400 names the parameter. The
 * date rules are the read models' own parsers: what passes here is what the queries accept.
 */

const parses = (parse: (text: string) => string, value: unknown): boolean => {
  if (typeof value !== 'string') return false;
  try {
    parse(value);
    return true;
  } catch (error) {
    if (error instanceof ReadModelException) return false;
    throw error;
  }
};

/** `YYYY-MM-DD` (the end of that day, UTC) or an ISO-8601 date-time with offset. */
export const isAsOf = (value: unknown): boolean => parses(parseAsOf, value);

/** A window bound: `YYYY-MM-DD` (the start of that day, UTC) or an ISO-8601 date-time with offset. */
export const isWindowBound = (value: unknown): boolean => parses(parseInstant, value);

const PERIOD_PATTERNS: Record<PeriodKind, { readonly pattern: RegExp; readonly example: string }> = {
  month: { pattern: /^\d{4}-(0[1-9]|1[0-2])$/, example: '2026-03' },
  quarter: { pattern: /^\d{4}-Q[1-4]$/, example: '2026-Q1' },
};

const isPeriodKind = (value: unknown): value is PeriodKind => typeof value === 'string' && (PERIOD_KINDS as readonly string[]).includes(value);

/**
 * A period of the given kind (`2026-03`, `2026-Q1`). With an unknown kind any period shape passes:
 * the kind's own check reports that mistake.
 */
export const isPeriodOf = (value: unknown, kind: unknown): boolean => {
  if (typeof value !== 'string') return false;
  const kinds = isPeriodKind(kind) ? [kind] : PERIOD_KINDS;
  return kinds.some((candidate) => PERIOD_PATTERNS[candidate].pattern.test(value));
};

const periodKindOfRequest = (request: object): unknown => (request as { periodKind?: unknown }).periodKind ?? 'quarter';

const propertyRule =
  (name: string, validate: (value: unknown, args: ValidationArguments) => boolean, message: (args: ValidationArguments) => string) =>
  (options?: ValidationOptions): PropertyDecorator =>
  (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message, ...options },
      validator: { validate },
    });

export const IsAsOf = propertyRule(
  'isAsOf',
  (value) => isAsOf(value),
  ({ property }) => `${property} must be a date (YYYY-MM-DD, the end of that day UTC) or an ISO-8601 date-time with offset`,
);

export const IsWindowBound = propertyRule(
  'isWindowBound',
  (value) => isWindowBound(value),
  ({ property }) => `${property} must be a date (YYYY-MM-DD, the start of that day UTC) or an ISO-8601 date-time with offset`,
);

/** A period of the request's `periodKind` (default quarter). */
export const IsPeriodOfRequestKind = propertyRule(
  'isPeriodOfRequestKind',
  (value, { object }) => isPeriodOf(value, periodKindOfRequest(object)),
  ({ property, object }) => {
    const kind = periodKindOfRequest(object);
    return isPeriodKind(kind)
      ? `${property} must be a ${kind} like ${PERIOD_PATTERNS[kind].example} (periodKind is ${kind})`
      : `${property} must be a period like 2026-03 or 2026-Q1`;
  },
);

/**
 * Periods of one kind compare as text (`2026-11` < `2027-01`, `2026-Q3` < `2026-Q4`). A bound that is
 * missing or not a period of the request's kind is left to its own rule.
 */
export const isNotBeforePeriod = (value: unknown, earlier: unknown, kind: unknown): boolean =>
  !isPeriodKind(kind) || !isPeriodOf(value, kind) || !isPeriodOf(earlier, kind) || (value as string) >= (earlier as string);

const otherProperty = (args: ValidationArguments): unknown => (args.object as Record<string, unknown>)[args.constraints[0] as string];

/** The last period reported is not before the first: `to` ≥ `from`, else an empty report hides the swap. */
export const IsNotBeforePeriod =
  (property: string, options?: ValidationOptions): PropertyDecorator =>
  (target, propertyName) =>
    registerDecorator({
      name: 'isNotBeforePeriod',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [property],
      options: { message: (args: ValidationArguments) => `${args.property} must not be before ${property} (${String(otherProperty(args))})`, ...options },
      validator: { validate: (value: unknown, args: ValidationArguments) => isNotBeforePeriod(value, otherProperty(args), periodKindOfRequest(args.object)) },
    });
