import { NEVER_DURING_A_TEST_MS, PROBE_TIMEOUT_MS, scaledTimeout, SLOW_TEST_TIMEOUT_MS, timeoutScale, timeoutScaleFrom } from './test-timeouts';

describe('test timeouts', () => {
  it('given no JEST_TIMEOUT_SCALE, then the scale is 1', () => {
    expect(timeoutScaleFrom({})).toBe(1);
    expect(timeoutScaleFrom({ JEST_TIMEOUT_SCALE: ' ' })).toBe(1);
  });

  it('given a JEST_TIMEOUT_SCALE, then it is the scale, fractions included', () => {
    expect(timeoutScaleFrom({ JEST_TIMEOUT_SCALE: '3' })).toBe(3);
    expect(timeoutScaleFrom({ JEST_TIMEOUT_SCALE: '1.5' })).toBe(1.5);
  });

  it.each(['0', '-2', 'slow', 'Infinity'])('given JEST_TIMEOUT_SCALE=%s, then it is refused by name', (given) => {
    expect(() => timeoutScaleFrom({ JEST_TIMEOUT_SCALE: given })).toThrow(`JEST_TIMEOUT_SCALE must be a positive number, not "${given}"`);
  });

  it('given the scale jest.preset.js resolved, then every safety net is its base times that scale, and a probe gives up before the test does', () => {
    expect(timeoutScale).toBe(Number(process.env['JEST_TIMEOUT_SCALE']));
    expect(scaledTimeout(1_000)).toBe(Math.round(1_000 * timeoutScale));
    expect(PROBE_TIMEOUT_MS).toBe(scaledTimeout(20_000));
    expect(SLOW_TEST_TIMEOUT_MS).toBe(scaledTimeout(120_000));
    expect(PROBE_TIMEOUT_MS).toBeLessThan(30_000 * timeoutScale);
    expect(NEVER_DURING_A_TEST_MS).toBeGreaterThan(SLOW_TEST_TIMEOUT_MS);
  });
});
