import { backoffDelay, checkBackoffPolicy } from './resubscribe-backoff';

describe('backoffDelay', () => {
  it('given consecutive failures, then the wait doubles from the initial delay and stops at the bound', () => {
    const policy = { initialMs: 100, maxMs: 1_000 };

    expect([0, 1, 2, 3, 4, 50, 5_000].map((failures) => backoffDelay(policy, failures))).toEqual([100, 200, 400, 800, 1_000, 1_000, 1_000]);
  });

  it.each([
    [{ initialMs: 0, maxMs: 10 }],
    [{ initialMs: 20, maxMs: 10 }],
    [{ initialMs: Number.NaN, maxMs: 10 }],
  ])('given %j, then the policy is refused', (policy) => {
    expect(() => checkBackoffPolicy(policy)).toThrow(RangeError);
  });
});
