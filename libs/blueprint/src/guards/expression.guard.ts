import { defineGuard } from './guard';

/** `when: [amount > 0]`: a CEL expression over the fields must hold; its message says why it matters. */
export const expressionGuard = defineGuard<{ readonly expression: string; readonly message: string }>({
  name: 'expression',
  paramsOf: (transition) => transition.criteria.expressions.map(({ expression, message }) => ({ expression, message })),
  evaluate: ({ expression, message }, facts, context) => {
    const verdict = context.expressionFor(expression).evaluate(facts.fields);
    if (verdict.holds) return [];
    return [{ criterion: 'expression', expression, message: verdict.reason === undefined ? message : `${message} (${verdict.reason})` }];
  },
});
