import { recordIdFor } from '../record/record-ids';
import { checkFieldValues, checkOwner } from '../record/command-problems';
import { defineRecordSlice } from '../record/record-slice';
import { requireExisting, requireInvariantsKept, requireNew, requireOpen, requireValidFields, withoutNulls } from '../record/record-rules';
import { entryTasksOpened } from '../tasks/entry-tasks';
import type { CoreCommand } from './core.commands';
import type { CoreEvent } from './core.events';
import { fieldsChanged } from './field-changes';

/** Opening a record and changing its fields. */
export const coreSlice = defineRecordSlice<CoreCommand, CoreEvent>({
  name: 'core',
  commands: {
    OpenRecord: {
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
      decide: (command, state, { blueprint, now }) => {
        requireNew(state);
        const fields = command.fields ?? {};
        requireValidFields(blueprint, fields);
        const recordId = command.recordId ?? recordIdFor(command.commandId);
        const owner = command.owner === undefined ? command.actor.id : command.owner;
        const stage = blueprint.definition.initialStage;
        return [
          {
            type: 'RecordOpened',
            data: { recordId, kind: blueprint.definition.kind, blueprint: blueprint.ref, stage, owner, fields: withoutNulls(fields) },
          },
          ...entryTasksOpened(command.commandId, recordId, stage, owner, blueprint.stage(stage)?.entryTasks ?? [], now),
        ];
      },
    },
    UpdateFields: {
      problems: (command) => {
        const problems: string[] = [];
        checkFieldValues(problems, 'fields', command.fields, false);
        return problems;
      },
      access: () => ({ action: 'update' }),
      decide: (command, state, { blueprint }) => {
        const record = requireExisting(state);
        requireValidFields(blueprint, command.fields);
        requireOpen(record);
        requireInvariantsKept(blueprint, record, record.stage, { ...record.fields, ...command.fields });
        return fieldsChanged(record.recordId, record.fields, command.fields);
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
