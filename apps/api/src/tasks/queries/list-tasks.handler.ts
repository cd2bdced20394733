import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Engine } from '@crm/engine';
import { listScope, type UserDirectory } from '@crm/identity';
import type { ReadModelDatabase } from '@crm/projection-runtime';
import { listTasks, type TaskPage } from '@crm/projections';
import { ENGINE, READ_MODELS, USER_DIRECTORY } from '../../api.tokens';
import { knownKind } from '../../read-models/known-kind';
import { ME } from '../work-list-requests.dto';
import { ListTasksQuery } from './list-tasks.query';

/** From the tasks read model (updated within a second of a write); overdue as of the engine's clock. */
@QueryHandler(ListTasksQuery)
export class ListTasksHandler implements IQueryHandler<ListTasksQuery> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
  ) {}

  /** Only tasks of records the user may read, by the read rule of GET /records: naming a user shows no more. */
  async execute({ request, user }: ListTasksQuery): Promise<TaskPage> {
    const scope = listScope(user, this.users);
    const owner = request.owner ?? ME;
    return listTasks(this.readModels.db, this.engine.clock, {
      assignee: owner === ME ? user.id : owner,
      status: request.status,
      kind: request.kind === undefined ? undefined : knownKind(this.engine.catalog, request.kind),
      limit: request.limit,
      cursor: request.cursor,
      visibleTo: scope.all ? undefined : scope,
    });
  }
}
