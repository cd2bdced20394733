import { Command } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { ReassignRequest } from '../record-requests.dto';
import type { RecordWriteResult } from '../record-view';

export class ReassignRecordCommand extends Command<RecordWriteResult> {
  constructor(
    readonly user: User,
    readonly kind: string,
    readonly id: string,
    readonly request: ReassignRequest,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
