import { Body, Controller, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { User } from '@crm/identity';
import { ApiErrorResponses } from '../http/dto/error.response';
import { rawBodyOf } from '../http/json-body.parser';
import { CurrentUser } from '../identity/current-user.decorator';
import { Public } from '../identity/public.decorator';
import { AcceptQuoteByLinkCommand } from './commands/accept-quote-by-link.command';
import { IssueAcceptanceLinkCommand } from './commands/issue-acceptance-link.command';
import { RecordPaymentCommand } from './commands/record-payment.command';
import { AcceptanceLinkResponse, PaymentReceiptResponse, QuoteAcceptanceResponse, type AcceptanceLink, type PaymentReceipt, type QuoteAcceptance } from './dto/orders.response';
import { AcceptanceLinkRequest, QuoteAcceptanceRequest } from './orders-requests.dto';

const PAYMENT_BODY = {
  description: "The payment system's notice: its `id` of the payment (a notice sent again with it stores nothing new), the `order` paid, the `amount` in minor units (cents) and its `currency`, and when it was `receivedAt`.",
  schema: {
    type: 'object',
    required: ['id', 'order', 'amount', 'currency'],
    properties: { id: { type: 'string' }, order: { type: 'string' }, amount: { type: 'integer', minimum: 1 }, currency: { type: 'string', example: 'USD' }, receivedAt: { type: 'string', format: 'date-time' } },
    example: { id: 'pay_8812', order: '0190f5a0-0000-7000-8000-000000000000', amount: 500000, currency: 'USD' },
  },
} as const;

@ApiTags('orders')
@Controller()
export class OrdersController {
  constructor(private readonly commands: CommandBus) {}

  @Post('payments')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: "The payment system's webhook: a payment received for an order",
    description:
      'Signed, not authenticated by a token: X-Payment-Signature is sha256=<hex HMAC-SHA256 of the raw body> with the payments secret. Idempotent by the payment id. A payment above the balance, in another currency, or for an order not invoiced is refused (422/409) and nothing is stored.',
  })
  @ApiHeader({ name: 'X-Payment-Signature', required: true, description: 'sha256=<hex HMAC-SHA256 of the raw body>' })
  @ApiBody(PAYMENT_BODY)
  @ApiOkResponse({ type: PaymentReceiptResponse })
  @ApiErrorResponses(400, 401, 404, 409, 413, 415, 422, 503)
  recordPayment(@Req() request: FastifyRequest, @Headers('x-payment-signature') signature: string | undefined, @Body() body: unknown): Promise<PaymentReceipt> {
    return this.commands.execute(new RecordPaymentCommand(rawBodyOf(request), body, signature));
  }

  @Post('records/quote/:id/acceptance-link')
  @ApiBearerAuth()
  @ApiOperation({ summary: "A signed, expiring, single-use link for the customer of a sent quote to accept it" })
  @ApiOkResponse({ type: AcceptanceLinkResponse })
  @ApiErrorResponses(400, 401, 404, 409, 413, 415, 503)
  @HttpCode(200)
  issueAcceptanceLink(@CurrentUser() user: User, @Param('id') id: string, @Body() request: AcceptanceLinkRequest): Promise<AcceptanceLink> {
    return this.commands.execute(new IssueAcceptanceLinkCommand(user, id, request.expiresInDays ?? 14));
  }

  @Post('quote-acceptance')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'The customer accepts a quote with the token of its acceptance link (once, before it expires)' })
  @ApiOkResponse({ type: QuoteAcceptanceResponse })
  @ApiErrorResponses(400, 401, 410, 413, 415, 422, 503)
  acceptQuote(@Body() request: QuoteAcceptanceRequest): Promise<QuoteAcceptance> {
    return this.commands.execute(new AcceptQuoteByLinkCommand(request.token, request.acceptedBy));
  }
}
