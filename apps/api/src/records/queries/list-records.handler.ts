import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Engine } from '@crm/engine';
import type { ReadModelDatabase } from '@crm/projection-runtime';
import { listRecords, type RecordPage } from '@crm/projections';
import { listScope, type UserDirectory } from '@crm/identity';
import { ENGINE, READ_MODELS, USER_DIRECTORY } from '../../api.tokens';
import { knownKind } from '../../read-models/known-kind';
import { ListRecordsQuery } from './list-records.query';

/** From the records read model (updated within a second of a write), not from the record streams. */
@QueryHandler(ListRecordsQuery)
export class ListRecordsHandler implements IQueryHandler<ListRecordsQuery> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
  ) {}

  /** A list shows what the user may read one by one: the same rules, applied in the query. */
  async execute({ kind, request, user }: ListRecordsQuery): Promise<RecordPage> {
    const scope = listScope(user, this.users, kind);
    return listRecords(this.readModels.db, { ...request, kind: knownKind(this.engine.catalog, kind), visibleTo: scope.all ? undefined : scope });
  }
}
