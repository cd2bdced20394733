import type { FieldValue, FieldValues } from '@crm/blueprint';
import { deriveId } from '@crm/command-handler';
import { approvalsInvalidatedByFields } from '../approvals/approval-requests';
import { coreSlice } from '../core/core.slice';
import { fieldsChanged } from '../core/field-changes';
import { checkFieldValues, checkOwner, checkText, isPlainObject } from '../record/command-problems';
import type { RecordCommandBase } from '../record/record-command';
import type { DecidedRecordEvent } from '../record/record-event';
import { defineRecordSlice, type DecideContext } from '../record/record-slice';
import { requireExisting, requireOpen, requireValidFields, withoutNulls } from '../record/record-rules';
import type { ExistingRecord, RecordState } from '../record/record.state';
import { entryTasksOpened } from '../tasks/entry-tasks';
import { timersFollowingDates, timersRestartedForOwner } from '../timers/stage-timers';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import type { LeadDedupCommand } from './lead-dedup.commands';
import type { LeadDedupEvent, LeadMerged } from './lead-dedup.events';
import { leadDedupPart, requireNotMerged } from './lead-dedup.part';

/** The record kind dedup merges (README, Intake and dedup). */
export const LEAD_KIND = 'lead';

/** The task a near match opens on the new lead. */
export const REVIEW_DUPLICATE_TASK = 'review_duplicate';

const UTM_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'];

const checkLeadKind = (problems: string[], kind: unknown): void => {
  if (kind !== LEAD_KIND) problems.push(`kind: only leads are captured, merged and split, not ${typeof kind === 'string' ? kind : 'this'}`);
};

const checkCapture = (problems: string[], capture: unknown): void => {
  if (!isPlainObject(capture)) {
    problems.push('capture: expected { source, externalId, campaign, utm }');
    return;
  }
  checkText(problems, 'capture.source', capture['source'], 40);
  checkText(problems, 'capture.externalId', capture['externalId'], 200);
  if (capture['campaign'] !== null) checkText(problems, 'capture.campaign', capture['campaign'], 200);
  const utm = capture['utm'];
  if (!isPlainObject(utm)) problems.push('capture.utm: expected an object of UTM tags');
  else {
    for (const [name, value] of Object.entries(utm)) {
      if (!UTM_KEYS.includes(name)) problems.push(`capture.utm.${name}: unknown tag; known tags: ${UTM_KEYS.join(', ')}`);
      else checkText(problems, `capture.utm.${name}`, value, 200);
    }
  }
};

const checkFound = (problems: string[], found: unknown): void => {
  if (found === undefined) return;
  if (!isPlainObject(found)) {
    problems.push('found: expected { match?, review? }');
    return;
  }
  const match = found['match'];
  if (match !== undefined && (!isPlainObject(match) || typeof match['rule'] !== 'string' || typeof match['score'] !== 'number')) problems.push('found.match: expected { rule, score }');
  const review = found['review'];
  if (review !== undefined && (!isPlainObject(review) || typeof review['rule'] !== 'string' || typeof review['score'] !== 'number' || typeof review['recordId'] !== 'string')) {
    problems.push('found.review: expected { rule, score, recordId }');
  }
};

const isBlank = (value: FieldValue | undefined): boolean => value === undefined || value === null || value === '';

/** The incoming values of fields the lead lacks: a merge fills gaps, it never overwrites. */
const gapsFilledBy = (record: ExistingRecord, incoming: FieldValues): Record<string, FieldValue> =>
  record.status === 'closed'
    ? {}
    : Object.fromEntries(Object.entries(withoutNulls(incoming)).filter(([name]) => isBlank(record.fields[name])));

/** LeadMerged, and the fields it fills with what follows a field change (approvals, dated timers). */
const mergeEvents = (record: ExistingRecord, merged: Omit<LeadMerged['data'], 'recordId' | 'filled'>, context: DecideContext, commandId: string): DecidedRecordEvent[] => {
  const filled = gapsFilledBy(record, merged.payload);
  const after = { ...record.fields, ...filled };
  const event: LeadMerged = { type: 'LeadMerged', data: { recordId: record.recordId, ...merged, filled } };
  return [
    event,
    ...fieldsChanged(record.recordId, record.fields, filled),
    ...approvalsInvalidatedByFields(record, record.fields, after),
    ...timersFollowingDates(record, context.blueprint, after, context.timing.plannerFor(record.owner, context.now), commandId, context.now),
  ];
};

const openingEvents = (command: RecordCommandBase & { readonly fields?: FieldValues; readonly owner?: string | null }, state: RecordState, context: DecideContext): DecidedRecordEvent[] =>
  coreSlice.commands['OpenRecord'].decide(
    { type: 'OpenRecord', kind: command.kind, recordId: command.recordId, commandId: command.commandId, actor: command.actor, fields: command.fields, owner: command.owner } as RecordCommandBase,
    state,
    context,
  );

/** Intake, manual merges and splits of leads (README, Intake and dedup). */
export const leadDedupSlice = defineRecordSlice<LeadDedupCommand, LeadDedupEvent>({
  name: 'lead-dedup',
  commands: {
    CaptureLead: {
      // It opens the lead when the dedup rules found none to merge into.
      opensRecord: true,
      facts: ['found'],
      problems: (command) => {
        const problems: string[] = [];
        checkLeadKind(problems, command.kind);
        checkFieldValues(problems, 'fields', command.fields, false);
        checkCapture(problems, command.capture);
        checkFound(problems, command.found);
        return problems;
      },
      // Opening an unowned lead when it is new; changing it (filling gaps) when it is kept already.
      access: (command, state) => (state.status === 'none' ? { action: 'open', record: { kind: command.kind, owner: null }, newOwner: null } : { action: 'update' }),
      decide: (command, state, context) => {
        requireValidFields(context.blueprint, command.fields, context.references);
        const { capture, found } = command;
        if (state.status === 'none') {
          const review = found?.review;
          return [
            ...openingEvents({ ...command, owner: null }, state, context),
            { type: 'LeadCaptured', data: { recordId: command.recordId, ...capture } },
            ...(review === undefined
              ? []
              : entryTasksOpened(
                  command.commandId,
                  command.recordId,
                  context.blueprint.definition.initialStage,
                  null,
                  [{ id: REVIEW_DUPLICATE_TASK, title: `Review: this lead may be lead ${review.recordId} (rule ${review.rule}, similarity ${review.score})`, dueInDays: 2, keepOpen: true }],
                  context.now,
                )),
          ];
        }
        requireNotMerged(state);
        const match = found?.match;
        return mergeEvents(
          state,
          {
            mergeId: deriveId(command.commandId, 'merge'),
            rule: match?.rule ?? 'same-lead',
            score: match?.score ?? 1,
            mergedLead: null,
            capture,
            payload: command.fields,
            by: command.actor.id,
            reason: null,
          },
          context,
          command.commandId,
        );
      },
    },
    MergeLead: {
      problems: (command) => {
        const problems: string[] = [];
        checkLeadKind(problems, command.kind);
        checkText(problems, 'mergedLead', command.mergedLead, 128);
        checkText(problems, 'mergeId', command.mergeId);
        checkFieldValues(problems, 'payload', command.payload, false);
        if (command.reason !== undefined) checkText(problems, 'reason', command.reason, 2_000);
        return problems;
      },
      access: () => ({ action: 'update' }),
      decide: (command, state, context) => {
        const record = requireExisting(state);
        if (leadDedupPart.read(record).merges.some((merge) => merge.mergeId === command.mergeId)) return [];
        requireNotMerged(record);
        return mergeEvents(
          record,
          { mergeId: command.mergeId, rule: 'manual', score: 1, mergedLead: command.mergedLead, capture: null, payload: command.payload, by: command.actor.id, reason: command.reason ?? null },
          context,
          command.commandId,
        );
      },
    },
    MarkLeadMerged: {
      problems: (command) => {
        const problems: string[] = [];
        checkLeadKind(problems, command.kind);
        checkText(problems, 'into', command.into, 128);
        checkText(problems, 'mergeId', command.mergeId);
        if (command.reason !== undefined) checkText(problems, 'reason', command.reason, 2_000);
        return problems;
      },
      access: () => ({ action: 'update' }),
      decide: (command, state) => {
        const record = requireExisting(state);
        if (leadDedupPart.read(record).mergedInto?.mergeId === command.mergeId) return [];
        requireNotMerged(record);
        requireOpen(record);
        // Closed as merged: nothing is left to do on it, and no clock runs for it.
        return [
          { type: 'LeadMergedAway', data: { recordId: record.recordId, into: command.into, mergeId: command.mergeId, by: command.actor.id, reason: command.reason ?? null } },
          ...record.tasks
            .filter((task) => task.status === 'open')
            .map((task) => ({ type: 'TaskCancelled', data: { recordId: record.recordId, taskId: task.taskId, reason: 'record_closed' } })),
          ...record.timers.map((timer) => ({ type: 'TimerCancelled', data: { recordId: record.recordId, timerId: timer.timerId, reason: 'record_closed' } })),
        ];
      },
    },
    SplitLead: {
      problems: (command) => {
        const problems: string[] = [];
        checkLeadKind(problems, command.kind);
        checkText(problems, 'mergedLead', command.mergedLead, 128);
        return problems;
      },
      access: () => ({ action: 'update' }),
      decide: (command, state) => {
        const record = requireExisting(state);
        const merges = leadDedupPart.read(record).merges.filter((merge) => merge.mergedLead === command.mergedLead);
        const merge = merges[merges.length - 1];
        if (merge === undefined) {
          throw new WorkflowException(WorkflowExceptionCode.MERGE_NOT_FOUND, `lead "${command.mergedLead}" was never merged into lead "${record.recordId}"`, {
            recordId: record.recordId,
            mergedLead: command.mergedLead,
          });
        }
        if (merge.split) return [];
        // Only what the merge filled and nobody changed since goes back; a later edit is someone's choice.
        const cleared = record.status === 'closed' ? [] : Object.entries(merge.filled).filter(([name, value]) => record.fields[name] === value).map(([name]) => name);
        return [
          { type: 'LeadSplit', data: { recordId: record.recordId, mergeId: merge.mergeId, mergedLead: command.mergedLead, cleared, by: command.actor.id } },
          ...fieldsChanged(record.recordId, record.fields, Object.fromEntries(cleared.map((name) => [name, null]))),
        ];
      },
    },
    RestoreMergedLead: {
      problems: (command) => {
        const problems: string[] = [];
        checkLeadKind(problems, command.kind);
        checkText(problems, 'from', command.from, 128);
        return problems;
      },
      access: () => ({ action: 'update' }),
      decide: (command, state, { blueprint, now, timing }) => {
        const record = requireExisting(state);
        const merged = leadDedupPart.read(record).mergedInto;
        if (merged === null) return [];
        if (merged.recordId !== command.from) {
          throw new WorkflowException(WorkflowExceptionCode.MERGE_NOT_FOUND, `lead "${record.recordId}" is merged into lead "${merged.recordId}", not "${command.from}"`, {
            recordId: record.recordId,
            mergedLead: record.recordId,
          });
        }
        const restored = { ...record, status: 'open' as const };
        return [
          { type: 'LeadRestored', data: { recordId: record.recordId, from: command.from, mergeId: merged.mergeId, by: command.actor.id } },
          // Its owner's clocks start afresh, as for a lead claimed from the pool.
          ...timersRestartedForOwner(restored, blueprint, timing.plannerFor(record.owner, now), command.commandId, now),
        ];
      },
    },
    OpenDuplicateLead: {
      opensRecord: true,
      derivesRecordId: true,
      problems: (command) => {
        const problems: string[] = [];
        checkLeadKind(problems, command.kind);
        checkFieldValues(problems, 'fields', command.fields, true);
        checkOwner(problems, command.owner, true);
        if (!isPlainObject(command.duplicate)) problems.push('duplicate: expected { reason, rules }');
        else {
          checkText(problems, 'duplicate.reason', command.duplicate.reason, 2_000);
          if (!Array.isArray(command.duplicate.rules) || command.duplicate.rules.some((rule) => typeof rule !== 'string')) problems.push('duplicate.rules: expected a list of rule ids');
        }
        return problems;
      },
      access: (command) => {
        const owner = command.owner === undefined ? command.actor.id : command.owner;
        return { action: 'open', record: { kind: command.kind, owner }, newOwner: owner };
      },
      decide: (command, state, context) => {
        const opened = openingEvents(command, state, context);
        const recordId = String(opened[0].data.recordId);
        return [...opened, { type: 'DuplicateLeadAllowed', data: { recordId, reason: command.duplicate.reason, rules: [...command.duplicate.rules], by: command.actor.id } }];
      },
    },
  },
  events: {
    LeadCaptured: {
      evolve: (draft, event) => {
        const { recordId: _recordId, ...capture } = event.data;
        const before = leadDedupPart.read(draft);
        leadDedupPart.write(draft, { ...before, captures: [...before.captures, { ...capture, at: event.occurredAt }] });
      },
    },
    LeadMerged: {
      evolve: (draft, event) => {
        const before = leadDedupPart.read(draft);
        const { mergeId, rule, mergedLead, filled, capture } = event.data;
        leadDedupPart.write(draft, {
          ...before,
          merges: [...before.merges, { mergeId, rule, mergedLead, filled, at: event.occurredAt, split: false }],
          captures: capture === null ? before.captures : [...before.captures, { ...capture, at: event.occurredAt }],
        });
      },
    },
    LeadMergedAway: {
      evolve: (draft, event) => {
        draft.status = 'closed';
        leadDedupPart.write(draft, { ...leadDedupPart.read(draft), mergedInto: { recordId: event.data.into, mergeId: event.data.mergeId } });
      },
    },
    LeadSplit: {
      evolve: (draft, event) => {
        const before = leadDedupPart.read(draft);
        leadDedupPart.write(draft, { ...before, merges: before.merges.map((merge) => (merge.mergeId === event.data.mergeId ? { ...merge, split: true } : merge)) });
      },
    },
    LeadRestored: {
      evolve: (draft, _event, context) => {
        draft.status = context.isFinal(draft.blueprint, draft.stage) ? 'closed' : 'open';
        leadDedupPart.write(draft, { ...leadDedupPart.read(draft), mergedInto: null });
      },
    },
    DuplicateLeadAllowed: {
      // The audit trail is the event itself; the record's state does not change.
      evolve: () => undefined,
    },
  },
});
