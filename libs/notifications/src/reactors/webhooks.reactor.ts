import { concatMap, from, map, mergeMap } from 'rxjs';
import { defineReactor, type Reactor } from '@crm/reactor-runtime';
import { RECORD_EVENT_TYPES } from '@crm/workflow';
import { NOTIFICATION_QUEUED } from '../inbox/notification.events';
import { WEBHOOK_DELETED, WEBHOOK_SUBSCRIBED } from '../webhooks/webhook.events';
import { WEBHOOKS_REACTOR } from '../system-actors';
import type { WebhookDesk } from '../webhooks/webhook-desk';
import type { Webhooks } from '../webhooks/webhooks';

export interface WebhooksDispatcher {
  readonly webhooks: Webhooks;
}

export interface WebhooksReactorOptions {
  readonly name?: string;
  /**
   * Default `start`: an event is delivered only to subscriptions stored before it, so following the whole
   * log delivers nothing old, and no event stored after a subscription is missed however late the
   * reactor first runs.
   */
  readonly startFrom?: 'start' | 'end';
}

/**
 * Record events and notifications become webhook deliveries (README, Notifications and webhooks): the
 * pipeline finds the subscriptions in force at the event's place in the log that name it, one command
 * per subscription writes its `WebhookDeliveryScheduled`, the outbox the delivery worker sends from.
 * Without a subscription that names it, an event sends nothing and moves no checkpoint.
 */
export const webhooksReactor = (desk: WebhookDesk, options: WebhooksReactorOptions = {}): Reactor<WebhooksDispatcher> =>
  defineReactor<WebhooksDispatcher>({
    name: options.name ?? WEBHOOKS_REACTOR,
    // The subscription events too: seen in log order, they keep the desk's directory current without a read per event.
    eventTypes: [...RECORD_EVENT_TYPES, NOTIFICATION_QUEUED, WEBHOOK_SUBSCRIBED, WEBHOOK_DELETED],
    startFrom: options.startFrom ?? 'start',
    react: (events$) =>
      events$.pipe(
        concatMap((event) => {
          desk.observe(event);
          return from(desk.deliveriesFor(event));
        }),
        mergeMap((deliveries) => deliveries),
        map((delivery) => ({
          intent: `schedule webhook delivery ${delivery.deliveryId} of ${delivery.event} ${delivery.source.stream}`,
          send: (dispatcher: WebhooksDispatcher, trace) => dispatcher.webhooks.schedule(delivery, { causationId: trace.causationId, correlationId: trace.correlationId }),
        })),
      ),
  });
