import { deriveId } from '@crm/command-handler';
import type { StoredEvent } from '@crm/event-store';
import type { CommandTrace } from '@crm/reactor-runtime';
import type { ScheduledDelivery } from './delivery.stream';
import type { SubscriptionDirectory } from './subscription-directory';
import { deliveryBody, webhookEventNameOf } from './webhook-payload';
import type { Webhooks } from './webhooks';

/** One delivery per (source event, subscription), whichever process or redelivery schedules it. */
export const deliveryIdFor = (source: StoredEvent, subscriptionId: string): string => deriveId(source.id, `webhook:${subscriptionId}`);

/**
 * Which deliveries an event makes: one per subscription in force at the event's place in the log that
 * names it, each a `WebhookDeliveryScheduled` in a delivery stream of its own — the durable outbox the
 * delivery worker sends from.
 */
export class WebhookDesk {
  constructor(private readonly parts: { readonly webhooks: Webhooks; readonly directory: SubscriptionDirectory }) {}

  /** The log as the webhooks reactor is shown it, in order: keeps the directory current without reads. */
  observe(event: StoredEvent): void {
    this.parts.directory.observe(event);
  }

  async deliveriesFor(source: StoredEvent): Promise<ScheduledDelivery[]> {
    const event = webhookEventNameOf(source);
    if (event === null) return [];
    const subscriptions = (await this.parts.directory.activeAt(source.position)).filter((entry) => entry.events.has(event));
    return subscriptions.map(({ subscriptionId }) => {
      const deliveryId = deliveryIdFor(source, subscriptionId);
      return {
        deliveryId,
        subscriptionId,
        event,
        source: { eventId: source.id, stream: source.stream, type: source.type },
        body: deliveryBody(source, { deliveryId, subscriptionId, event }),
      };
    });
  }

  /** Plans and schedules them, as the reactor does in two steps; how many subscriptions the event is for. */
  async scheduleFor(source: StoredEvent, trace: Pick<CommandTrace, 'causationId' | 'correlationId'>): Promise<number> {
    const deliveries = await this.deliveriesFor(source);
    for (const delivery of deliveries) await this.parts.webhooks.schedule(delivery, { causationId: trace.causationId, correlationId: trace.correlationId });
    return deliveries.length;
  }
}
