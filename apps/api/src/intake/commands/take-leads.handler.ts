import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { IntakeResult } from '@crm/intake';
import { IntakeDesk } from '../intake-desk';
import { TakeLeadsCommand } from './take-leads.command';

@CommandHandler(TakeLeadsCommand)
export class TakeLeadsHandler implements ICommandHandler<TakeLeadsCommand> {
  constructor(private readonly desk: IntakeDesk) {}

  execute({ presentedKey, body }: TakeLeadsCommand): Promise<{ readonly batch: boolean; readonly results: IntakeResult[] }> {
    return this.desk.leadIntake().take(presentedKey, body);
  }
}
