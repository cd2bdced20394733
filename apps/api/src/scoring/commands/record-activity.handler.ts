import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RecordDesk } from '../../records/record-desk';
import type { RecordWriteResult } from '../../records/record-view';
import { RecordActivityCommand } from './record-activity.command';

@CommandHandler(RecordActivityCommand)
export class RecordActivityHandler implements ICommandHandler<RecordActivityCommand> {
  constructor(private readonly desk: RecordDesk) {}

  async execute({ user, kind, id, request, idempotencyKey }: RecordActivityCommand): Promise<RecordWriteResult> {
    const result = await this.desk.engine.commands.execute({
      type: 'RecordActivity',
      kind,
      recordId: id,
      activity: request.type,
      ...(request.occurredAt === undefined ? {} : { occurredAt: request.occurredAt }),
      ...(request.details === undefined ? {} : { details: request.details }),
      commandId: this.desk.commandId(user, idempotencyKey),
      actor: user,
      origin: { via: 'api' },
    });
    return this.desk.answer(user, result);
  }
}
