import type { FieldValues } from './blueprint.model';
import { celExpressionProblem, declareCelVariables, compileCelExpression, type CelVariable } from './cel-expression';

const FIELDS: readonly CelVariable[] = [
  { name: 'amount', type: 'money' },
  { name: 'discount', type: 'number' },
  { name: 'name', type: 'string' },
  { name: 'closeDate', type: 'date' },
  { name: 'lossReason', type: 'enum' },
  { name: 'strategic', type: 'boolean' },
];
const { environment } = declareCelVariables(FIELDS);
const declared = new Set(FIELDS.map((field) => field.name));

const verdictOf = (source: string, values: FieldValues) => compileCelExpression(environment, source, declared).evaluate(values);

describe('CEL exit criteria: evaluation', () => {
  it.each<[string, FieldValues, boolean]>([
    ['amount > 0', { amount: 10 }, true],
    ['amount > 0', { amount: 10.5 }, true],
    ['amount > 0', { amount: 0 }, false],
    ['amount >= 1000.0', { amount: 1000 }, true],
    ['amount > 0 && discount <= 0.2', { amount: 10, discount: 0.2 }, true],
    ['amount > 0 && discount <= 0.2', { amount: 10, discount: 0.25 }, false],
    ['amount * (1.0 - discount) >= 900.0', { amount: 1000, discount: 0.1 }, true],
    ['name.startsWith("Acme")', { name: 'Acme renewal' }, true],
    ['size(name) > 3', { name: 'Ab' }, false],
    ['closeDate >= "2026-01-01"', { closeDate: '2026-03-31' }, true],
    ['lossReason in ["price", "timing"]', { lossReason: 'timing' }, true],
    ['strategic', { strategic: true }, true],
    ['!strategic || amount > 100000.0', { strategic: true, amount: 5000 }, false],
  ])('given %s and %j, when evaluated, then it holds: %s', (source, values, holds) => {
    expect(verdictOf(source, values).holds).toBe(holds);
  });

  it('given a field that is null or unset, when evaluated, then it does not hold and says which field has no value', () => {
    expect(verdictOf('amount > 0', { amount: null })).toEqual({ holds: false, reason: 'amount has no value' });
    expect(verdictOf('amount > 0 && discount <= 0.2', {})).toEqual({ holds: false, reason: 'amount, discount have no value' });
  });

  it('given an unset field on the side of || that does not decide, when evaluated, then the other side decides', () => {
    expect(verdictOf('strategic || amount > 0', { strategic: true })).toEqual({ holds: true });
  });

  it('given a stored value of the wrong type, when evaluated, then it does not hold and cel-js says why', () => {
    const verdict = verdictOf('amount > 0', { amount: '10' });

    expect(verdict.holds).toBe(false);
    expect(verdict).toHaveProperty('reason', expect.stringContaining("Variable 'amount' is not of type 'double'"));
  });

  it('given an expression, when compiled, then it knows the fields it reads', () => {
    const compiled = compileCelExpression(environment, '[1.0, 2.0].exists(x, x < amount) && name != ""', declared);

    expect(compiled.fields).toEqual(['amount', 'name']);
  });
});

describe('CEL exit criteria: checking', () => {
  const problemOf = (source: string) => celExpressionProblem(environment, source, [...declared]);

  it('given a valid condition, when checked, then there is no problem', () => {
    expect(problemOf('amount > 0 && discount <= 0.2')).toBeUndefined();
  });

  it('given CEL that does not parse, when checked, then the parse error and column are reported', () => {
    expect(problemOf('amount > 0 &&')).toBe('does not parse: Unexpected token: EOF (at column 14)');
  });

  it('given CEL naming an unknown field, when checked, then the field is named with a suggestion', () => {
    expect(problemOf('amout > 0')).toBe('names unknown field "amout" (did you mean "amount"?): Unknown variable: amout (at column 1)');
  });

  it('given CEL that is not a condition, when checked, then its type is reported', () => {
    expect(problemOf('name')).toBe('must be a condition (true or false), but it yields a string');
  });
});
