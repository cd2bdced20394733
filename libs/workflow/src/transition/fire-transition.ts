import { decideTransition, type Actor, type CompiledBlueprint, type FieldValues, type UnmetCriterion } from '@crm/blueprint';
import { approvalFacts, approvalRequested, approvalsInvalidatedByFields, approvalsInvalidatedByLeaving, isLive } from '../approvals/approval-requests';
import { fieldsChanged } from '../core/field-changes';
import type { DecidedRecordEvent } from '../record/record-event';
import { taskFacts } from '../record/record-facts';
import type { ExistingRecord } from '../record/record.state';
import { entryTasksOpened, tasksCancelledOnLeaving } from '../tasks/entry-tasks';
import { timerScheduled, timersCancelledOnLeaving } from '../timers/stage-timers';
import type { Timing } from '../timers/timing';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import type { Transitioned } from './transition.events';

/** One firing of a blueprint event on a record, by a person, a timer or a completed approval chain. */
export interface FireRequest {
  readonly record: ExistingRecord;
  readonly blueprint: CompiledBlueprint;
  readonly event: string;
  readonly supplied: FieldValues;
  readonly actor: Actor;
  readonly reason: string | null;
  readonly commandId: string;
  readonly now: Date;
  readonly timing: Timing;
  /** A person firing may have the refusal turned into an approval request; a timer may not. */
  readonly mayRequestApproval: boolean;
}

export type FireOutcome =
  | { readonly kind: 'fired'; readonly events: DecidedRecordEvent[] }
  | { readonly kind: 'approval_requested'; readonly events: DecidedRecordEvent[] }
  | { readonly kind: 'refused'; readonly unmet: UnmetCriterion[] };

/**
 * Decides a blueprint event with XState and turns what it returns into events: the supplied fields,
 * what they invalidate, leaving the stage (tasks and timers cancelled, other approvals ended), the move,
 * entering the next stage (tasks opened, timers set). A refusal whose only unmet criterion is an approval
 * nobody has been asked for yet becomes a request for that approval instead.
 */
export const fireTransition = (request: FireRequest): FireOutcome => {
  const { record, blueprint, event, supplied, actor, commandId, now } = request;
  const fields = { ...record.fields, ...supplied };
  const invalidated = approvalsInvalidatedByFields(record, record.fields, fields);
  const invalidatedIds = new Set(invalidated.map((invalidation) => invalidation.data.approvalId));
  const liveApprovals = record.approvals.filter((approval) => isLive(approval) && !invalidatedIds.has(approval.approvalId));
  const decision = decideTransition(
    blueprint,
    {
      stage: record.stage,
      fields,
      supplied,
      owner: record.owner,
      actor,
      tasks: taskFacts(record.tasks),
      approvals: approvalFacts(liveApprovals),
      planner: request.timing.plannerFor(record.owner, now),
    },
    event,
  );
  if (decision.kind === 'unknown_event') {
    const available = [...new Set(blueprint.definition.transitions.map((transition) => transition.event))];
    throw new WorkflowException(
      WorkflowExceptionCode.UNKNOWN_EVENT,
      `${blueprint.definition.kind} blueprint has no transition "${event}"; known: ${available.join(', ')}`,
      { event, available },
    );
  }
  const fieldEvents = [...fieldsChanged(record.recordId, record.fields, supplied), ...invalidated];
  if (decision.kind === 'refused') {
    const onlyApproval = decision.unmet.every((unmet) => unmet.criterion === 'approval');
    const notAsked = !liveApprovals.some((approval) => approval.event === event);
    const transition = blueprint.transitionsFrom(record.stage).find((candidate) => candidate.event === event);
    const requested = request.mayRequestApproval && onlyApproval && notAsked && transition !== undefined ? approvalRequested(record, transition, fields, blueprint, actor, commandId) : null;
    return requested === null ? { kind: 'refused', unmet: decision.unmet } : { kind: 'approval_requested', events: [...fieldEvents, requested] };
  }
  const broken = blueprint.brokenInvariants(decision.to, record.fields, fields);
  if (broken.length > 0) return { kind: 'refused', unmet: broken };
  const closing = blueprint.stage(decision.to)?.final === true;
  const moved: Transitioned = { type: 'Transitioned', data: { recordId: record.recordId, event, from: decision.from, to: decision.to, reason: request.reason } };
  return {
    kind: 'fired',
    events: [
      ...fieldEvents,
      ...tasksCancelledOnLeaving(record.recordId, record.tasks, decision.from, closing),
      ...timersCancelledOnLeaving(record, decision.from),
      ...approvalsInvalidatedByLeaving(liveApprovals, record.recordId, event),
      moved,
      ...entryTasksOpened(commandId, record.recordId, decision.to, record.owner, decision.tasks, now),
      ...decision.timersSet.map((set) => timerScheduled(commandId, record.recordId, set, now)),
    ],
  };
};

/** What a person calls the event: its transition's title (from the record's stage first), else its id when the blueprint has no such event. */
export const transitionTitleOf = (blueprint: CompiledBlueprint, stage: string, event: string): string =>
  (blueprint.transitionsFrom(stage).find((transition) => transition.event === event) ?? blueprint.definition.transitions.find((transition) => transition.event === event))?.title ?? event;

/** The refusal of a fired event, named by its title, naming every unmet criterion. */
export const transitionRefused = (record: ExistingRecord, blueprint: CompiledBlueprint, event: string, unmet: readonly UnmetCriterion[]): WorkflowException =>
  new WorkflowException(
    WorkflowExceptionCode.TRANSITION_REFUSED,
    `${transitionTitleOf(blueprint, record.stage, event)} is not possible for ${record.kind} "${record.recordId}": ${unmet.map((criterion) => criterion.message).join('; ')}`,
    { event, stage: record.stage, unmet },
  );
