import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RecordDesk } from '../record-desk';
import type { RecordWriteResult } from '../record-view';
import { UpdateRecordFieldsCommand } from './update-record-fields.command';

@CommandHandler(UpdateRecordFieldsCommand)
export class UpdateRecordFieldsHandler implements ICommandHandler<UpdateRecordFieldsCommand> {
  constructor(private readonly desk: RecordDesk) {}

  async execute({ user, kind, id, request, idempotencyKey }: UpdateRecordFieldsCommand): Promise<RecordWriteResult> {
    const result = await this.desk.engine.commands.execute({
      type: 'UpdateFields',
      kind,
      recordId: id,
      fields: request.fields,
      expectedRevision: request.expectedRevision,
      commandId: this.desk.commandId(user, idempotencyKey),
      actor: user,
      origin: { via: 'api' },
    });
    return this.desk.answer(user, result);
  }
}
