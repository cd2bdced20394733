import { checkOwner } from '../record/command-problems';
import { defineRecordSlice } from '../record/record-slice';
import { requireExisting } from '../record/record-rules';
import type { OwnershipCommand } from './ownership.commands';
import type { OwnershipEvent } from './ownership.events';

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
      decide: (command, state) => {
        const record = requireExisting(state);
        return record.owner === command.owner
          ? []
          : [{ type: 'OwnerChanged', data: { recordId: record.recordId, from: record.owner, to: command.owner } }];
      },
    },
  },
  events: {
    OwnerChanged: {
      evolve: (draft, event) => {
        draft.owner = event.data.to;
      },
    },
  },
});
