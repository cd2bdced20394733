/**
 * The currencies a price book may be in, with the number of digits of their minor unit (ISO 4217).
 * At most two: a quote's `total` field is a money field, which holds at most two decimals.
 */
export const CURRENCY_DIGITS: Readonly<Record<string, number>> = { USD: 2, EUR: 2, GBP: 2, CNY: 2, JPY: 0 };

export const CURRENCIES = Object.keys(CURRENCY_DIGITS);

export const isCurrency = (value: unknown): value is string => typeof value === 'string' && Object.hasOwn(CURRENCY_DIGITS, value);

export const minorDigitsOf = (currency: string): number => {
  const digits = CURRENCY_DIGITS[currency];
  if (digits === undefined) throw new Error(`unknown currency ${currency}; known: ${CURRENCIES.join(', ')}`);
  return digits;
};

/**
 * The largest amount in minor units anything on a quote may reach (a line, a sum): 10^15, the money
 * field's own ceiling, far below 2^53, so amounts stay exact as JSON numbers in events.
 */
export const MAX_MINOR_UNITS = 1_000_000_000_000_000;
