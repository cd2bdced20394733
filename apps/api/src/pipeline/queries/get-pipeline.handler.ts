import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Engine } from '@crm/engine';
import type { ReadModelDatabase } from '@crm/projection-runtime';
import { queryPipeline, type PipelineReport } from '@crm/projections';
import { ENGINE, READ_MODELS } from '../../api.tokens';
import { knownKind } from '../../read-models/known-kind';
import { GetPipelineQuery } from './get-pipeline.query';

@QueryHandler(GetPipelineQuery)
export class GetPipelineHandler implements IQueryHandler<GetPipelineQuery> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
  ) {}

  async execute({ request }: GetPipelineQuery): Promise<PipelineReport> {
    return queryPipeline(this.readModels.db, this.engine.clock, { ...request, kind: knownKind(this.engine.catalog, request.kind) });
  }
}
