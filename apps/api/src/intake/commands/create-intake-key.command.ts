import { Command } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { IssuedIntakeKey } from '@crm/intake';
import type { CreateIntakeKeyRequest } from '../intake-requests.dto';

export class CreateIntakeKeyCommand extends Command<IssuedIntakeKey> {
  constructor(
    readonly user: User,
    readonly request: CreateIntakeKeyRequest,
  ) {
    super();
  }
}
