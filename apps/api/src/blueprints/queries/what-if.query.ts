import { Query } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { WhatIfReport } from '@crm/workflow';
import type { WhatIfRequest } from '../blueprint-requests.dto';

export class WhatIfQuery extends Query<WhatIfReport> {
  constructor(
    readonly user: User,
    readonly id: string,
    readonly request: WhatIfRequest,
  ) {
    super();
  }
}
