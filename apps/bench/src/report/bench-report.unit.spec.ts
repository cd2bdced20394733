import type { CaseResult, MeasuredCase } from '../case-result';
import { checkGoals, compareCases } from './bench-report';

const measured = (id: string, rate: number, details: MeasuredCase['details'] = {}, p99 = 1): MeasuredCase => ({
  status: 'measured',
  id,
  title: id,
  rate: { value: rate, unit: '/s' },
  latencyMs: { count: 1, p50: p99, p90: p99, p99, max: p99, mean: p99 },
  peakRssMiB: 100,
  details,
});

const ratioOf = (cases: readonly CaseResult[], caseId: string, referenceId: string): number | null | undefined =>
  compareCases(cases).find((comparison) => comparison.caseId === caseId && comparison.referenceId === referenceId)?.ratio;

describe('bench report: ratios against references of the same run, and goals', () => {
  it('given the engine at 18,000 commands/s, one transaction per command at 900 and raw inserts at 54,000 rows/s, when compared, then the ratios are 20 and 0.5 and both engine goals pass', () => {
    const cases = [measured('engine', 18_000, { eventsPerCommand: 1.5 }), measured('engine.one-transaction-per-command', 900), measured('engine.raw-sqlite', 54_000)];
    const comparisons = compareCases(cases);

    expect(ratioOf(cases, 'engine', 'engine.one-transaction-per-command')).toBe(20);
    // 54,000 rows/s at 1.5 events per command are 36,000 commands/s: the engine does half of that.
    expect(ratioOf(cases, 'engine', 'engine.raw-sqlite')).toBe(0.5);
    expect(checkGoals(cases, comparisons).filter((goal) => goal.caseId === 'engine').map((goal) => goal.pass)).toEqual([true, true]);
  });

  it('given the engine at 12,000 commands/s and raw inserts at 90,000 rows/s, when checked, then it misses both engine goals (15,000/s and 0.3× raw)', () => {
    const cases = [measured('engine', 12_000, { eventsPerCommand: 1.5 }), measured('engine.raw-sqlite', 90_000)];
    const comparisons = compareCases(cases);

    expect(checkGoals(cases, comparisons).filter((goal) => goal.caseId === 'engine').map((goal) => [goal.goal, goal.pass])).toEqual([
      ['engine ≥ 15,000 durable guarded commands/s', false],
      ['engine ≥ 0.3× raw batched inserts (as commands)', false],
    ]);
  });

  it('given intake at 900 leads/s and plain opens at 2,000, when checked, then the ratio is 0.45 and both intake goals miss', () => {
    const cases = [measured('intake', 900), measured('intake.open', 2_000)];
    const goals = checkGoals(cases, compareCases(cases)).filter((goal) => goal.caseId === 'intake');

    expect(ratioOf(cases, 'intake', 'intake.open')).toBe(0.45);
    expect(goals.map(({ actual, pass }) => [actual, pass])).toEqual([
      ['900/s', false],
      ['0.45×', false],
    ]);
  });

  it('given a case not measured in the run (failed or left out), when compared, then its ratio is null and its goals say so instead of passing or failing', () => {
    const cases: CaseResult[] = [{ status: 'failed', id: 'http', title: 'http', reason: 'port in use' }, measured('http.trivial-route', 10_000)];
    const goals = checkGoals(cases, compareCases(cases)).filter((goal) => goal.caseId === 'http');

    expect(ratioOf(cases, 'http', 'http.trivial-route')).toBeNull();
    expect(goals.every((goal) => goal.pass === null && goal.actual === 'not measured')).toBe(true);
  });

  it('given a reference measured at 0, when compared, then the ratio is null, never Infinity', () => {
    expect(ratioOf([measured('replay', 100), measured('replay.raw-read', 0)], 'replay', 'replay.raw-read')).toBeNull();
  });

  it('given the hostile /health p99 at 40 ms and 10 ms quiet, when compared, then the ratio is the slowdown, 4, and the 50 ms goal passes', () => {
    const cases = [measured('hostile', 1, {}, 40), measured('hostile.quiet', 1, {}, 10)];

    expect(ratioOf(cases, 'hostile', 'hostile.quiet')).toBe(4);
    expect(checkGoals(cases, compareCases(cases)).find((goal) => goal.caseId === 'hostile')?.pass).toBe(true);
  });
});

describe('bench report: scale-out', () => {
  it('given two processes at 9,000 commands/s together and one alone at 6,000, when compared, then the ratio is 1.5; digests that differ fail the convergence goal', () => {
    const cases = (converged: boolean): CaseResult[] => [measured('scale-out', 9_000, { readModelDigestsConverged: converged }), measured('scale-out.one-process', 6_000)];
    const convergence = (converged: boolean) => checkGoals(cases(converged), compareCases(cases(converged))).find((goal) => goal.caseId === 'scale-out');

    expect(ratioOf(cases(true), 'scale-out', 'scale-out.one-process')).toBe(1.5);
    expect(convergence(true)).toMatchObject({ actual: 'equal', pass: true });
    expect(convergence(false)).toMatchObject({ actual: 'differ', pass: false });
  });
});
