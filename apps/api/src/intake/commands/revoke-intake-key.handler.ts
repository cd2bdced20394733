import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { IntakeKeyView } from '@crm/intake';
import { IntakeDesk } from '../intake-desk';
import { RevokeIntakeKeyCommand } from './revoke-intake-key.command';

@CommandHandler(RevokeIntakeKeyCommand)
export class RevokeIntakeKeyHandler implements ICommandHandler<RevokeIntakeKeyCommand> {
  constructor(private readonly desk: IntakeDesk) {}

  execute({ user, id }: RevokeIntakeKeyCommand): Promise<IntakeKeyView> {
    return this.desk.keys.revoke(id, this.desk.admin(user));
  }
}
