import { Query } from '@nestjs/cqrs';
import type { ForecastReport } from '@crm/projections';
import type { ForecastRequest } from '../forecast-requests.dto';

export class GetForecastQuery extends Query<ForecastReport> {
  constructor(readonly request: ForecastRequest) {
    super();
  }
}
