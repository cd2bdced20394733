import { Command } from '@nestjs/cqrs';
import type { Absence } from '@crm/assignment';
import type { User } from '@crm/identity';

/** Answers with the absences still in force. */
export class CancelAbsenceCommand extends Command<{ readonly absences: Absence[] }> {
  constructor(
    readonly user: User,
    readonly absentUser: string,
    readonly absenceId: string,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
