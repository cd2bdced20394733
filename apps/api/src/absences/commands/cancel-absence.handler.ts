import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Absence, LeadAssignment } from '@crm/assignment';
import { LEAD_ASSIGNMENT } from '../../api.tokens';
import { RecordDesk } from '../../records/record-desk';
import { CancelAbsenceCommand } from './cancel-absence.command';

@CommandHandler(CancelAbsenceCommand)
export class CancelAbsenceHandler implements ICommandHandler<CancelAbsenceCommand> {
  constructor(
    private readonly desk: RecordDesk,
    @Inject(LEAD_ASSIGNMENT) private readonly assignment: LeadAssignment,
  ) {}

  async execute({ user, absentUser, absenceId, idempotencyKey }: CancelAbsenceCommand): Promise<{ readonly absences: Absence[] }> {
    await this.assignment.availability.cancel(user, absentUser, absenceId, this.desk.commandId(user, idempotencyKey));
    return { absences: await this.assignment.availability.list(user, absentUser) };
  }
}
