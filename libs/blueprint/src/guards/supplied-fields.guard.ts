import { fieldValueOf } from '../blueprint.model';
import { defineGuard, hasValue } from './guard';

/** `supply: [lossReason]`: each field must come with this very transition (a reason, not an old value). */
export const suppliedFieldsGuard = defineGuard<{ readonly fields: readonly string[] }>({
  name: 'suppliedFields',
  paramsOf: (transition) => (transition.supply.length > 0 ? [{ fields: transition.supply }] : []),
  evaluate: ({ fields }, facts, context) =>
    fields
      .filter((field) => !hasValue(fieldValueOf(facts.supplied, field)))
      .map((field) => ({ criterion: 'supplied_field', field, message: `${context.label(field)} must be supplied with this transition` })),
});
