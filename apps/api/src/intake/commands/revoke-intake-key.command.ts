import { Command } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { IntakeKeyView } from '@crm/intake';

export class RevokeIntakeKeyCommand extends Command<IntakeKeyView> {
  constructor(
    readonly user: User,
    readonly id: string,
  ) {
    super();
  }
}
