import { Command } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { OpenRecordRequest } from '../record-requests.dto';
import type { RecordWriteResult } from '../record-view';

export class OpenRecordCommand extends Command<RecordWriteResult> {
  constructor(
    readonly user: User,
    readonly kind: string,
    readonly request: OpenRecordRequest,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
