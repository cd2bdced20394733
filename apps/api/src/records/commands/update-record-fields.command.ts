import { Command } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { UpdateFieldsRequest } from '../record-requests.dto';
import type { RecordWriteResult } from '../record-view';

export class UpdateRecordFieldsCommand extends Command<RecordWriteResult> {
  constructor(
    readonly user: User,
    readonly kind: string,
    readonly id: string,
    readonly request: UpdateFieldsRequest,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
