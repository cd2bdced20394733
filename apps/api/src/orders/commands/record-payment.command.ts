import { Command } from '@nestjs/cqrs';
import type { PaymentReceipt } from '../dto/orders.response';

/** A payment system's webhook call: the raw body (signed) and its signature header. */
export class RecordPaymentCommand extends Command<PaymentReceipt> {
  constructor(
    readonly rawBody: Buffer | undefined,
    readonly body: unknown,
    readonly signature: string | undefined,
  ) {
    super();
  }
}
