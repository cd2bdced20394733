import { BENCH_CASES } from './case-catalog';

export interface BenchOptions {
  readonly quick: boolean;
  /** Write V8 CPU profiles of each measured process and print where the time goes. */
  readonly profile: boolean;
  readonly seed: number;
  /** Case names to run; every case when empty. */
  readonly only: readonly string[];
}

export const BENCH_USAGE = `usage: npm run bench -- [--quick] [--profile] [--seed=<n>] [--only=<case>,<case>]
  --quick     short run (a few minutes): shorter HTTP runs, fewer load rounds, a 100,000-event history for replay/as-of (1,000,000 in full)
  --profile   CPU-profile each measured process (bench/results/profiles/) and list the hottest functions
  --seed      seed of the generated histories (default 20261123)
  --only      run some cases: ${BENCH_CASES.map((benchCase) => benchCase.name).join(', ')}`;

export const DEFAULT_SEED = 20_261_123;

export const parseBenchOptions = (args: readonly string[]): BenchOptions => {
  let quick = false;
  let profile = false;
  let seed = DEFAULT_SEED;
  let only: string[] = [];
  for (const arg of args) {
    const [flag, value] = arg.split('=', 2);
    if (flag === '--quick') quick = true;
    else if (flag === '--profile') profile = true;
    else if (flag === '--seed' && value !== undefined && /^\d+$/.test(value)) seed = Number(value);
    else if (flag === '--only' && value) only = value.split(',');
    else throw new RangeError(`unknown option "${arg}"\n${BENCH_USAGE}`);
  }
  const unknown = only.filter((name) => !BENCH_CASES.some((benchCase) => benchCase.name === name));
  if (unknown.length > 0) throw new RangeError(`unknown case ${unknown.join(', ')}\n${BENCH_USAGE}`);
  return { quick, profile, seed, only };
};

/** The command that runs the bench with these arguments, as a reader would type it. */
export const benchCommand = (args: readonly string[]): string => (args.length === 0 ? 'npm run bench' : `npm run bench -- ${args.join(' ')}`);
