import { neededSteps, type Actor, type ApprovalFact, type ApprovalStep, type CompiledBlueprint, type FieldValues, type TransitionDefinition } from '@crm/blueprint';
import { deriveId } from '@crm/command-handler';
import type { ApprovalRequest, ApprovalStepState, ExistingRecord } from '../record/record.state';
import type { ApprovalInvalidated, ApprovalRequested } from './approvals.events';

/** Requests that still count: waiting for approvers, or approved and not yet used. */
export const isLive = (request: ApprovalRequest): boolean => request.status === 'pending' || request.status === 'approved';

/** The steps that may act next: the first waiting one in a sequence, every waiting one otherwise. */
export const actionableSteps = (request: ApprovalRequest): { readonly index: number; readonly step: ApprovalStepState }[] => {
  const waiting = request.steps.map((step, index) => ({ index, step })).filter(({ step }) => step.status === 'waiting');
  return request.mode === 'sequential' ? waiting.slice(0, 1) : waiting;
};

/** Whether the granted steps complete the chain. */
export const isComplete = (request: Pick<ApprovalRequest, 'mode' | 'steps'>): boolean =>
  request.mode === 'any' ? request.steps.some((step) => step.status === 'granted') : request.steps.every((step) => step.status === 'granted');

export const canAct = (step: Pick<ApprovalStep, 'role' | 'user'>, actor: Actor): boolean =>
  step.user !== undefined ? step.user === actor.id : step.role !== undefined && actor.roles.includes(step.role);

/** The record's live requests as the approval guard sees them. */
export const approvalFacts = (requests: readonly ApprovalRequest[]): ApprovalFact[] =>
  requests.filter(isLive).map((request) => ({
    event: request.event,
    status: request.status === 'approved' ? 'approved' : 'pending',
    waitingFor: actionableSteps(request).map(({ step }) => step.title),
  }));

/** Fields any condition of the chain reads. */
const watchedFields = (transition: TransitionDefinition, blueprint: CompiledBlueprint): string[] => [
  ...new Set((transition.approval?.steps ?? []).flatMap((step) => (step.when === undefined ? [] : blueprint.expressionFor(step.when).fields))),
];

/** A request for the steps these fields make necessary, with an id derived from the command. */
export const approvalRequested = (
  record: ExistingRecord,
  transition: TransitionDefinition,
  fields: FieldValues,
  blueprint: CompiledBlueprint,
  actor: Actor,
  commandId: string,
): ApprovalRequested | null => {
  if (transition.approval === undefined) return null;
  const steps = neededSteps(transition.approval, fields, blueprint);
  if (steps.length === 0) return null;
  return {
    type: 'ApprovalRequested',
    data: {
      recordId: record.recordId,
      approvalId: deriveId(commandId, `approval:${transition.event}`),
      event: transition.event,
      requestedBy: { id: actor.id, roles: [...actor.roles] },
      mode: transition.approval.mode,
      steps: steps.map(({ title, role, user }) => ({ title, ...(role === undefined ? {} : { role }), ...(user === undefined ? {} : { user }) })),
      watches: watchedFields(transition, blueprint),
    },
  };
};

/** Live requests whose conditions read a field that changes: what was approved is no longer what is asked. */
export const approvalsInvalidatedByFields = (record: ExistingRecord, before: FieldValues, after: FieldValues): ApprovalInvalidated[] =>
  record.approvals.filter(isLive).flatMap((request) => {
    const fields = request.watches.filter((field) => (before[field] ?? null) !== (after[field] ?? null));
    return fields.length === 0 ? [] : [{ type: 'ApprovalInvalidated' as const, data: { recordId: record.recordId, approvalId: request.approvalId, reason: 'fields_changed' as const, fields } }];
  });

/** Leaving a stage ends the live requests of its other transitions. */
export const approvalsInvalidatedByLeaving = (requests: readonly ApprovalRequest[], recordId: string, fired: string): ApprovalInvalidated[] =>
  requests
    .filter((request) => isLive(request) && !(request.event === fired && request.status === 'approved'))
    .map((request) => ({ type: 'ApprovalInvalidated', data: { recordId, approvalId: request.approvalId, reason: 'stage_left', fields: [] } }));
