import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '@crm/blueprint';
import { ACCEPT_EVENT, OrdersException, OrdersExceptionCode, readAcceptanceToken, type Engine } from '@crm/engine';
import { recordAfter } from '@crm/workflow';
import { ENGINE, ORDER_SECRETS } from '../../api.tokens';
import type { QuoteAcceptance } from '../dto/orders.response';
import type { OrderSecrets } from '../order-secrets';
import { AcceptQuoteByLinkCommand } from './accept-quote-by-link.command';
import { SENT_STAGE } from './issue-acceptance-link.handler';

export const ACCEPTANCE_LINK_ACTOR: Actor = { id: 'system:acceptance-link', roles: ['customer'] };

/**
 * The customer accepts through the link: its signature and expiry checked on the server's clock, then
 * the quote's `accept` through the quote's own guards, as `system:acceptance-link`, with a command id
 * derived from the link. Single use: a quote no longer sent (accepted, by this link or otherwise) refuses it.
 */
@CommandHandler(AcceptQuoteByLinkCommand)
export class AcceptQuoteByLinkHandler implements ICommandHandler<AcceptQuoteByLinkCommand> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(ORDER_SECRETS) private readonly secrets: OrderSecrets,
  ) {}

  async execute({ token, acceptedBy }: AcceptQuoteByLinkCommand): Promise<QuoteAcceptance> {
    const grant = readAcceptanceToken(this.secrets.acceptanceLinks, token, this.engine.clock.now());
    const quote = await this.engine.commands.load('quote', grant.quoteId);
    if (quote.status === 'none') throw new OrdersException(OrdersExceptionCode.ACCEPTANCE_LINK_INVALID, 'acceptance link refused: its quote is not there', {});
    if (quote.stage !== SENT_STAGE) {
      throw new OrdersException(OrdersExceptionCode.ACCEPTANCE_LINK_USED, `acceptance link refused: quote "${grant.quoteId}" is ${quote.stage}, no longer waiting for an answer`, {
        stage: quote.stage,
      });
    }
    const by = typeof acceptedBy === 'string' && acceptedBy.trim() !== '' ? ` by ${acceptedBy.trim().slice(0, 200)}` : '';
    const result = await this.engine.commands.execute({
      type: 'FireTransition',
      kind: 'quote',
      recordId: grant.quoteId,
      event: ACCEPT_EVENT,
      // The link is the evidence (README, Orders, payments and renewals): signed by this server, used once.
      fields: { acceptanceEvidence: `acceptance link ${grant.linkId}`, acceptanceNote: `Accepted${by} through the customer's signed link` },
      reason: `accepted${by} through customer link ${grant.linkId}`,
      commandId: `acceptance-link:${grant.linkId}`,
      actor: ACCEPTANCE_LINK_ACTOR,
      origin: { via: 'acceptance-link' },
    });
    const accepted = recordAfter(result);
    return { quote: accepted.recordId, stage: accepted.stage, acceptedAt: result.events.at(-1)?.occurredAt ?? accepted.updatedAt };
  }
}
