import { decideTransition } from '@crm/blueprint';
import { fieldsChanged } from '../core/field-changes';
import { checkFieldValues, checkText } from '../record/command-problems';
import { defineRecordSlice } from '../record/record-slice';
import { requireExisting, requireValidFields } from '../record/record-rules';
import { entryTasksOpened } from '../tasks/entry-tasks';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import type { TransitionCommand } from './transition.commands';
import type { TransitionEvent } from './transition.events';

/** Moving a record between stages through the blueprint's guarded transitions. */
export const transitionSlice = defineRecordSlice<TransitionCommand, TransitionEvent>({
  name: 'transition',
  commands: {
    FireTransition: {
      problems: (command) => {
        const problems: string[] = [];
        checkText(problems, 'event', command.event);
        checkFieldValues(problems, 'fields', command.fields, true);
        if (command.reason !== undefined) checkText(problems, 'reason', command.reason, 2_000);
        return problems;
      },
      access: () => ({ action: 'advance' }),
      decide: (command, state, { blueprint, now }) => {
        const record = requireExisting(state);
        const supplied = command.fields ?? {};
        requireValidFields(blueprint, supplied);
        const fields = { ...record.fields, ...supplied };
        const decision = decideTransition(blueprint, { stage: record.stage, fields, supplied, owner: record.owner, actor: command.actor }, command.event);
        switch (decision.kind) {
          case 'unknown_event': {
            const available = [...new Set(blueprint.definition.transitions.map((transition) => transition.event))];
            throw new WorkflowException(
              WorkflowExceptionCode.UNKNOWN_EVENT,
              `${blueprint.definition.kind} blueprint has no transition "${command.event}"; known: ${available.join(', ')}`,
              { event: command.event, available },
            );
          }
          case 'refused':
            throw new WorkflowException(
              WorkflowExceptionCode.TRANSITION_REFUSED,
              `cannot ${command.event} ${record.kind} "${record.recordId}": ${decision.unmet.map((unmet) => unmet.message).join('; ')}`,
              { event: command.event, stage: record.stage, unmet: decision.unmet },
            );
          case 'transitioned': {
            const broken = blueprint.brokenInvariants(decision.to, record.fields, fields);
            if (broken.length > 0) {
              throw new WorkflowException(
                WorkflowExceptionCode.TRANSITION_REFUSED,
                `cannot ${command.event} ${record.kind} "${record.recordId}": ${broken.map((unmet) => unmet.message).join('; ')}`,
                { event: command.event, stage: record.stage, unmet: broken },
              );
            }
            return [
              ...fieldsChanged(record.recordId, record.fields, supplied),
              {
                type: 'Transitioned',
                data: { recordId: record.recordId, event: command.event, from: decision.from, to: decision.to, reason: command.reason ?? null },
              },
              ...entryTasksOpened(command.commandId, record.recordId, decision.to, record.owner, decision.tasks, now),
            ];
          }
        }
      },
    },
  },
  events: {
    Transitioned: {
      evolve: (draft, event, context) => {
        draft.stage = event.data.to;
        draft.stageEnteredAt = event.occurredAt;
        draft.status = context.isFinal(draft.blueprint, draft.stage) ? 'closed' : 'open';
      },
    },
  },
});
