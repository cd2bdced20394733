import { Query } from '@nestjs/cqrs';
import type { SalesAnalyticsReport } from '@crm/projections';
import type { SalesAnalyticsRequest } from '../analytics-requests.dto';

export class GetSalesAnalyticsQuery extends Query<SalesAnalyticsReport> {
  constructor(readonly request: SalesAnalyticsRequest) {
    super();
  }
}
