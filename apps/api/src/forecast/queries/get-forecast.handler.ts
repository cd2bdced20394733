import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Engine } from '@crm/engine';
import type { ReadModelDatabase } from '@crm/projection-runtime';
import { queryForecast, type ForecastReport } from '@crm/projections';
import { ENGINE, READ_MODELS } from '../../api.tokens';
import { knownKind } from '../../read-models/known-kind';
import { GetForecastQuery } from './get-forecast.query';

@QueryHandler(GetForecastQuery)
export class GetForecastHandler implements IQueryHandler<GetForecastQuery> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
  ) {}

  async execute({ request }: GetForecastQuery): Promise<ForecastReport> {
    return queryForecast(this.readModels.db, this.engine.clock, { ...request, kind: knownKind(this.engine.catalog, request.kind) });
  }
}
