import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Engine } from '@crm/engine';
import type { UserDirectory } from '@crm/identity';
import type { ReadModelDatabase } from '@crm/projection-runtime';
import { planMigrationFromReadModel } from '@crm/projections';
import type { MigrationPlan } from '@crm/workflow';
import { ENGINE, READ_MODELS, USER_DIRECTORY } from '../../api.tokens';
import { requireBlueprintAuthor } from '../blueprint-author';
import { PlanMigrationQuery } from './plan-migration.query';

/** Read-only: where each live record would land and what it would break (README, Blueprint lifecycle). */
@QueryHandler(PlanMigrationQuery)
export class PlanMigrationHandler implements IQueryHandler<PlanMigrationQuery> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
  ) {}

  async execute({ user, id, request }: PlanMigrationQuery): Promise<MigrationPlan> {
    requireBlueprintAuthor(user, this.users, 'plan migrations');
    return planMigrationFromReadModel(this.readModels.db, this.engine.catalog, { blueprint: id, ...request });
  }
}
