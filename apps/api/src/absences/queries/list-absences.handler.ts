import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Absence, LeadAssignment } from '@crm/assignment';
import { LEAD_ASSIGNMENT } from '../../api.tokens';
import { ListAbsencesQuery } from './list-absences.query';

@QueryHandler(ListAbsencesQuery)
export class ListAbsencesHandler implements IQueryHandler<ListAbsencesQuery> {
  constructor(@Inject(LEAD_ASSIGNMENT) private readonly assignment: LeadAssignment) {}

  async execute({ user, absentUser }: ListAbsencesQuery): Promise<{ readonly absences: Absence[] }> {
    return { absences: await this.assignment.availability.list(user, absentUser) };
  }
}
