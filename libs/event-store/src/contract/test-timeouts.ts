/**
 * Wall-time limits in tests are safety nets that turn a hang into a failure naming what was missing; a
 * test passes by seeing the event or state it waits for, never by a limit being tight. A loaded machine
 * runs everything slower, so every net is one base figure times one factor, JEST_TIMEOUT_SCALE.
 * `jest.preset.js` resolves it (as given, else 2 under CI, else 1) before Jest starts its workers, and
 * sets Jest's default per-test timeout from the same factor (30 s × scale).
 */
export const timeoutScaleFrom = (environment: NodeJS.ProcessEnv): number => {
  const given = environment['JEST_TIMEOUT_SCALE'];
  if (given === undefined || given.trim() === '') return 1;
  const scale = Number(given);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`JEST_TIMEOUT_SCALE must be a positive number, not "${given}"`);
  return scale;
};

export const timeoutScale = timeoutScaleFrom(process.env);

export const scaledTimeout = (baseMs: number): number => Math.round(baseMs * timeoutScale);

/**
 * How long a probe (`eventually`, `SubscriptionReader.take`) waits by default. Below Jest's default
 * per-test timeout (30 s × scale), so a probe that gives up reports how far it got instead of Jest
 * reporting only that the test ran out of time.
 */
export const PROBE_TIMEOUT_MS = scaledTimeout(20_000);

/** Per-test limit for tests that move thousands of events or wait through an outage. */
export const SLOW_TEST_TIMEOUT_MS = scaledTimeout(120_000);

/**
 * For a timer whose firing would hide the behaviour under test (a poll that would find what a wake-up
 * should have delivered, a backoff that `close()` should cut short): longer than any scaled test may run,
 * so a broken wake-up fails the test instead of passing late. A day, well under setTimeout's ~24.8-day cap.
 */
export const NEVER_DURING_A_TEST_MS = 24 * 60 * 60 * 1_000;
