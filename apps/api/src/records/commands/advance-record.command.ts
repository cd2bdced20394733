import { Command } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { FireTransitionRequest } from '../record-requests.dto';
import type { RecordWriteResult } from '../record-view';

export class AdvanceRecordCommand extends Command<RecordWriteResult> {
  constructor(
    readonly user: User,
    readonly kind: string,
    readonly id: string,
    readonly request: FireTransitionRequest,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
