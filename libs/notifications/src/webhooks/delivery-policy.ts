import type { BackoffPolicy } from '@crm/event-store';
import { NotificationsException, NotificationsExceptionCode } from '../notifications.exception';

/** How deliveries are tried (README, Notifications and webhooks). */
export interface DeliveryPolicy {
  /** Attempts of one series (a delivery's first, or each replay) before it is dead-lettered. */
  readonly maxAttempts: number;
  /** The wait after the n-th failed attempt of a series: `initialMs · 2^(n-1)`, at most `maxMs`. */
  readonly backoff: BackoffPolicy;
  /** How long one POST may take before it counts as failed. */
  readonly timeoutMs: number;
}

/**
 * 11 attempts, 1 s doubling: the last comes 1023 s (17 min 3 s) after the first, so a receiver that is
 * down for a minute — or a quarter of an hour — loses nothing.
 */
export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { maxAttempts: 11, backoff: { initialMs: 1_000, maxMs: 600_000 }, timeoutMs: 10_000 };

export const retryDelayMs = (policy: DeliveryPolicy, failedAttempts: number): number =>
  Math.min(policy.backoff.maxMs, policy.backoff.initialMs * 2 ** Math.min(Math.max(failedAttempts - 1, 0), 40));

const invalid = (problem: string): NotificationsException => new NotificationsException(NotificationsExceptionCode.INVALID_OPTIONS, `webhook delivery: ${problem}`, {});

export const checkDeliveryPolicy = (policy: DeliveryPolicy): DeliveryPolicy => {
  if (!Number.isSafeInteger(policy.maxAttempts) || policy.maxAttempts < 1) throw invalid(`maxAttempts must be a whole number ≥ 1, not ${policy.maxAttempts}`);
  if (!(policy.backoff.initialMs > 0) || !(policy.backoff.maxMs >= policy.backoff.initialMs)) {
    throw invalid(`the backoff needs 0 < initialMs ≤ maxMs, not ${policy.backoff.initialMs} and ${policy.backoff.maxMs}`);
  }
  if (!(policy.timeoutMs > 0)) throw invalid(`timeoutMs must be positive, not ${policy.timeoutMs}`);
  return policy;
};
