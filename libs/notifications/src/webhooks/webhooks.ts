import type { Clock } from '@crm/clock';
import { deriveId, newCommandId, StreamCommandHandler, type DecidedEvent } from '@crm/command-handler';
import type { EventStore, JsonObject, Position } from '@crm/event-store';
import type { Acting } from '../acting';
import { NotificationsException, NotificationsExceptionCode } from '../notifications.exception';
import { actorMetadata, DELIVERY_ACTOR, WEBHOOKS_ACTOR, type CommandCause } from '../system-actors';
import { checkDeliveryPolicy, DEFAULT_DELIVERY_POLICY, type DeliveryPolicy } from './delivery-policy';
import { decideCancel, decideClaim, decideOutcome, decideReplay, decideSchedule, deliveryFold, type AttemptResult, type DeliveryState, type ScheduledDelivery } from './delivery.stream';
import { newWebhookSecret } from './signature';
import { decideDelete, decideSubscribe, subscriptionFold, type SubscriptionState } from './subscription.stream';
import { webhookEventProblems, webhookUrlProblems } from './subscription-rules';
import { deliveryStream, subscriptionStream } from './webhook.events';

export interface SubscriptionRequest {
  readonly url: string;
  readonly events: readonly string[];
  readonly description?: string;
}

/** A subscription as it may be shown: everything but its secret. */
export interface WebhookSubscription {
  readonly subscriptionId: string;
  readonly url: string;
  readonly events: readonly string[];
  readonly description: string | null;
  readonly createdBy: string;
  readonly createdAt: string | null;
  readonly status: 'active' | 'deleted';
  readonly deletedAt: string | null;
}

export interface WebhooksOptions {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly policy?: DeliveryPolicy;
}

const shown = (state: SubscriptionState): WebhookSubscription => ({
  subscriptionId: state.subscriptionId,
  url: state.url,
  events: [...state.events],
  description: state.description,
  createdBy: state.createdBy,
  createdAt: state.createdAt,
  status: state.status === 'deleted' ? 'deleted' : 'active',
  deletedAt: state.deletedAt,
});

const asDecided = (events: readonly { readonly type: string; readonly data: object }[]): DecidedEvent[] =>
  // The decisions build their data from JSON values only; the loop stores it as such.
  events.map((event) => ({ type: event.type, data: event.data as JsonObject }));

const noAccessRule = (): void => undefined;

/**
 * Webhook subscriptions (`_webhook-subscription-<id>`) and deliveries (`_webhook-delivery-<id>`) through
 * the generic command loop (README, Notifications and webhooks): admins manage subscriptions, judged
 * inside the stream's lock; the reactor schedules, the delivery worker claims and records attempts, each
 * decided on the delivery's own stream, so two processes never record one attempt twice.
 */
export class Webhooks {
  readonly policy: DeliveryPolicy;
  private readonly subscriptions: StreamCommandHandler<SubscriptionState>;
  private readonly deliveries: StreamCommandHandler<DeliveryState>;

  constructor(private readonly options: WebhooksOptions) {
    this.policy = checkDeliveryPolicy(options.policy ?? DEFAULT_DELIVERY_POLICY);
    this.subscriptions = new StreamCommandHandler(options.store, subscriptionFold, { clock: options.clock });
    this.deliveries = new StreamCommandHandler(options.store, deliveryFold, { clock: options.clock });
  }

  async subscribe(request: SubscriptionRequest, by: Acting): Promise<{ readonly subscription: WebhookSubscription; readonly secret: string; readonly position: Position | null }> {
    const problems = [...webhookUrlProblems(request.url), ...webhookEventProblems(request.events)];
    if (problems.length > 0) {
      throw new NotificationsException(NotificationsExceptionCode.INVALID_WEBHOOK, `the subscription cannot be kept: ${problems.join('; ')}`, { problems });
    }
    const subscriptionId = newCommandId(this.options.clock);
    const secret = newWebhookSecret();
    const outcome = await this.subscriptions.handle({
      stream: subscriptionStream(subscriptionId),
      commandId: subscriptionId,
      authorize: () => by.authorize(),
      authorizeReplay: () => by.authorize(),
      decide: (state) =>
        asDecided(
          decideSubscribe(state, { subscriptionId, url: request.url, events: [...request.events], secret, description: request.description ?? null, createdBy: by.actor.id }),
        ),
      metadata: () => actorMetadata(by.actor),
    });
    return { subscription: shown(outcome.state), secret, position: outcome.position };
  }

  async delete(subscriptionId: string, by: Acting): Promise<{ readonly subscription: WebhookSubscription; readonly position: Position | null }> {
    const outcome = await this.subscriptions.handle({
      stream: subscriptionStream(subscriptionId),
      commandId: newCommandId(this.options.clock),
      authorize: () => by.authorize(),
      authorizeReplay: () => by.authorize(),
      decide: (state) => asDecided(decideDelete(state, by.actor.id)),
      metadata: () => actorMetadata(by.actor),
    });
    return { subscription: shown(outcome.state), position: outcome.position };
  }

  /** The subscription with its secret, as the delivery worker signs with it; read from its stream. */
  async subscription(subscriptionId: string): Promise<SubscriptionState> {
    return (await this.subscriptions.state(subscriptionStream(subscriptionId))).state;
  }

  async delivery(deliveryId: string): Promise<DeliveryState> {
    return (await this.deliveries.state(deliveryStream(deliveryId), { fresh: true })).state;
  }

  async schedule(delivery: ScheduledDelivery, cause: CommandCause): Promise<{ readonly scheduled: boolean }> {
    const outcome = await this.deliveries.handle({
      stream: deliveryStream(delivery.deliveryId),
      commandId: deriveId(delivery.deliveryId, 'schedule'),
      authorize: noAccessRule,
      authorizeReplay: noAccessRule,
      decide: (state, now) => asDecided(decideSchedule(state, delivery, now)),
      metadata: () => actorMetadata(WEBHOOKS_ACTOR, cause),
    });
    return { scheduled: !outcome.replayed && outcome.events.length > 0 };
  }

  /** The attempt this holder may now send, or null: not due, delivered, or another process is sending it. */
  async claim(deliveryId: string, holder: string, claimMs: number): Promise<{ readonly attempt: number } | null> {
    const outcome = await this.deliveries.handle({
      stream: deliveryStream(deliveryId),
      commandId: newCommandId(this.options.clock),
      authorize: noAccessRule,
      authorizeReplay: noAccessRule,
      decide: (state, now) => asDecided(decideClaim(state, holder, now, claimMs)),
      metadata: () => actorMetadata(DELIVERY_ACTOR),
    });
    const [started] = outcome.events;
    return started === undefined ? null : { attempt: Number(started.data['attempt']) };
  }

  /** The first outcome of an attempt stands: its command id is the attempt's, whoever sent it. */
  async recordOutcome(deliveryId: string, attempt: number, result: AttemptResult): Promise<DeliveryState> {
    const outcome = await this.deliveries.handle({
      stream: deliveryStream(deliveryId),
      commandId: deriveId(deliveryId, `attempt:${attempt}`),
      authorize: noAccessRule,
      authorizeReplay: noAccessRule,
      decide: (state, now) => asDecided(decideOutcome(state, attempt, result, now, this.policy)),
      metadata: () => actorMetadata(DELIVERY_ACTOR),
    });
    return outcome.state;
  }

  async replay(deliveryId: string, by: Acting): Promise<{ readonly delivery: DeliveryState; readonly position: Position | null }> {
    const outcome = await this.deliveries.handle({
      stream: deliveryStream(deliveryId),
      commandId: newCommandId(this.options.clock),
      authorize: () => by.authorize(),
      authorizeReplay: () => by.authorize(),
      decide: (state, now) => asDecided(decideReplay(state, by.actor.id, now)),
      metadata: () => actorMetadata(by.actor),
    });
    return { delivery: outcome.state, position: outcome.position };
  }

  /** A pending delivery of a deleted subscription is not tried again. */
  async cancel(deliveryId: string): Promise<DeliveryState> {
    const outcome = await this.deliveries.handle({
      stream: deliveryStream(deliveryId),
      commandId: deriveId(deliveryId, 'cancel'),
      authorize: noAccessRule,
      authorizeReplay: noAccessRule,
      decide: (state) => asDecided(decideCancel(state)),
      metadata: () => actorMetadata(DELIVERY_ACTOR),
    });
    return outcome.state;
  }
}
