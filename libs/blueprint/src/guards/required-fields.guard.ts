import { fieldValueOf } from '../blueprint.model';
import { defineGuard, hasValue } from './guard';

/** `requires: [budget, …]`: each field must hold a value once the transition's supplied fields are applied. */
export const requiredFieldsGuard = defineGuard<{ readonly fields: readonly string[] }>({
  name: 'requiredFields',
  paramsOf: (transition) => (transition.criteria.requires.length > 0 ? [{ fields: transition.criteria.requires }] : []),
  evaluate: ({ fields }, facts, context) =>
    fields
      .filter((field) => !hasValue(fieldValueOf(facts.fields, field)))
      .map((field) => ({ criterion: 'required_field', field, message: `${context.label(field)} is required` })),
});
