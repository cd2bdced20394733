import { filter, map } from 'rxjs';
import type { Actor } from '@crm/blueprint';
import { deriveId } from '@crm/command-handler';
import type { StoredEvent } from '@crm/event-store';
import { defineReactor, type Reactor, type ReactorCommand } from '@crm/reactor-runtime';
import type { RecordCommandHandler } from '@crm/workflow';
import { subscriptionIdOf } from './quote-acceptance.reactor';

export const PAYMENT_DELAY_REACTOR = 'payment-delay';

export const PAYMENT_DELAY_ACTOR: Actor = { id: `system:reactor:${PAYMENT_DELAY_REACTOR}`, roles: ['system'] };

/** The subscription blueprint's health input for a late payment (README, Renewals). */
export const PAYMENT_DELAYED = 'payment_delayed';

/** The order blueprint's reminders that its invoice is overdue (README, Orders, payments and renewals). */
const OVERDUE_REMINDERS: readonly string[] = ['payment_overdue', 'part_payment_overdue'];

const DAY_MS = 86_400_000;

const onOrder = (event: StoredEvent): boolean => event.stream.startsWith('order-');

const isOverdueReminder = (event: StoredEvent): boolean => event.type === 'TimerFired' && OVERDUE_REMINDERS.includes(String(event.data['timer']));

/** The first moment an invoice due on `dueDate` (a day) is late. */
const lateFrom = (dueDate: string): string => new Date(Date.parse(`${dueDate}T00:00:00.000Z`) + DAY_MS).toISOString();

/**
 * The command id of an invoice's delay: one per order and invoice, whichever reports it first (the
 * overdue reminder, the part-payment reminder, a payment received after the due date), and the same
 * command whoever sends it, so the subscription's health counts each late invoice once.
 */
export const paymentDelayCommandId = (orderId: string, invoiceNumber: string): string => deriveId(orderId, `payment-delayed:${invoiceNumber}`);

const reportDelay = (event: StoredEvent): ReactorCommand<RecordCommandHandler> => {
  const orderId = String(event.data['recordId']);
  return {
    intent: `RecordActivity subscription ${PAYMENT_DELAYED} for order ${orderId} (${event.type})`,
    send: async (handler, trace) => {
      const order = await handler.load('order', orderId, { fresh: true });
      if (order.status === 'none') return null;
      const { invoiceNumber, invoiceDueDate } = order.fields;
      if (typeof invoiceNumber !== 'string' || typeof invoiceDueDate !== 'string') return null;
      // A payment in time is no delay; a reminder fires only once the invoice is overdue.
      if (event.type === 'PaymentRecorded' && String(event.data['receivedAt']).slice(0, 10) <= invoiceDueDate) return null;
      const subscriptionId = subscriptionIdOf(orderId);
      const subscription = await handler.load('subscription', subscriptionId, { fresh: true });
      // Only an order of a subscription quote has one, and a renewed or churned term takes no more inputs.
      if (subscription.status !== 'open') return null;
      return handler.execute({
        type: 'RecordActivity',
        kind: 'subscription',
        recordId: subscriptionId,
        activity: PAYMENT_DELAYED,
        occurredAt: lateFrom(invoiceDueDate),
        details: { order: orderId, invoiceNumber, invoiceDueDate },
        actor: PAYMENT_DELAY_ACTOR,
        origin: { via: 'reactor' },
        ...trace,
        commandId: paymentDelayCommandId(orderId, invoiceNumber),
      });
    },
  };
};

/**
 * Payment delays feed the health score (README, Renewals): when an order's invoice is overdue (its
 * reminder timer fires) or a payment arrives after the due date, records `payment_delayed` on the
 * subscription the same acceptance opened, through the one command handler and the subscription's
 * scoring rules, once per invoice.
 */
export const paymentDelayReactor = (): Reactor<RecordCommandHandler> =>
  defineReactor<RecordCommandHandler>({
    name: PAYMENT_DELAY_REACTOR,
    eventTypes: ['TimerFired', 'PaymentRecorded'],
    startFrom: 'start',
    react: (events$) =>
      events$.pipe(
        filter((event) => onOrder(event) && (isOverdueReminder(event) || event.type === 'PaymentRecorded')),
        map(reportDelay),
      ),
  });
