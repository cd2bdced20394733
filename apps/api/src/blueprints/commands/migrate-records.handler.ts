import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Engine } from '@crm/engine';
import type { UserDirectory } from '@crm/identity';
import type { ReadModelDatabase } from '@crm/projection-runtime';
import { planMigrationFromReadModel } from '@crm/projections';
import { applyMigration } from '@crm/workflow';
import { ENGINE, READ_MODELS, USER_DIRECTORY } from '../../api.tokens';
import { requireBlueprintAuthor } from '../blueprint-author';
import { MigrateRecordsCommand, type MigrationAnswer } from './migrate-records.command';

/**
 * Plans from the records read model, then sends one MigrateRecord per record through the command handler
 * (the access policy judges each: rule process-owner-or-admin); refusals are reported per record.
 */
@CommandHandler(MigrateRecordsCommand)
export class MigrateRecordsHandler implements ICommandHandler<MigrateRecordsCommand> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
  ) {}

  async execute({ user, id, request }: MigrateRecordsCommand): Promise<MigrationAnswer> {
    requireBlueprintAuthor(user, this.users, 'migrate records');
    const plan = planMigrationFromReadModel(this.readModels.db, this.engine.catalog, { blueprint: id, ...request });
    const kind = this.engine.catalog.get(plan.from).definition.kind;
    const result = await applyMigration(this.engine.commands, kind, plan, {
      actor: { id: user.id, roles: user.roles },
      reason: request.reason,
      force: request.force,
      origin: { via: 'api' },
    });
    return { ...result, plan: plan.summary };
  }
}
