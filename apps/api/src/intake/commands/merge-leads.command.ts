import { Command } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { RecordWriteResult } from '../../records/record-view';

/** `into` takes `lead` in (merge), or gives it back (split). */
export class MergeLeadsCommand extends Command<RecordWriteResult> {
  constructor(
    readonly user: User,
    readonly action: 'merge' | 'split',
    readonly into: string,
    readonly lead: string,
    readonly reason: string | undefined,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
