import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RecordDesk } from '../record-desk';
import type { RecordWriteResult } from '../record-view';
import { DecideApprovalCommand } from './decide-approval.command';

@CommandHandler(DecideApprovalCommand)
export class DecideApprovalHandler implements ICommandHandler<DecideApprovalCommand> {
  constructor(private readonly desk: RecordDesk) {}

  async execute({ user, kind, id, approvalId, decision, idempotencyKey }: DecideApprovalCommand): Promise<RecordWriteResult> {
    const envelope = { kind, recordId: id, approvalId, commandId: this.desk.commandId(user, idempotencyKey), actor: user, origin: { via: 'api' } };
    const result = await this.desk.engine.commands.execute(
      decision.kind === 'grant'
        ? { type: 'GrantApproval', ...envelope, comment: decision.comment }
        : { type: 'RejectApproval', ...envelope, reason: decision.reason },
    );
    return this.desk.answer(user, result);
  }
}
