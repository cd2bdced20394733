/** Fixed by default so `npm test` is repeatable; any failure it finds is real, not a lucky draw. */
const DEFAULT_SEED = 20_261_123;

/**
 * The seed of a randomized reliability test: `RELIABILITY_SEED=<n>` replays a run, `RELIABILITY_SEED=random`
 * explores new cases (do that before a release, and whenever the code under test changed a lot).
 * Printed on one line either way, so any failing run can be reproduced.
 */
export const reliabilitySeed = (test: string): number => {
  const fromEnv = process.env['RELIABILITY_SEED'];
  const seed =
    fromEnv === 'random' ? Math.floor(Math.random() * 2 ** 31) : fromEnv && /^\d+$/.test(fromEnv) ? Number(fromEnv) : DEFAULT_SEED;
  process.stdout.write(`[${test}] seed ${seed} (replay with RELIABILITY_SEED=${seed}; explore with RELIABILITY_SEED=random)\n`);
  return seed;
};

/** mulberry32: a small seeded generator of integers below `below`, so a failing run is replayed with its seed. */
export const seededRandom = (seed: number): ((below: number) => number) => {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * below);
  };
};
