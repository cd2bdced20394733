import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RecordDesk } from '../../records/record-desk';
import type { RecordWriteResult } from '../../records/record-view';
import { IntakeDesk } from '../intake-desk';
import { MergeLeadsCommand } from './merge-leads.command';

/** A manual merge of two leads, or its split; each step through the command handler, audited on both leads. */
@CommandHandler(MergeLeadsCommand)
export class MergeLeadsHandler implements ICommandHandler<MergeLeadsCommand> {
  constructor(
    private readonly intake: IntakeDesk,
    private readonly records: RecordDesk,
  ) {}

  async execute({ user, action, into, lead, reason, idempotencyKey }: MergeLeadsCommand): Promise<RecordWriteResult> {
    const sender = { commandId: this.records.commandId(user, idempotencyKey), actor: user, origin: { via: 'api' } };
    const leads = this.intake.leads();
    const result = action === 'merge' ? await leads.merge(into, lead, sender, reason) : await leads.split(into, lead, sender);
    return this.records.answer(user, result);
  }
}
