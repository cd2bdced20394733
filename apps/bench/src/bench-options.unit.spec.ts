import { benchCommand, parseBenchOptions } from './bench-options';

describe('bench options: the command a report names', () => {
  it('given no arguments, when named, then it is npm run bench', () => {
    expect(benchCommand([])).toBe('npm run bench');
  });

  it('given --quick and --only, when named, then the report says exactly what to type to repeat the run', () => {
    const args = ['--quick', '--only=replay,as-of'];
    expect(parseBenchOptions(args)).toMatchObject({ quick: true, only: ['replay', 'as-of'] });
    expect(benchCommand(args)).toBe('npm run bench -- --quick --only=replay,as-of');
  });
});
