import { checkOwner } from '../record/command-problems';
import { defineRecordSlice } from '../record/record-slice';
import { requireExisting } from '../record/record-rules';
import { tasksFollowingOwner } from '../tasks/entry-tasks';
import type { OwnershipCommand } from './ownership.commands';
import { ownerChangedSchema, type OwnerChanged, type OwnershipEvent } from './ownership.events';
import { timersRestartedForOwner } from '../timers/stage-timers';
import { poolAfterOwnerChanged, teamLeft } from '../lead-pool/lead-pool.part';

/** Who owns a record: reassigning, claiming from the pool. */
export const ownershipSlice = defineRecordSlice<OwnershipCommand, OwnershipEvent>({
  name: 'ownership',
  commands: {
    Reassign: {
      problems: (command) => {
        const problems: string[] = [];
        checkOwner(problems, command.owner, false);
        return problems;
      },
      access: (command) => ({ action: 'reassign', newOwner: command.owner }),
      decide: (command, state, { blueprint, now, timing }) => {
        const record = requireExisting(state);
        if (record.owner === command.owner) return [];
        const changed: OwnerChanged = {
          type: 'OwnerChanged',
          data:
            command.owner === null
              ? { recordId: record.recordId, from: record.owner, to: null, team: teamLeft(record.owner, timing) }
              : { recordId: record.recordId, from: record.owner, to: command.owner },
        };
        return [
          changed,
          ...tasksFollowingOwner(record.recordId, record.tasks, record.owner, command.owner),
          ...(command.owner === null || record.status === 'closed'
            ? []
            : timersRestartedForOwner(record, blueprint, timing.plannerFor(command.owner, now), command.commandId, now)),
        ];
      },
    },
  },
  events: {
    OwnerChanged: {
      schema: ownerChangedSchema,
      evolve: (draft, event) => {
        draft.owner = event.data.to;
        poolAfterOwnerChanged(draft, event);
      },
    },
  },
});
