import type { TransitionDefinition } from '../blueprint.model';

/**
 * Each criterion of a transition as one short phrase (`requires budget`, `when amount > 0`, `role
 * manager`, `owner only`, `task send_proposal`, `supply lossReason`, `approval by Sales manager`): how
 * diffs and diagrams name them, so a change reads as the criterion that came or went.
 */
export const criteriaPhrases = (transition: TransitionDefinition): string[] => {
  const { criteria } = transition;
  return [
    ...criteria.requires.map((field) => `requires ${field}`),
    ...criteria.expressions.map(({ expression, keep }) => `when ${expression}${keep === true ? ' (kept)' : ''}`),
    ...transition.supply.map((field) => `supply ${field}`),
    ...(criteria.roles ?? []).map((role) => `role ${role}`),
    ...(criteria.ownerOnly ? ['owner only'] : []),
    ...(criteria.requiresTasks ?? []).map((task) => `task ${task}`),
    ...(transition.approval?.steps ?? []).map((step) => `approval by ${step.title}${step.when === undefined ? '' : ` when ${step.when}`}`),
  ];
};
