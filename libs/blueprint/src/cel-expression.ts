import { Environment, type ASTNode, type ParseError, type TypeError as CelTypeError } from '@marcbachmann/cel-js';
import { fieldValueOf, type FieldType, type FieldValues } from './blueprint.model';
import { didYouMean } from './blueprint.names';

/**
 * Exit-criteria expressions are CEL over the record's fields. Each field is a CEL variable of the type
 * below; values are passed as they are stored (JSON numbers, `YYYY-MM-DD` strings, booleans).
 */
export type CelType = 'string' | 'double' | 'bool';

export const CEL_TYPE_OF_FIELD: Readonly<Record<FieldType, CelType>> = {
  string: 'string',
  text: 'string',
  email: 'string',
  phone: 'string',
  date: 'string',
  enum: 'string',
  reference: 'string',
  // cel-js treats every JS number as a double, so number fields must be doubles to accept stored values.
  number: 'double',
  money: 'double',
  boolean: 'bool',
};

export interface CelVariable {
  readonly name: string;
  /** Undefined while validating a field whose type is itself wrong: it is then declared `dyn`. */
  readonly type?: FieldType;
}

export interface CelDeclarations {
  readonly environment: Environment;
  /** Fields cel-js would not declare, with its reason; expressions cannot refer to them. */
  readonly refused: readonly { readonly name: string; readonly reason: string }[];
}

/**
 * Declares each field as a CEL variable (`dyn` when its type is not known). cel-js throws a plain Error
 * for a name it reserves or already declares; validation refuses the names known today by name, and this
 * reports any other one instead of letting the Error escape. Building an Environment is the expensive
 * part: build one per blueprint, not per evaluation.
 */
export const declareCelVariables = (fields: readonly CelVariable[]): CelDeclarations => {
  const environment = new Environment();
  const refused: { name: string; reason: string }[] = [];
  for (const field of fields) {
    try {
      environment.registerVariable(field.name, field.type === undefined ? 'dyn' : CEL_TYPE_OF_FIELD[field.type]);
    } catch (error) {
      refused.push({ name: field.name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { environment, refused };
};

const columnOf = (error: ParseError | CelTypeError): string =>
  error.range === undefined ? '' : ` (at column ${error.range.start + 1})`;

const numberLiteralHint = (summary: string): string =>
  /\bdouble\b/.test(summary) && /\bint\b/.test(summary)
    ? '; number and money fields are CEL doubles, so write whole numbers with a decimal point (10.0, not 10)'
    : '';

/**
 * What is wrong with an exit-criteria expression, in cel-js's own words, or undefined when it parses,
 * names only declared fields, type-checks, and yields a boolean.
 */
export const celExpressionProblem = (
  environment: Environment,
  source: string,
  declaredFields: readonly string[],
): string | undefined => {
  const result = environment.check(source);
  if (result.valid) {
    return result.type === 'bool' ? undefined : `must be a condition (true or false), but it yields a ${result.type}`;
  }
  const error = result.error;
  if (error === undefined) return 'is not a valid CEL expression';
  if (error.name === 'ParseError') return `does not parse: ${error.summary}${columnOf(error)}`;
  if (error.code === 'unknown_variable' && error.range !== undefined) {
    const name = source.slice(error.range.start, error.range.end);
    return `names unknown field "${name}"${didYouMean(name, declaredFields)}: ${error.summary}${columnOf(error)}`;
  }
  return `is not valid CEL: ${error.summary}${columnOf(error)}${numberLiteralHint(error.summary)}`;
};

export type ExpressionVerdict = { readonly holds: true } | { readonly holds: false; readonly reason?: string };

/** A CEL expression parsed once and evaluated many times; evaluation never throws. */
export interface CompiledExpression {
  readonly source: string;
  /** The declared fields the expression reads. */
  readonly fields: readonly string[];
  evaluate(values: FieldValues): ExpressionVerdict;
}

const isAstNode = (value: unknown): value is ASTNode =>
  typeof value === 'object' && value !== null && 'op' in value && 'args' in value;

const collectIdentifiers = (value: unknown, into: Set<string>): Set<string> => {
  if (Array.isArray(value)) {
    for (const item of value) collectIdentifiers(item, into);
  } else if (isAstNode(value)) {
    if (value.op === 'id') into.add(value.args);
    else collectIdentifiers(value.args, into);
  }
  return into;
};

const isSet = (value: unknown): boolean => value !== null && value !== undefined;

const describe = (value: unknown): string => (typeof value === 'bigint' ? `${value}` : JSON.stringify(value) ?? String(value));

const summaryOf = (error: unknown): string => {
  if (error instanceof Error) return 'summary' in error && typeof error.summary === 'string' ? error.summary : error.message;
  return String(error);
};

const missingValueReason = (missing: readonly string[]): string =>
  `${missing.join(', ')} ${missing.length === 1 ? 'has' : 'have'} no value`;

/**
 * Parses `source` once. The expression must already have passed `celExpressionProblem`; loading
 * guarantees that for every blueprint.
 */
export const compileCelExpression = (
  environment: Environment,
  source: string,
  declaredFields: ReadonlySet<string>,
): CompiledExpression => {
  const program = environment.parse(source);
  const fields = [...collectIdentifiers(program.ast, new Set())].filter((name) => declaredFields.has(name));
  return {
    source,
    fields,
    evaluate: (values) => {
      // Unset fields are left out of the activation: CEL then reports them as unknown instead of
      // comparing a null, and `a || b` still holds when the set side decides it.
      const activation = Object.fromEntries(
        fields.filter((name) => isSet(fieldValueOf(values, name))).map((name) => [name, fieldValueOf(values, name)]),
      );
      // cel-js throws for an unset field, which is the common case before a stage's fields are filled
      // in; the error's message is all that is read, so no stack trace is captured for it.
      const stackTraceLimit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      try {
        const result: unknown = program(activation);
        if (result === true) return { holds: true };
        return result === false ? { holds: false } : { holds: false, reason: `it yields ${describe(result)}` };
      } catch (error) {
        const missing = fields.filter((name) => !isSet(fieldValueOf(values, name)));
        return { holds: false, reason: missing.length > 0 ? missingValueReason(missing) : summaryOf(error) };
      } finally {
        Error.stackTraceLimit = stackTraceLimit;
      }
    },
  };
};
