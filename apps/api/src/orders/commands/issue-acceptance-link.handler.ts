import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { acceptanceToken, OrdersException, OrdersExceptionCode, type Engine } from '@crm/engine';
import { newCommandId } from '@crm/workflow';
import { ENGINE, ORDER_SECRETS } from '../../api.tokens';
import type { AcceptanceLink } from '../dto/orders.response';
import type { OrderSecrets } from '../order-secrets';
import { IssueAcceptanceLinkCommand } from './issue-acceptance-link.command';

const DAY_MS = 86_400_000;
export const SENT_STAGE = 'sent';

/** A link for the customer of a sent quote that the user may read: signed, expiring, good for one acceptance. */
@CommandHandler(IssueAcceptanceLinkCommand)
export class IssueAcceptanceLinkHandler implements ICommandHandler<IssueAcceptanceLinkCommand> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(ORDER_SECRETS) private readonly secrets: OrderSecrets,
  ) {}

  async execute({ user, quoteId, expiresInDays }: IssueAcceptanceLinkCommand): Promise<AcceptanceLink> {
    const quote = await this.engine.commands.read('quote', quoteId, user);
    if (quote.stage !== SENT_STAGE) {
      throw new OrdersException(OrdersExceptionCode.QUOTE_NOT_SENT, `quote "${quoteId}" is in stage "${quote.stage}"; only a sent quote can be accepted by its customer`, { stage: quote.stage });
    }
    const expiresAt = new Date(this.engine.clock.now().getTime() + expiresInDays * DAY_MS).toISOString();
    const token = acceptanceToken(this.secrets.acceptanceLinks, { quoteId, linkId: newCommandId(this.engine.clock), expiresAt });
    return { quote: quoteId, token, expiresAt };
  }
}
