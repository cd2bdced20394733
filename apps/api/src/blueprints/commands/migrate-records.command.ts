import { Command } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { MigrationPlan, MigrationResult } from '@crm/workflow';
import type { MigrationRequestBody } from '../blueprint-requests.dto';

export interface MigrationAnswer extends MigrationResult {
  /** The plan that was applied (read just before). */
  readonly plan: MigrationPlan['summary'];
}

export class MigrateRecordsCommand extends Command<MigrationAnswer> {
  constructor(
    readonly user: User,
    readonly id: string,
    readonly request: MigrationRequestBody,
  ) {
    super();
  }
}
