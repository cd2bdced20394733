import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RecordDesk } from '../record-desk';
import type { RecordWriteResult } from '../record-view';
import { AdvanceRecordCommand } from './advance-record.command';

@CommandHandler(AdvanceRecordCommand)
export class AdvanceRecordHandler implements ICommandHandler<AdvanceRecordCommand> {
  constructor(private readonly desk: RecordDesk) {}

  async execute({ user, kind, id, request, idempotencyKey }: AdvanceRecordCommand): Promise<RecordWriteResult> {
    const result = await this.desk.engine.commands.execute({
      type: 'FireTransition',
      kind,
      recordId: id,
      event: request.event,
      fields: request.fields,
      reason: request.reason,
      expectedRevision: request.expectedRevision,
      commandId: this.desk.commandId(user, idempotencyKey),
      actor: user,
      origin: { via: 'api' },
    });
    return this.desk.answer(user, result);
  }
}
