import { Query } from '@nestjs/cqrs';
import type { FunnelReport } from '@crm/projections';
import type { FunnelRequest } from '../funnel-request.dto';

export class GetFunnelQuery extends Query<FunnelReport> {
  constructor(readonly request: FunnelRequest) {
    super();
  }
}
