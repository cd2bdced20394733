import type { EventStore } from '@crm/event-store';
import type { PendingDeliveries, PendingDelivery } from '../webhooks/delivery-worker';
import { deliveryFold, type DeliveryState } from '../webhooks/delivery.stream';
import { DELIVERY_STREAM_PREFIX } from '../webhooks/webhook.events';

const byDueTime = (a: PendingDelivery, b: PendingDelivery): number =>
  a.nextAttemptAt === b.nextAttemptAt ? (a.deliveryId < b.deliveryId ? -1 : 1) : a.nextAttemptAt < b.nextAttemptAt ? -1 : 1;

/**
 * The pending deliveries as the delivery streams say, read from the log at each `refresh()`: what the
 * webhooks read model answers in the app, without a projection (the library's tests have none).
 */
export class PendingDeliveriesInLog implements PendingDeliveries {
  private pending: PendingDelivery[] = [];

  constructor(private readonly store: EventStore) {}

  async refresh(): Promise<void> {
    const states = new Map<string, DeliveryState>();
    const events = await this.store.readAll({ from: 'start', filter: { streamPrefixes: [DELIVERY_STREAM_PREFIX] }, maxCount: 100_000 });
    for (const event of events) states.set(event.stream, deliveryFold.evolve(states.get(event.stream) ?? deliveryFold.initialState(event.stream), [event]));
    this.pending = [...states.values()]
      .filter((state) => state.status === 'pending' && state.nextAttemptAt !== null)
      .map((state) => ({ deliveryId: state.deliveryId, nextAttemptAt: String(state.nextAttemptAt) }))
      .sort(byDueTime);
  }

  due(at: string, limit: number, cursor?: PendingDelivery): PendingDelivery[] {
    return this.pending.filter((delivery) => delivery.nextAttemptAt <= at && (cursor === undefined || byDueTime(delivery, cursor) > 0)).slice(0, limit);
  }

  nextDueAfter(at: string): string | null {
    return this.pending.find((delivery) => delivery.nextAttemptAt > at)?.nextAttemptAt ?? null;
  }

  backlog(at: string): { readonly due: number; readonly oldestDueAt: string | null } {
    const due = this.due(at, Number.MAX_SAFE_INTEGER);
    return { due: due.length, oldestDueAt: due[0]?.nextAttemptAt ?? null };
  }
}
