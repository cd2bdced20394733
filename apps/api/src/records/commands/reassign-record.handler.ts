import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { WorkflowException, WorkflowExceptionCode } from '@crm/workflow';
import { RecordDesk } from '../record-desk';
import type { RecordWriteResult } from '../record-view';
import { ReassignRecordCommand } from './reassign-record.command';

@CommandHandler(ReassignRecordCommand)
export class ReassignRecordHandler implements ICommandHandler<ReassignRecordCommand> {
  constructor(private readonly desk: RecordDesk) {}

  async execute({ user, kind, id, request, idempotencyKey }: ReassignRecordCommand): Promise<RecordWriteResult> {
    const record = await this.desk.load(kind, id);
    if (request.owner !== null && !this.desk.knowsUser(request.owner)) {
      throw new WorkflowException(WorkflowExceptionCode.INVALID_COMMAND, `owner: no user "${request.owner}"`, { field: 'owner' });
    }
    this.desk.authorize(user, 'reassign', record, request.owner);
    const result = await this.desk.engine.commands.execute({
      type: 'Reassign',
      kind,
      recordId: id,
      owner: request.owner,
      expectedRevision: request.expectedRevision,
      commandId: this.desk.commandId(user, idempotencyKey),
      actor: user,
    });
    return this.desk.answer(user, result);
  }
}
