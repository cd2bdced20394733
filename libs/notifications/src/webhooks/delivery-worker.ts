import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '@crm/clock';
import { backoffDelay, checkBackoffPolicy, type BackoffPolicy } from '@crm/event-store';
import { classifyFailure, type DispatchFailure } from '@crm/reactor-runtime';
import { NotificationsException, NotificationsExceptionCode } from '../notifications.exception';
import { postWebhook, type SendWebhook } from './webhook-sender';
import type { Webhooks } from './webhooks';

/** A delivery whose next attempt is due at `nextAttemptAt`, as the webhooks read model lists it. */
export interface PendingDelivery {
  readonly deliveryId: string;
  readonly nextAttemptAt: string;
}

/** Where the worker learns what is due: the webhooks read model (`pendingDeliveriesIn` of `@crm/projections`). */
export interface PendingDeliveries {
  /** Due at `at` or before, in due order (due time, then delivery id), at most `limit`, after `cursor`. */
  due(at: string, limit: number, cursor?: PendingDelivery): readonly PendingDelivery[];
  nextDueAfter(at: string): string | null;
  backlog(at: string): { readonly due: number; readonly oldestDueAt: string | null };
}

export type DeliveryNotice =
  | { readonly kind: 'dead-lettered'; readonly deliveryId: string }
  | { readonly kind: 'retrying'; readonly reason: string; readonly delayMs: number };

export interface DeliveryWorkerOptions {
  readonly webhooks: Webhooks;
  readonly deliveries: PendingDeliveries;
  readonly clock: Clock;
  /** Default: an HTTP POST with the delivery's headers (`postWebhook`). */
  readonly send?: SendWebhook;
  /** Names this process in the attempts it claims; default `<host>:<pid>:<random>`. */
  readonly holder?: string;
  /** Deliveries sent at once; default 16. */
  readonly concurrency?: number;
  /** Due deliveries read per query; default 1,000. */
  readonly pageSize?: number;
  /** The longest wait between looks at the read model (wall time); default 1,000 ms. */
  readonly pollIntervalMs?: number;
  /** Waits after the store or the read model failed; default 100 ms doubling to 5 s. */
  readonly retry?: BackoffPolicy;
  readonly onNotice?: (notice: DeliveryNotice) => void;
}

export type DeliveryWorkerState = 'stopped' | 'running' | 'retrying' | 'manual';

/** One pass over the deliveries due at its start. */
export interface DeliveryRun {
  readonly at: string;
  readonly delivered: number;
  /** Attempts that failed and will be tried again. */
  readonly failed: number;
  /** Attempts that failed as the last of their series. */
  readonly deadLettered: number;
  /** Deliveries of a deleted subscription, not sent. */
  readonly cancelled: number;
  /** Listed as due, but not (yet) due by their own stream, or being sent by another process. */
  readonly skipped: number;
  /** The first failure of the store or the loop worth another try; null if none. */
  readonly failure: DispatchFailure | null;
}

export interface DeliveryWorkerStatus {
  readonly state: DeliveryWorkerState;
  /** Deliveries due now as the read model has them; null when it cannot answer. */
  readonly due: number | null;
  readonly oldestDueAt: string | null;
  readonly delivered: number;
  readonly failed: number;
  readonly deadLettered: number;
  readonly lastError: string | null;
}

type Outcome = 'delivered' | 'failed' | 'deadLettered' | 'cancelled' | 'skipped';

/** A claim outlives the request's timeout, so a slow answer is never sent again by another process. */
const CLAIM_MARGIN_MS = 5_000;
const DEFAULT_RETRY: BackoffPolicy = { initialMs: 100, maxMs: 5_000 };

const positive = (name: string, value: number): number => {
  if (!Number.isFinite(value) || value <= 0) {
    throw new NotificationsException(NotificationsExceptionCode.INVALID_OPTIONS, `webhook delivery: ${name} must be positive, not ${value}`, { [name]: value });
  }
  return value;
};

/**
 * Sends due webhook deliveries (README, Notifications and webhooks), like the timer scheduler fires due
 * timers: the read model says which are due, each delivery's own stream decides. Before a POST the
 * attempt is claimed on that stream, so with several API processes each attempt is sent by one; its
 * outcome is recorded once, then the next attempt is due after the backoff, or the delivery is
 * dead-lettered. A process that dies mid-attempt leaves a claim that lapses, and the attempt is sent
 * again by whoever comes next: delivery is at least once, and `X-CRM-Delivery` lets receivers see a repeat.
 */
export class WebhookDeliveryWorker {
  readonly holder: string;
  private state: DeliveryWorkerState = 'stopped';
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private readonly totals = { delivered: 0, failed: 0, deadLettered: 0 };
  private lastError: string | null = null;
  private readonly send: SendWebhook;
  private readonly concurrency: number;
  private readonly pageSize: number;
  private readonly pollIntervalMs: number;
  private readonly retry: BackoffPolicy;

  constructor(private readonly options: DeliveryWorkerOptions) {
    this.holder = options.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.send = options.send ?? postWebhook;
    this.concurrency = positive('concurrency', options.concurrency ?? 16);
    this.pageSize = positive('pageSize', options.pageSize ?? 1_000);
    this.pollIntervalMs = positive('pollIntervalMs', options.pollIntervalMs ?? 1_000);
    this.retry = checkBackoffPolicy(options.retry ?? DEFAULT_RETRY);
  }

  /** Sends every delivery due now; resolves when each was answered, failed, or left for later. */
  runDue(): Promise<DeliveryRun> {
    const run = this.running.then(() => this.sendDue());
    this.running = run.catch(() => undefined);
    return run;
  }

  start(): void {
    if (this.loop !== null) return;
    this.stopping = false;
    this.state = 'running';
    this.loop = this.follow();
  }

  /** Without a loop: the clock's owner calls `runDue()` (a test's manual clock). */
  manual(): void {
    if (this.loop === null) this.state = 'manual';
  }

  /** Ends the loop after the attempts under way; each attempt's outcome is recorded before it returns. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    await this.running;
    this.loop = null;
    this.state = 'stopped';
  }

  status(): DeliveryWorkerStatus {
    const counts = { state: this.state, ...this.totals };
    try {
      return { ...counts, ...this.options.deliveries.backlog(this.now()), lastError: this.lastError };
    } catch (error) {
      return { ...counts, due: null, oldestDueAt: null, lastError: classifyFailure(error).message };
    }
  }

  private async follow(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      let delayMs: number;
      try {
        const run = await this.runDue();
        if (run.failure === null) {
          failures = 0;
          this.state = 'running';
          delayMs = this.untilNextDue(run.at);
        } else {
          delayMs = this.backOff(run.failure.message, failures);
          failures += 1;
        }
      } catch (error) {
        // The read model could not be asked (not built yet, locked, unreadable).
        delayMs = this.backOff(classifyFailure(error).message, failures);
        failures += 1;
      }
      await this.sleep(delayMs);
    }
  }

  private backOff(reason: string, failures: number): number {
    const delayMs = backoffDelay(this.retry, failures);
    this.lastError = reason;
    this.state = 'retrying';
    this.options.onNotice?.({ kind: 'retrying', reason, delayMs });
    return delayMs;
  }

  private untilNextDue(after: string): number {
    const next = this.options.deliveries.nextDueAfter(after);
    const untilThen = next === null ? Number.POSITIVE_INFINITY : Date.parse(next) - this.options.clock.now().getTime();
    return Math.max(0, Math.min(this.pollIntervalMs, untilThen));
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }

  private async sendDue(): Promise<DeliveryRun> {
    const at = this.now();
    const tally: Record<Outcome, number> = { delivered: 0, failed: 0, deadLettered: 0, cancelled: 0, skipped: 0 };
    let failure: DispatchFailure | null = null;
    let cursor: { readonly deliveryId: string; readonly nextAttemptAt: string } | undefined;
    while (!this.stopping) {
      const page = this.options.deliveries.due(at, this.pageSize, cursor);
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < page.length && !this.stopping) {
          const delivery = page[next];
          next += 1;
          if (delivery === undefined) continue;
          try {
            tally[await this.attempt(delivery.deliveryId)] += 1;
          } catch (error) {
            failure ??= classifyFailure(error);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, Math.min(this.concurrency, page.length)) }, worker));
      const last = page[page.length - 1];
      if (last === undefined || page.length < this.pageSize) break;
      cursor = last;
    }
    this.totals.delivered += tally.delivered;
    this.totals.failed += tally.failed;
    this.totals.deadLettered += tally.deadLettered;
    if (failure === null) this.lastError = null;
    return { at, ...tally, failure };
  }

  /** One delivery: judged on its own stream, claimed, sent, and its outcome recorded. */
  private async attempt(deliveryId: string): Promise<Outcome> {
    const { webhooks, clock } = this.options;
    const delivery = await webhooks.delivery(deliveryId);
    if (delivery.status !== 'pending' || delivery.subscriptionId === null || delivery.body === null || delivery.event === null) return 'skipped';
    if (delivery.nextAttemptAt === null || Date.parse(delivery.nextAttemptAt) > clock.now().getTime()) return 'skipped';
    const subscription = await webhooks.subscription(delivery.subscriptionId);
    if (subscription.status !== 'active') {
      await webhooks.cancel(deliveryId);
      return 'cancelled';
    }
    const { timeoutMs } = webhooks.policy;
    const claim = await webhooks.claim(deliveryId, this.holder, timeoutMs + CLAIM_MARGIN_MS);
    if (claim === null) return 'skipped';
    const result = await this.send({ url: subscription.url, secret: subscription.secret, deliveryId, event: delivery.event, body: delivery.body, attempt: claim.attempt, timeoutMs });
    const after = await webhooks.recordOutcome(deliveryId, claim.attempt, result);
    if (after.status === 'delivered') return 'delivered';
    if (after.status === 'dead') {
      this.options.onNotice?.({ kind: 'dead-lettered', deliveryId });
      return 'deadLettered';
    }
    return 'failed';
  }

  private now(): string {
    return this.options.clock.now().toISOString();
  }
}
