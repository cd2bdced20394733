import { Command } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { RecordWriteResult } from '../../records/record-view';
import type { PriceQuoteRequest } from '../quote-requests.dto';

export class PriceQuoteCommand extends Command<RecordWriteResult> {
  constructor(
    readonly user: User,
    readonly kind: string,
    readonly id: string,
    readonly request: PriceQuoteRequest,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
