import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RecordDesk } from '../record-desk';
import type { RecordWriteResult } from '../record-view';
import { OpenRecordCommand } from './open-record.command';

@CommandHandler(OpenRecordCommand)
export class OpenRecordHandler implements ICommandHandler<OpenRecordCommand> {
  constructor(private readonly desk: RecordDesk) {}

  async execute({ user, kind, request, idempotencyKey }: OpenRecordCommand): Promise<RecordWriteResult> {
    const owner = request.owner === undefined ? user.id : request.owner;
    this.desk.requireKnownOwner(owner);
    const sender = { commandId: this.desk.commandId(user, idempotencyKey), actor: user, origin: { via: 'api' } };
    const { leads } = this.desk.engine;
    // Leads are opened under the match rules: a duplicate is refused unless allowed with a reason.
    if (leads !== null && kind === leads.kind) {
      return this.desk.answer(user, await leads.open({ recordId: request.id, fields: request.fields, owner }, sender, request.allowDuplicate));
    }
    const result = await this.desk.engine.commands.execute({ type: 'OpenRecord', kind, recordId: request.id, fields: request.fields, owner, ...sender });
    return this.desk.answer(user, result);
  }
}
