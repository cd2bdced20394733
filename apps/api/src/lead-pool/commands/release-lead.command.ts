import { Command } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { RecordWriteResult } from '../../records/record-view';
import type { ReleaseLeadRequest } from '../lead-pool-requests.dto';

export class ReleaseLeadCommand extends Command<RecordWriteResult> {
  constructor(
    readonly user: User,
    readonly kind: string,
    readonly id: string,
    readonly request: ReleaseLeadRequest,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
