import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RecordDesk } from '../record-desk';
import type { RecordWriteResult } from '../record-view';
import { CompleteTaskCommand } from './complete-task.command';

@CommandHandler(CompleteTaskCommand)
export class CompleteTaskHandler implements ICommandHandler<CompleteTaskCommand> {
  constructor(private readonly desk: RecordDesk) {}

  async execute({ user, kind, id, taskId, request, idempotencyKey }: CompleteTaskCommand): Promise<RecordWriteResult> {
    const result = await this.desk.engine.commands.execute({
      type: 'CompleteTask',
      kind,
      recordId: id,
      taskId,
      note: request.note,
      commandId: this.desk.commandId(user, idempotencyKey),
      actor: user,
      origin: { via: 'api' },
    });
    return this.desk.answer(user, result);
  }
}
