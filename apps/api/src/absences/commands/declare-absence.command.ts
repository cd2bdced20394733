import { Command } from '@nestjs/cqrs';
import type { Absence } from '@crm/assignment';
import type { User } from '@crm/identity';
import type { DeclareAbsenceRequest } from '../absence-requests.dto';

export class DeclareAbsenceCommand extends Command<Absence> {
  constructor(
    readonly user: User,
    readonly absentUser: string,
    readonly request: DeclareAbsenceRequest,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
