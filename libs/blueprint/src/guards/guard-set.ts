import type { TransitionDefinition } from '../blueprint.model';
import type { CriteriaFacts, CriterionFailure, GuardContext, GuardDefinition, GuardRef } from './guard';

/** The guards of one compiled blueprint, bound to its labels and parsed expressions. */
export interface GuardSet {
  readonly names: readonly string[];
  /** The named guards of one transition, in the order its unmet criteria are reported. */
  refsOf(transition: TransitionDefinition): readonly GuardRef[];
  /** Judges one guard reference; a reference to a guard not in the set is a bug in the compiler. */
  evaluate(ref: GuardRef, facts: CriteriaFacts): CriterionFailure[];
}

export const bindGuards = (guards: readonly GuardDefinition<unknown>[], context: GuardContext): GuardSet => {
  const byName = new Map<string, GuardDefinition<unknown>>();
  for (const guard of guards) {
    if (byName.has(guard.name)) throw new Error(`two guards are named "${guard.name}"`);
    byName.set(guard.name, guard);
  }
  // A transition's guards are fixed once it is compiled: found once, not on every judgement (what-if judges thousands).
  const refsByTransition = new WeakMap<TransitionDefinition, readonly GuardRef[]>();
  return {
    names: [...byName.keys()],
    refsOf: (transition) => {
      const known = refsByTransition.get(transition);
      if (known !== undefined) return known;
      const refs = guards.flatMap((guard) => guard.paramsOf(transition).map((params) => ({ type: guard.name, params })));
      refsByTransition.set(transition, refs);
      return refs;
    },
    evaluate: (ref, facts) => {
      const guard = byName.get(ref.type);
      if (guard === undefined) throw new Error(`no guard "${ref.type}" in this blueprint's guard set`);
      return guard.evaluate(ref.params, facts, context);
    },
  };
};
