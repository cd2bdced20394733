import { Command } from '@nestjs/cqrs';
import type { QuoteAcceptance } from '../dto/orders.response';

export class AcceptQuoteByLinkCommand extends Command<QuoteAcceptance> {
  constructor(
    readonly token: unknown,
    readonly acceptedBy: string | undefined,
  ) {
    super();
  }
}
