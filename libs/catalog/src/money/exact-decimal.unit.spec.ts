import { decimalText, divideRounded, scaledInteger } from './exact-decimal';

describe('exact decimals for money', () => {
  it('reads decimals exactly at a scale, refusing more decimals than the scale or anything not a plain decimal', () => {
    expect(scaledInteger(19.99, 2)).toBe(1999n);
    expect(scaledInteger('0.1389', 8)).toBe(13_890_000n);
    expect(scaledInteger(12, 2)).toBe(1200n);
    expect(scaledInteger(0.001, 2)).toBeNull();
    expect(scaledInteger(-1, 2)).toBeNull();
    expect(scaledInteger(1e-7, 8)).toBeNull();
    expect(scaledInteger('12,5', 2)).toBeNull();
    expect(scaledInteger(Number.NaN, 2)).toBeNull();
  });

  it('rounds a division half away from zero', () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(4n, 3n)).toBe(1n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
    expect(divideRounded(149n, 100n)).toBe(1n);
    expect(divideRounded(150n, 100n)).toBe(2n);
  });

  it('shows scaled integers as decimal text', () => {
    expect(decimalText(1250n, 2)).toBe('12.50');
    expect(decimalText(5n, 2)).toBe('0.05');
    expect(decimalText(-5n, 2)).toBe('-0.05');
    expect(decimalText(300n, 0)).toBe('300');
  });
});
