/** How long a dropped subscription waits before resubscribing: doubling from `initialMs`, never above `maxMs`. */
export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
}

export const defaultResubscribeBackoff: BackoffPolicy = { initialMs: 100, maxMs: 5_000 };

/** The wait before the next attempt after `failures` consecutive failed ones (0 for the first retry). */
export const backoffDelay = (policy: BackoffPolicy, failures: number): number =>
  Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(failures, 30));

export const checkBackoffPolicy = (policy: BackoffPolicy): BackoffPolicy => {
  if (!Number.isFinite(policy.initialMs) || policy.initialMs <= 0 || !Number.isFinite(policy.maxMs) || policy.maxMs < policy.initialMs) {
    throw new RangeError(`a backoff needs 0 < initialMs ≤ maxMs, not ${policy.initialMs} and ${policy.maxMs}`);
  }
  return policy;
};
