import { Command } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { AcceptanceLink } from '../dto/orders.response';

export class IssueAcceptanceLinkCommand extends Command<AcceptanceLink> {
  constructor(
    readonly user: User,
    readonly quoteId: string,
    readonly expiresInDays: number,
  ) {
    super();
  }
}
