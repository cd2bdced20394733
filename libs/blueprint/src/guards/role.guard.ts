import { defineGuard, listOf } from './guard';

/** `roles: [manager]`: the actor needs one of these roles. */
export const roleGuard = defineGuard<{ readonly roles: readonly string[] }>({
  name: 'role',
  paramsOf: (transition) => (transition.criteria.roles === undefined ? [] : [{ roles: transition.criteria.roles }]),
  evaluate: ({ roles }, facts) =>
    roles.some((role) => facts.actor.roles.includes(role)) ? [] : [{ criterion: 'role', message: `requires the role ${listOf(roles)}` }],
});
