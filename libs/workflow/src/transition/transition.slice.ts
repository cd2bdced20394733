import { checkFieldValues, checkText } from '../record/command-problems';
import { defineRecordSlice } from '../record/record-slice';
import { requireExisting, requireValidFields } from '../record/record-rules';
import { requireNotMerged } from '../lead-dedup/lead-dedup.part';
import { conversionCompleted } from '../conversion/conversion-plan';
import { requirePendingConversion } from '../conversion/conversion-state';
import { fireTransition, transitionRefused } from './fire-transition';
import type { TransitionCommand } from './transition.commands';
import type { TransitionEvent } from './transition.events';
import { withRoleHolders } from './role-holders';

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
        if (command.conversionId !== undefined) checkText(problems, 'conversionId', command.conversionId);
        return problems;
      },
      access: () => ({ action: 'advance' }),
      decide: (command, state, { blueprint, now, timing, references, roleHolders }) => {
        const record = requireExisting(state);
        requireNotMerged(record);
        const converts = blueprint.definition.conversion?.on === command.event;
        // A conversion id names a conversion under way: one that is not is refused before anything else.
        if (converts && command.conversionId !== undefined) requirePendingConversion(record, command.event, command.conversionId);
        const supplied = command.fields ?? {};
        requireValidFields(blueprint, supplied, references);
        const outcome = fireTransition({
          record,
          blueprint,
          event: command.event,
          supplied,
          actor: command.actor,
          reason: command.reason ?? null,
          commandId: command.commandId,
          now,
          timing,
          mayRequestApproval: true,
        });
        if (outcome.kind === 'refused') throw transitionRefused(record, blueprint, command.event, withRoleHolders(outcome.unmet, record, blueprint, command.event, timing, roleHolders));
        // After its criteria, so "what blocks me" names them before the conversion it must go through.
        const converting = converts ? requirePendingConversion(record, command.event, command.conversionId) : null;
        return converting === null ? outcome.events : [...outcome.events, conversionCompleted(record.recordId, converting)];
      },
    },
  },
  events: {
    Transitioned: {
      evolve: (draft, event, context) => {
        draft.stage = event.data.to;
        draft.stageEnteredAt = event.occurredAt;
        draft.stalledSince = null;
        draft.status = context.isFinal(draft.blueprint, draft.stage) ? 'closed' : 'open';
        // The approved request of this very transition has now been used.
        draft.approvals = draft.approvals.map((request) => (request.event === event.data.event && request.status === 'approved' ? { ...request, status: 'completed' } : request));
      },
    },
  },
});
