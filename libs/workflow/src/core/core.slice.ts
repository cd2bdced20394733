import { recordIdFor } from '../record/record-ids';
import { checkFieldValues, checkOwner } from '../record/command-problems';
import { defineRecordSlice, type CommandHandling } from '../record/record-slice';
import { requireExisting, requireInvariantsKept, requireNew, requireOpen, requireValidFields, withoutNulls } from '../record/record-rules';
import { enterInitialStage } from '@crm/blueprint';
import { approvalsInvalidatedByFields } from '../approvals/approval-requests';
import { entryTasksOpened } from '../tasks/entry-tasks';
import { timerScheduled, timersFollowingDates } from '../timers/stage-timers';
import type { CoreCommand, OpenRecord } from './core.commands';
import type { CoreEvent } from './core.events';
import { fieldsChanged } from './field-changes';

/** Opening a record: also the first step of commands that open one with more (an order with its lines). */
export const openRecordHandling: CommandHandling<OpenRecord> = {
  opensRecord: true,
  derivesRecordId: true,
  problems: (command) => {
    const problems: string[] = [];
    checkFieldValues(problems, 'fields', command.fields, true);
    checkOwner(problems, command.owner, true);
    return problems;
  },
  access: (command) => {
    const owner = command.owner === undefined ? command.actor.id : command.owner;
    return { action: 'open', record: { kind: command.kind, owner }, newOwner: owner };
  },
  decide: (command, state, { blueprint, now, timing, references }) => {
    requireNew(state);
    const fields = command.fields ?? {};
    requireValidFields(blueprint, fields, references);
    const recordId = command.recordId ?? recordIdFor(command.commandId);
    const owner = command.owner === undefined ? command.actor.id : command.owner;
    const stage = blueprint.definition.initialStage;
    const entered = enterInitialStage(blueprint, { fields: withoutNulls(fields), owner, actor: command.actor, planner: timing.plannerFor(owner, now) });
    return [
      {
        type: 'RecordOpened',
        data: { recordId, kind: blueprint.definition.kind, blueprint: blueprint.ref, stage, owner, fields: withoutNulls(fields) },
      },
      ...entryTasksOpened(command.commandId, recordId, stage, owner, entered.tasks, now),
      ...entered.timersSet.map((set) => timerScheduled(command.commandId, recordId, set, now)),
    ];
  },
};

/** Opening a record and changing its fields. */
export const coreSlice = defineRecordSlice<CoreCommand, CoreEvent>({
  name: 'core',
  commands: {
    OpenRecord: openRecordHandling,
    UpdateFields: {
      problems: (command) => {
        const problems: string[] = [];
        checkFieldValues(problems, 'fields', command.fields, false);
        return problems;
      },
      access: () => ({ action: 'update' }),
      decide: (command, state, { blueprint, now, timing, references }) => {
        const record = requireExisting(state);
        requireValidFields(blueprint, command.fields, references);
        requireOpen(record);
        const after = { ...record.fields, ...command.fields };
        requireInvariantsKept(blueprint, record, record.stage, after);
        const changes = fieldsChanged(record.recordId, record.fields, command.fields);
        if (changes.length === 0) return [];
        return [
          ...changes,
          ...approvalsInvalidatedByFields(record, record.fields, after),
          ...timersFollowingDates(record, blueprint, after, timing.plannerFor(record.owner, now), command.commandId, now),
        ];
      },
    },
  },
  events: {
    RecordOpened: {
      opens: (_record, event, context) => ({
        status: context.isFinal(event.data.blueprint, event.data.stage) ? 'closed' : 'open',
        kind: event.data.kind,
        recordId: event.data.recordId,
        blueprint: event.data.blueprint,
        stage: event.data.stage,
        owner: event.data.owner,
        fields: { ...withoutNulls(event.data.fields) },
        tasks: [],
        timers: [],
        approvals: [],
        stalledSince: null,
        revision: event.revision,
        stageEnteredAt: event.occurredAt,
        openedAt: event.occurredAt,
        updatedAt: event.occurredAt,
        parts: new Map(),
      }),
    },
    FieldsChanged: {
      evolve: (draft, event) => {
        for (const [name, change] of Object.entries(event.data.changes)) {
          if (change.to === null) delete draft.fields[name];
          else draft.fields[name] = change.to;
        }
      },
    },
  },
});
