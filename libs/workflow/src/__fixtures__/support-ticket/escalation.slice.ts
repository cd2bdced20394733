import type { RecordCommandBase } from '../../record/record-command';
import { defineRecordSlice } from '../../record/record-slice';
import { requireExisting, requireOpen } from '../../record/record-rules';
import { recordPart } from '../../record/record.state';
import { WorkflowException, WorkflowExceptionCode } from '../../workflow.exception';

/** Per-kind state a slice owns: how far a ticket has been escalated. */
export interface Escalation {
  readonly level: number;
  readonly history: readonly number[];
}

export const escalation = recordPart<Escalation>('escalation', { level: 0, history: [] });

export interface EscalateTicket extends RecordCommandBase {
  readonly type: 'EscalateTicket';
  readonly recordId: string;
  readonly level: number;
}

export interface TicketEscalated {
  readonly type: 'TicketEscalated';
  readonly data: { readonly recordId: string; readonly from: number; readonly to: number };
}

/**
 * A feature added in one folder, to prove the seam: its command, event, per-record state, decision and
 * fold, registered with the command handler by listing the slice; no central switch changes.
 */
export const escalationSlice = defineRecordSlice<EscalateTicket, TicketEscalated>({
  name: 'escalation',
  commands: {
    EscalateTicket: {
      problems: (command) => (Number.isInteger(command.level) && command.level >= 1 && command.level <= 3 ? [] : ['level: expected 1, 2 or 3']),
      access: () => ({ action: 'update' }),
      decide: (command, state) => {
        const ticket = requireExisting(state);
        requireOpen(ticket);
        if (ticket.kind !== 'support_ticket') {
          throw new WorkflowException(WorkflowExceptionCode.INVALID_COMMAND, `only support tickets escalate, not a ${ticket.kind}`, { kind: ticket.kind });
        }
        const { level } = escalation.read(ticket);
        if (command.level <= level) return [];
        return [{ type: 'TicketEscalated', data: { recordId: ticket.recordId, from: level, to: command.level } }];
      },
    },
  },
  events: {
    TicketEscalated: {
      evolve: (draft, event) => {
        const current = escalation.read(draft);
        escalation.write(draft, { level: event.data.to, history: [...current.history, event.data.to] });
      },
    },
  },
});
