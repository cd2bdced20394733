import { Query } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { PipelineReport } from '@crm/projections';
import type { PipelineRequest } from '../pipeline-request.dto';

export class GetPipelineQuery extends Query<PipelineReport> {
  constructor(
    readonly request: PipelineRequest,
    readonly user: User,
  ) {
    super();
  }
}
