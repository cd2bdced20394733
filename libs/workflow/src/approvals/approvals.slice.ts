import type { Actor } from '@crm/blueprint';
import { checkText } from '../record/command-problems';
import { defineRecordSlice } from '../record/record-slice';
import { requireExisting } from '../record/record-rules';
import type { ApprovalRequest, ExistingRecord, RecordDraft } from '../record/record.state';
import { fireTransition } from '../transition/fire-transition';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import { actionableSteps, canAct, isComplete } from './approval-requests';
import type { ApprovalCommand } from './approvals.commands';
import type { ApprovalEvent } from './approvals.events';

const requestOf = (record: ExistingRecord, approvalId: string): ApprovalRequest => {
  const request = record.approvals.find((candidate) => candidate.approvalId === approvalId);
  if (request === undefined) {
    throw new WorkflowException(WorkflowExceptionCode.APPROVAL_NOT_FOUND, `${record.kind} "${record.recordId}" has no approval request "${approvalId}"`, {
      kind: record.kind,
      recordId: record.recordId,
      approvalId,
    });
  }
  if (request.status !== 'pending') {
    throw new WorkflowException(WorkflowExceptionCode.APPROVAL_CLOSED, `the approval request for ${request.event} is ${request.status}, not waiting for approvers`, {
      approvalId,
      status: request.status,
    });
  }
  return request;
};

/** The step this actor may decide now; nobody approves their own request, nor a step that is not theirs. */
const stepFor = (request: ApprovalRequest, actor: Actor): number => {
  if (request.requestedBy.id === actor.id) {
    throw new WorkflowException(WorkflowExceptionCode.FORBIDDEN, `${actor.id} requested this approval and may not decide it`, {
      rule: 'approval.not-own-request',
      action: 'approve',
    });
  }
  const actionable = actionableSteps(request);
  const mine = actionable.find(({ step }) => canAct(step, actor));
  if (mine === undefined) {
    throw new WorkflowException(
      WorkflowExceptionCode.FORBIDDEN,
      `the approval of ${request.event} is waiting for ${actionable.map(({ step }) => step.title).join(', ')}, not for ${actor.id}`,
      { rule: 'approval.not-approver', action: 'approve', waitingFor: actionable.map(({ step }) => step.title) },
    );
  }
  return mine.index;
};

const updateRequest = (draft: RecordDraft, approvalId: string, change: (request: ApprovalRequest) => ApprovalRequest): void => {
  const index = draft.approvals.findIndex((request) => request.approvalId === approvalId);
  if (index >= 0) draft.approvals[index] = change(draft.approvals[index]);
};

/**
 * Approval chains: requested when a transition that needs approvers is fired, granted or rejected step
 * by step by the approvers (never the requester), the transition firing as the requester once the chain
 * completes, through the same guards.
 */
export const approvalsSlice = defineRecordSlice<ApprovalCommand, ApprovalEvent>({
  name: 'approvals',
  commands: {
    GrantApproval: {
      problems: (command) => {
        const problems: string[] = [];
        checkText(problems, 'approvalId', command.approvalId);
        if (command.comment !== undefined) checkText(problems, 'comment', command.comment, 2_000);
        return problems;
      },
      access: () => ({ action: 'approve' }),
      decide: (command, state, { blueprint, now, timing }) => {
        const record = requireExisting(state);
        const request = requestOf(record, command.approvalId);
        const step = stepFor(request, command.actor);
        const granted = { type: 'ApprovalGranted' as const, data: { recordId: record.recordId, approvalId: request.approvalId, step, by: command.actor.id, comment: command.comment ?? null } };
        const steps = request.steps.map((candidate, index) => (index === step ? { ...candidate, status: 'granted' as const } : candidate));
        if (!isComplete({ mode: request.mode, steps })) return [granted];
        // The chain is complete: the transition fires as the requester, judged by the same guards.
        const approved: ExistingRecord = {
          ...record,
          approvals: record.approvals.map((candidate) => (candidate.approvalId === request.approvalId ? { ...candidate, steps, status: 'approved' } : candidate)),
        };
        const outcome = fireTransition({
          record: approved,
          blueprint,
          event: request.event,
          supplied: {},
          actor: request.requestedBy,
          reason: null,
          commandId: command.commandId,
          now,
          timing,
          mayRequestApproval: false,
        });
        // Refused now (the record changed in a way no invariant caught): the approval stands for a later try.
        return outcome.kind === 'fired' ? [granted, ...outcome.events] : [granted];
      },
    },
    RejectApproval: {
      problems: (command) => {
        const problems: string[] = [];
        checkText(problems, 'approvalId', command.approvalId);
        checkText(problems, 'reason', command.reason, 2_000);
        return problems;
      },
      access: () => ({ action: 'approve' }),
      decide: (command, state) => {
        const record = requireExisting(state);
        const request = requestOf(record, command.approvalId);
        const step = stepFor(request, command.actor);
        return [{ type: 'ApprovalRejected', data: { recordId: record.recordId, approvalId: request.approvalId, step, by: command.actor.id, reason: command.reason } }];
      },
    },
  },
  events: {
    ApprovalRequested: {
      evolve: (draft, event) => {
        const { approvalId, event: transition, requestedBy, mode, steps, watches } = event.data;
        draft.approvals.push({
          approvalId,
          event: transition,
          status: 'pending',
          requestedBy,
          requestedAt: event.occurredAt,
          mode,
          steps: steps.map((step) => ({ ...step, status: 'waiting', by: null, at: null, comment: null })),
          watches,
          reason: null,
        });
      },
    },
    ApprovalGranted: {
      evolve: (draft, event) =>
        updateRequest(draft, event.data.approvalId, (request) => {
          const steps = request.steps.map((step, index) =>
            index === event.data.step ? { ...step, status: 'granted' as const, by: event.data.by, at: event.occurredAt, comment: event.data.comment } : step,
          );
          return { ...request, steps, status: isComplete({ mode: request.mode, steps }) ? 'approved' : 'pending' };
        }),
    },
    ApprovalRejected: {
      evolve: (draft, event) =>
        updateRequest(draft, event.data.approvalId, (request) => ({
          ...request,
          status: 'rejected',
          reason: event.data.reason,
          steps: request.steps.map((step, index) =>
            index === event.data.step ? { ...step, status: 'rejected' as const, by: event.data.by, at: event.occurredAt, comment: event.data.reason } : step,
          ),
        })),
    },
    ApprovalInvalidated: {
      evolve: (draft, event) =>
        updateRequest(draft, event.data.approvalId, (request) => ({
          ...request,
          status: 'invalidated',
          reason: event.data.reason === 'fields_changed' ? `changed: ${event.data.fields.join(', ')}` : 'the record left the stage',
        })),
    },
  },
});
