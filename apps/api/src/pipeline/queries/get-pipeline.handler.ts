import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Engine } from '@crm/engine';
import { listScope, type UserDirectory } from '@crm/identity';
import type { ReadModelDatabase } from '@crm/projection-runtime';
import { queryPipeline, type PipelineReport } from '@crm/projections';
import { ENGINE, READ_MODELS, USER_DIRECTORY } from '../../api.tokens';
import { knownKind } from '../../read-models/known-kind';
import { GetPipelineQuery } from './get-pipeline.query';

@QueryHandler(GetPipelineQuery)
export class GetPipelineHandler implements IQueryHandler<GetPipelineQuery> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
  ) {}

  /** The numbers are everyone's; the stalled deals are listed by the read rule of GET /records. */
  async execute({ request, user }: GetPipelineQuery): Promise<PipelineReport> {
    const scope = listScope(user, this.users);
    return queryPipeline(this.readModels.db, this.engine.clock, {
      ...request,
      kind: knownKind(this.engine.catalog, request.kind),
      visibleTo: scope.all ? undefined : scope,
    });
  }
}
