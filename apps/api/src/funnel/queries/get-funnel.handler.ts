import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Engine } from '@crm/engine';
import type { ReadModelDatabase } from '@crm/projection-runtime';
import { queryFunnel, type FunnelReport } from '@crm/projections';
import { ENGINE, READ_MODELS } from '../../api.tokens';
import { knownKind } from '../../read-models/known-kind';
import { GetFunnelQuery } from './get-funnel.query';

@QueryHandler(GetFunnelQuery)
export class GetFunnelHandler implements IQueryHandler<GetFunnelQuery> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
  ) {}

  async execute({ request }: GetFunnelQuery): Promise<FunnelReport> {
    return queryFunnel(this.readModels.db, { ...request, kind: knownKind(this.engine.catalog, request.kind) });
  }
}
