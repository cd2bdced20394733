import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { IssuedIntakeKey } from '@crm/intake';
import { IntakeDesk } from '../intake-desk';
import { CreateIntakeKeyCommand } from './create-intake-key.command';

@CommandHandler(CreateIntakeKeyCommand)
export class CreateIntakeKeyHandler implements ICommandHandler<CreateIntakeKeyCommand> {
  constructor(private readonly desk: IntakeDesk) {}

  execute({ user, request }: CreateIntakeKeyCommand): Promise<IssuedIntakeKey> {
    return this.desk.keys.create(request, this.desk.admin(user));
  }
}
