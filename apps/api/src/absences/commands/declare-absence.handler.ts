import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Absence, LeadAssignment } from '@crm/assignment';
import { LEAD_ASSIGNMENT } from '../../api.tokens';
import { RecordDesk } from '../../records/record-desk';
import { DeclareAbsenceCommand } from './declare-absence.command';

@CommandHandler(DeclareAbsenceCommand)
export class DeclareAbsenceHandler implements ICommandHandler<DeclareAbsenceCommand> {
  constructor(
    private readonly desk: RecordDesk,
    @Inject(LEAD_ASSIGNMENT) private readonly assignment: LeadAssignment,
  ) {}

  execute({ user, absentUser, request, idempotencyKey }: DeclareAbsenceCommand): Promise<Absence> {
    return this.assignment.availability.declare(user, absentUser, request, this.desk.commandId(user, idempotencyKey));
  }
}
