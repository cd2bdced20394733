import { fieldValueOf } from '../../blueprint.model';
import { defineGuard } from '../../guards/guard';

/**
 * A guard added in one file, to prove the seam: on every transition into a stage named `closed_won`, the
 * deal's decision maker must not be the acting user (a rep cannot sign off their own purchase). Its
 * name, parameters, judgement and explanation live here and nowhere else.
 */
export const noSelfDealingGuard = defineGuard<{ readonly field: string }>({
  name: 'noSelfDealing',
  paramsOf: (transition) => (transition.to === 'closed_won' ? [{ field: 'decisionMaker' }] : []),
  evaluate: ({ field }, facts, context) =>
    fieldValueOf(facts.fields, field) === facts.actor.id
      ? [{ criterion: 'no_self_dealing', field, message: `${context.label(field)} must be someone other than the acting user` }]
      : [],
});
