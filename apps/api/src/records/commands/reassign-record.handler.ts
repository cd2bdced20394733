import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RecordDesk } from '../record-desk';
import type { RecordWriteResult } from '../record-view';
import { ReassignRecordCommand } from './reassign-record.command';

@CommandHandler(ReassignRecordCommand)
export class ReassignRecordHandler implements ICommandHandler<ReassignRecordCommand> {
  constructor(private readonly desk: RecordDesk) {}

  async execute({ user, kind, id, request, idempotencyKey }: ReassignRecordCommand): Promise<RecordWriteResult> {
    this.desk.requireKnownOwner(request.owner);
    const result = await this.desk.engine.commands.execute({
      type: 'Reassign',
      kind,
      recordId: id,
      owner: request.owner,
      expectedRevision: request.expectedRevision,
      commandId: this.desk.commandId(user, idempotencyKey),
      actor: user,
      origin: { via: 'api' },
    });
    return this.desk.answer(user, result);
  }
}
