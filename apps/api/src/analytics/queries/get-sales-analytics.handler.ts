import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Engine } from '@crm/engine';
import type { ReadModelDatabase } from '@crm/projection-runtime';
import { querySalesAnalytics, type SalesAnalyticsReport } from '@crm/projections';
import { ENGINE, READ_MODELS } from '../../api.tokens';
import { knownKind } from '../../read-models/known-kind';
import { analyticsQueryOf } from '../analytics-requests.dto';
import { GetSalesAnalyticsQuery } from './get-sales-analytics.query';

@QueryHandler(GetSalesAnalyticsQuery)
export class GetSalesAnalyticsHandler implements IQueryHandler<GetSalesAnalyticsQuery> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
  ) {}

  /** The figures are everyone's, as the pipeline's are; the records behind them are listed by the read rule (explain). */
  async execute({ request }: GetSalesAnalyticsQuery): Promise<SalesAnalyticsReport> {
    return querySalesAnalytics(this.readModels.db, this.engine.clock, { ...analyticsQueryOf(request), kind: knownKind(this.engine.catalog, request.kind) });
  }
}
