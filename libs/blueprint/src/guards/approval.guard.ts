import type { ApprovalDefinition, ApprovalStep, FieldValues } from '../blueprint.model';
import { defineGuard, listOf, type GuardContext } from './guard';

/** The steps of a chain that these field values make necessary (a step without condition always is). */
export const neededSteps = (approval: ApprovalDefinition, fields: FieldValues, context: Pick<GuardContext, 'expressionFor'>): ApprovalStep[] =>
  approval.steps.filter((step) => step.when === undefined || context.expressionFor(step.when).evaluate(fields).holds);

const chainText = (approval: ApprovalDefinition, steps: readonly ApprovalStep[]): string => {
  const titles = steps.map((step) => step.title);
  if (approval.mode === 'any') return listOf(titles);
  return approval.mode === 'sequential' ? titles.join(', then ') : titles.join(' and ');
};

/**
 * `approval: { steps: … }`: the transition happens only once the approvers its fields make necessary
 * have approved it. Not judged as unmet when no step is needed. What blocks names who is waited for.
 */
export const approvalGuard = defineGuard<{ readonly event: string; readonly approval: ApprovalDefinition }>({
  name: 'approval',
  paramsOf: (transition) => (transition.approval === undefined ? [] : [{ event: transition.event, approval: transition.approval }]),
  evaluate: ({ event, approval }, facts, context) => {
    const needed = neededSteps(approval, facts.fields, context);
    if (needed.length === 0) return [];
    const request = facts.approvals.find((candidate) => candidate.event === event);
    if (request?.status === 'approved') return [];
    if (request?.status === 'pending') {
      return [{ criterion: 'approval', approvers: request.waitingFor, message: `waiting for approval by ${listOf(request.waitingFor)}` }];
    }
    return [{ criterion: 'approval', approvers: needed.map((step) => step.title), message: `needs approval by ${chainText(approval, needed)}` }];
  },
});
