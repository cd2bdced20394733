import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '@crm/blueprint';
import { OrdersException, OrdersExceptionCode, requireSignedPayment, type Engine } from '@crm/engine';
import { copiedLines, recordAfter, recordPayments } from '@crm/workflow';
import { ENGINE, ORDER_SECRETS } from '../../api.tokens';
import type { PaymentReceipt } from '../dto/orders.response';
import type { OrderSecrets } from '../order-secrets';
import { RecordPaymentCommand } from './record-payment.command';

export const PAYMENTS_ACTOR: Actor = { id: 'system:payments', roles: ['system'] };

interface PaymentNotice {
  readonly id: string;
  readonly order: string;
  readonly amount: number;
  readonly currency: string;
  readonly receivedAt?: string;
}

const KEYS = new Set(['id', 'order', 'amount', 'currency', 'receivedAt']);

/** The webhook body's own shape; amounts and currency are judged by the order's decision. */
const noticeOf = (body: unknown): PaymentNotice => {
  const problems: string[] = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) problems.push('body: expected { id, order, amount, currency, receivedAt? }');
  else {
    const fields = body as Record<string, unknown>;
    for (const key of Object.keys(fields)) if (!KEYS.has(key)) problems.push(`${key}: unknown field; expected id, order, amount, currency, receivedAt`);
    if (typeof fields['id'] !== 'string' || fields['id'] === '' || fields['id'].length > 200) problems.push("id: expected the payment system's id of the payment (1-200 characters)");
    if (typeof fields['order'] !== 'string' || fields['order'] === '') problems.push('order: expected the id of the order paid');
    if (typeof fields['amount'] !== 'number') problems.push('amount: expected a positive whole number of minor units (cents)');
    if (typeof fields['currency'] !== 'string') problems.push('currency: expected an ISO 4217 code such as USD');
    if (fields['receivedAt'] !== undefined && typeof fields['receivedAt'] !== 'string') problems.push('receivedAt: expected an ISO-8601 date-time');
  }
  if (problems.length > 0) throw new OrdersException(OrdersExceptionCode.INVALID_PAYMENT, `invalid payment: ${problems.join('; ')}`, { problems });
  return body as PaymentNotice;
};

/**
 * `POST /payments`: the signature over the raw bytes first (nothing unsigned is even read), then the
 * payment as the order's `RecordPayment`, whose id derives from the payment system's id: a webhook sent
 * again answers as the first time and stores nothing.
 */
@CommandHandler(RecordPaymentCommand)
export class RecordPaymentHandler implements ICommandHandler<RecordPaymentCommand> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(ORDER_SECRETS) private readonly secrets: OrderSecrets,
  ) {}

  async execute({ rawBody, body, signature }: RecordPaymentCommand): Promise<PaymentReceipt> {
    requireSignedPayment(this.secrets.payments, rawBody, signature);
    const notice = noticeOf(body);
    const result = await this.engine.commands.execute({
      type: 'RecordPayment',
      kind: 'order',
      recordId: notice.order,
      paymentId: notice.id,
      amountMinor: notice.amount,
      currency: notice.currency,
      ...(notice.receivedAt === undefined ? {} : { receivedAt: notice.receivedAt }),
      commandId: `payment:${notice.id}`,
      actor: PAYMENTS_ACTOR,
      origin: { via: 'payments-webhook' },
    });
    const order = recordAfter(result);
    const terms = copiedLines.read(order);
    const paidMinor = recordPayments.read(order).paidMinor;
    return {
      order: order.recordId,
      paymentId: notice.id,
      stage: order.stage,
      currency: terms?.currency ?? notice.currency,
      paidMinor,
      balanceMinor: (terms?.totalMinor ?? paidMinor) - paidMinor,
      events: result.events.map((event) => event.type),
    };
  }
}
