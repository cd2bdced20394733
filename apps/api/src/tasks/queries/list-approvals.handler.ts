import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Engine } from '@crm/engine';
import { listScope, type UserDirectory } from '@crm/identity';
import type { ReadModelDatabase } from '@crm/projection-runtime';
import { listApprovals, type ApprovalPage } from '@crm/projections';
import { ENGINE, READ_MODELS, USER_DIRECTORY } from '../../api.tokens';
import { knownKind } from '../../read-models/known-kind';
import { ListApprovalsQuery } from './list-approvals.query';

/** From the approvals read model (updated within a second of a write). */
@QueryHandler(ListApprovalsQuery)
export class ListApprovalsHandler implements IQueryHandler<ListApprovalsQuery> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
  ) {}

  /** An approver must be able to read the record, so the read rule of GET /records applies. */
  async execute({ request, user }: ListApprovalsQuery): Promise<ApprovalPage> {
    const scope = listScope(user, this.users);
    return listApprovals(this.readModels.db, {
      waitingFor: { id: user.id, roles: user.roles },
      kind: request.kind === undefined ? undefined : knownKind(this.engine.catalog, request.kind),
      limit: request.limit,
      cursor: request.cursor,
      visibleTo: scope.all ? undefined : scope,
    });
  }
}
