import { defineGuard } from './guard';

/** `ownerOnly: true`: only the record's owner may fire the transition. */
export const ownerGuard = defineGuard<undefined>({
  name: 'owner',
  paramsOf: (transition) => (transition.criteria.ownerOnly ? [undefined] : []),
  evaluate: (_params, facts) => {
    if (facts.owner !== null && facts.owner === facts.actor.id) return [];
    const message = facts.owner === null ? "only the record's owner may do this, and the record has no owner" : "only the record's owner may do this";
    return [{ criterion: 'owner', message }];
  },
});
