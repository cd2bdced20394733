import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '@crm/clock';
import { backoffDelay, type BackoffPolicy, type EventStore } from '@crm/event-store';
import type { UserDirectory } from '@crm/identity';
import { reactorStream, ReactorRuntime, type ReactorRuntimeOptions, type ReactorStateChange, type ReactorStatus } from '@crm/reactor-runtime';
import { Inboxes } from './inbox/inboxes';
import { NotificationsException, NotificationsExceptionCode } from './notifications.exception';
import { NotificationDesk } from './reactors/notification-desk';
import { notificationsReactor, type NotificationsDispatcher } from './reactors/notifications.reactor';
import { webhooksReactor, type WebhooksDispatcher } from './reactors/webhooks.reactor';
import { NOTIFICATIONS_REACTOR, WEBHOOKS_REACTOR } from './system-actors';
import type { DeliveryPolicy } from './webhooks/delivery-policy';
import { WebhookDeliveryWorker, type DeliveryNotice, type DeliveryRun, type PendingDeliveries } from './webhooks/delivery-worker';
import { SubscriptionDirectory } from './webhooks/subscription-directory';
import { WebhookDesk } from './webhooks/webhook-desk';
import type { SendWebhook } from './webhooks/webhook-sender';
import { Webhooks } from './webhooks/webhooks';

export type OutboxDispatcher = NotificationsDispatcher & WebhooksDispatcher;

/**
 * `loop`: the reactors follow the log and the delivery worker sends as deliveries fall due, in the
 * background. `manual`: nothing runs until the host asks (`runReactors()`, `runDue()`): with an injected
 * clock the host drives the automation, so what it sees between two of its requests is what they did.
 */
export type OutboxMode = 'loop' | 'manual';

export interface NotificationOutboxOptions {
  readonly store: EventStore;
  readonly clock: Clock;
  /** The users file as it is now. */
  readonly users: () => UserDirectory;
  /** What is due, from the webhooks read model. */
  readonly deliveries: PendingDeliveries;
  /** Default `loop`. */
  readonly mode?: OutboxMode;
  readonly policy?: DeliveryPolicy;
  readonly send?: SendWebhook;
  /** Names this process in reactor leases and delivery claims. */
  readonly holder?: string;
  /** The delivery worker's longest wait between looks at the read model; default 1 s. */
  readonly pollIntervalMs?: number;
  readonly reactors?: Pick<ReactorRuntimeOptions<OutboxDispatcher>, 'leaseMs' | 'standbyPollMs' | 'retry'>;
  readonly onReactorStateChange?: (change: ReactorStateChange) => void;
  readonly onDeliveryNotice?: (notice: DeliveryNotice) => void;
}

/** How long `start` waits for each reactor's first checkpoint (someone's, in any process) to be stored. */
const PLACEMENT_TIMEOUT_MS = 10_000;
/** How long `runReactors` waits for the reactors to follow the log to its end. */
const CATCH_UP_TIMEOUT_MS = 30_000;
/** A reactor whose pipeline could not read the store is started again after these waits. */
const PIPELINE_RETRY: BackoffPolicy = { initialMs: 100, maxMs: 30_000 };

const REACTORS = [NOTIFICATIONS_REACTOR, WEBHOOKS_REACTOR] as const;

/** Followed to the end of the log: active with nothing left, or standing by for a holder that has nothing left, or idle. */
const caughtUp = (status: ReactorStatus): boolean =>
  (status.state === 'active' && status.lag === 0) || status.state === 'idle' || (status.state === 'standby' && !status.waitingForLease);

/**
 * The notification outbox as one unit (README, Notifications and webhooks): the inboxes and webhooks
 * (command side), the `notifications` and `webhooks` reactors, and the delivery worker. Every API
 * process runs one; the reactors' leases and the delivery claims make each notification and each
 * delivery attempt happen once.
 */
export class NotificationOutbox {
  readonly inboxes: Inboxes;
  readonly webhooks: Webhooks;
  readonly reactors: ReactorRuntime<OutboxDispatcher>;
  readonly deliveries: WebhookDeliveryWorker;
  readonly mode: OutboxMode;
  private stopping = false;
  private readonly pipelineFailures = new Map<string, number>();
  private readonly retries = new Set<NodeJS.Timeout>();

  constructor(private readonly options: NotificationOutboxOptions) {
    const { store, clock } = options;
    this.mode = options.mode ?? 'loop';
    this.inboxes = new Inboxes(store, clock);
    this.webhooks = new Webhooks({ store, clock, policy: options.policy });
    const notifications = new NotificationDesk({ store, inboxes: this.inboxes, users: options.users });
    const webhooks = new WebhookDesk({ webhooks: this.webhooks, directory: new SubscriptionDirectory(store) });
    this.reactors = new ReactorRuntime<OutboxDispatcher>({
      store,
      clock,
      dispatcher: { inboxes: this.inboxes, webhooks: this.webhooks },
      // Manual runs start when the host first asks, after its first requests: from the start, nothing is missed.
      reactors: [notificationsReactor(notifications, { startFrom: this.mode === 'manual' ? 'start' : 'end' }), webhooksReactor(webhooks)],
      ...(options.holder === undefined ? {} : { holder: options.holder }),
      ...options.reactors,
      onStateChange: (change) => this.reactorStateChanged(change),
    });
    this.deliveries = new WebhookDeliveryWorker({
      webhooks: this.webhooks,
      deliveries: options.deliveries,
      clock,
      holder: this.reactors.holder,
      send: options.send,
      pollIntervalMs: options.pollIntervalMs,
      onNotice: options.onDeliveryNotice,
    });
  }

  /**
   * `loop`: starts the reactors, waits until each has a place in the log (the notifications reactor
   * starts at the end of the log as it is when first run: events stored before that are not notified),
   * then the delivery loop (unless `deliveryLoop: false`: then `deliveries.runDue()` sends). `manual`:
   * starts nothing.
   */
  async start(options: { readonly deliveryLoop?: boolean } = {}): Promise<void> {
    this.stopping = false;
    if (this.mode === 'manual') {
      this.deliveries.manual();
      return;
    }
    await this.reactors.start();
    await this.untilPlaced();
    if (options.deliveryLoop === false) this.deliveries.manual();
    else this.deliveries.start();
  }

  /** Manual mode: the reactors follow the log to its end as it is now (other processes' turns included), then stop. */
  async runReactors(): Promise<void> {
    if (this.mode !== 'manual') return;
    await this.reactors.start();
    try {
      await this.untilFollowed();
    } finally {
      await this.reactors.stop();
    }
  }

  /**
   * Resolves once every reactor has followed the log to its end (here, or in the process holding its
   * lease): what the requests so far caused is stored. Loop mode, for hosts that must see it settle.
   */
  async untilFollowed(timeoutMs = CATCH_UP_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const statuses = await this.reactors.status();
      if (statuses.every(caughtUp)) return;
      if (Date.now() > deadline) {
        throw new NotificationsException(NotificationsExceptionCode.REACTORS_BEHIND, `the reactors did not follow the log to its end within ${timeoutMs} ms`, {
          reactors: statuses.map(({ reactor, state, lag, lastError }) => ({ reactor, state, lag, lastError })),
        });
      }
      await sleep(5);
    }
  }

  /** Manual mode: the reactors' turn, then every delivery due now. */
  async runDue(): Promise<DeliveryRun> {
    await this.runReactors();
    return this.deliveries.runDue();
  }

  /** The delivery loop after its attempts under way, then the reactors after their batches. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const retry of this.retries) clearTimeout(retry);
    this.retries.clear();
    await this.deliveries.stop();
    await this.reactors.stop();
  }

  /**
   * A pipeline reads the store (the record as of its event, the subscriptions): when that fails, the
   * runtime stops the reactor at its checkpoint; the outbox starts it again after a wait, as the runtime
   * does itself after an outage of its own reads (README, Reactors: failures).
   */
  private reactorStateChanged(change: ReactorStateChange): void {
    this.options.onReactorStateChange?.(change);
    if (change.state === 'active') this.pipelineFailures.delete(change.reactor);
    if (change.state !== 'failed' || this.stopping || this.mode === 'manual' || !(change.error ?? '').startsWith('PIPELINE_FAILED')) return;
    const failures = this.pipelineFailures.get(change.reactor) ?? 0;
    this.pipelineFailures.set(change.reactor, failures + 1);
    const retry = setTimeout(() => {
      this.retries.delete(retry);
      if (!this.stopping) this.reactors.retry(change.reactor).catch(() => undefined);
    }, backoffDelay(PIPELINE_RETRY, failures));
    this.retries.add(retry);
  }

  private async untilPlaced(): Promise<void> {
    const deadline = Date.now() + PLACEMENT_TIMEOUT_MS;
    for (const name of REACTORS) {
      // The first append to a reactor's stream fixes where it starts; a stream with an event has one.
      while ((await this.options.store.readStream(reactorStream(name), { maxCount: 1 })).length === 0) {
        if (Date.now() > deadline) return;
        await sleep(5);
      }
    }
  }
}
