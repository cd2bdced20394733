import { Command } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { RecordWriteResult } from '../../records/record-view';
import type { RecordActivityRequest } from '../record-activity-request.dto';

export class RecordActivityCommand extends Command<RecordWriteResult> {
  constructor(
    readonly user: User,
    readonly kind: string,
    readonly id: string,
    readonly request: RecordActivityRequest,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
