import { Command } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { CompleteTaskRequest } from '../record-requests.dto';
import type { RecordWriteResult } from '../record-view';

export class CompleteTaskCommand extends Command<RecordWriteResult> {
  constructor(
    readonly user: User,
    readonly kind: string,
    readonly id: string,
    readonly taskId: string,
    readonly request: CompleteTaskRequest,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
