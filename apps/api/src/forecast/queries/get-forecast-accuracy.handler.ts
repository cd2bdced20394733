import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Engine } from '@crm/engine';
import type { ReadModelDatabase } from '@crm/projection-runtime';
import { queryForecastAccuracy, type AccuracyReport } from '@crm/projections';
import { ENGINE, READ_MODELS } from '../../api.tokens';
import { knownKind } from '../../read-models/known-kind';
import { GetForecastAccuracyQuery } from './get-forecast-accuracy.query';

/** Each period's snapshot taken as of its start against the closed won reported for it now (or at asOf). */
@QueryHandler(GetForecastAccuracyQuery)
export class GetForecastAccuracyHandler implements IQueryHandler<GetForecastAccuracyQuery> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
  ) {}

  async execute({ request }: GetForecastAccuracyQuery): Promise<AccuracyReport> {
    return queryForecastAccuracy(this.readModels.db, this.engine.clock, { ...request, kind: knownKind(this.engine.catalog, request.kind) });
  }
}
