import type { Actor, CompiledBlueprint, UnmetCriterion } from '@crm/blueprint';
import { approvalFacts } from '../approvals/approval-requests';
import { taskFacts } from './record-facts';
import type { ExistingRecord } from './record.state';

export interface NextStep {
  readonly event: string;
  readonly title: string;
  readonly to: string;
  readonly allowed: boolean;
  readonly unmet: readonly UnmetCriterion[];
}

/** Every transition the record could take next, for this actor, with what still blocks each one. */
export const explainRecord = (state: ExistingRecord, blueprint: CompiledBlueprint, actor: Actor): NextStep[] =>
  blueprint.explain({
    stage: state.stage,
    fields: state.fields,
    owner: state.owner,
    actor,
    tasks: taskFacts(state.tasks),
    approvals: approvalFacts(state.approvals),
  });
