import { Query } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { MigrationPlan } from '@crm/workflow';
import type { MigrationPlanRequest } from '../blueprint-requests.dto';

export class PlanMigrationQuery extends Query<MigrationPlan> {
  constructor(
    readonly user: User,
    readonly id: string,
    readonly request: MigrationPlanRequest,
  ) {
    super();
  }
}
