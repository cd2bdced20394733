import { Query } from '@nestjs/cqrs';
import type { AccuracyReport } from '@crm/projections';
import type { ForecastAccuracyRequest } from '../forecast-requests.dto';

export class GetForecastAccuracyQuery extends Query<AccuracyReport> {
  constructor(readonly request: ForecastAccuracyRequest) {
    super();
  }
}
