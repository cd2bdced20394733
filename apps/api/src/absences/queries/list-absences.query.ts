import { Query } from '@nestjs/cqrs';
import type { Absence } from '@crm/assignment';
import type { User } from '@crm/identity';

export class ListAbsencesQuery extends Query<{ readonly absences: Absence[] }> {
  constructor(
    readonly user: User,
    readonly absentUser: string,
  ) {
    super();
  }
}
