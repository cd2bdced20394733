import { describe, expect, it } from 'vitest';
import { formatsFor, minorUnitsText } from './format';

describe('money in minor units', () => {
  const formats = formatsFor('en');

  it('given amounts in minor units, then each currency shows the digits of its minor unit: JPY none, USD and CNY two', () => {
    expect(formats.minorMoney(7_011_550, 'USD')).toBe('$70,115.50');
    expect(formats.minorMoney(1_420_000, 'CNY')).toBe('CN¥14,200.00');
    expect(formats.minorMoney(297_000, 'JPY')).toBe('¥297,000');
    expect(formats.minorMoney(-1_980_000, 'USD')).toBe('-$19,800.00');
  });

  it('given the largest amount a quote may reach, then every digit is shown, from decimal text', () => {
    expect(minorUnitsText(999_999_999_999_999, 2)).toBe('9999999999999.99');
    expect(formats.minorMoney(999_999_999_999_999, 'USD')).toBe('$9,999,999,999,999.99');
    expect(minorUnitsText(5, 2)).toBe('0.05');
  });

  it('given the minor digits a record stored, then its amounts are read with them', () => {
    expect(formats.minorMoney(29_700_000, 'JPY', 2)).toBe('¥297,000.00');
  });
});
