/**
 * Exact decimal arithmetic for money: amounts in integer minor units, rates and quantities as integers
 * scaled by a power of ten, products in BigInt, and one explicit rounding wherever a division happens.
 * No floating-point value ever holds money.
 */

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * `value` times 10^scale as an exact integer, or null when it is not a non-negative decimal with at most
 * `scale` decimals. Numbers are read by their shortest decimal text (19.99 is "19.99"), so a YAML or JSON
 * number means what it shows; exponent notation (1e-7) is refused.
 */
export const scaledInteger = (value: unknown, scale: number): bigint | null => {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'string' ? value.trim() : '';
  const match = DECIMAL.exec(text);
  if (match === null) return null;
  const [, whole = '', fraction = ''] = match;
  if (fraction.length > scale) return null;
  return BigInt(whole + fraction.padEnd(scale, '0'));
};

/** numerator / denominator rounded half away from zero (the commercial rounding of invoices). */
export const divideRounded = (numerator: bigint, denominator: bigint): bigint => {
  if (denominator <= 0n) throw new Error(`division of money by ${denominator}`);
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = (magnitude * 2n + denominator) / (denominator * 2n);
  return negative ? -quotient : quotient;
};

export const pow10 = (exponent: number): bigint => 10n ** BigInt(exponent);

/** An integer scaled by 10^scale as decimal text: (1250n, 2) → "12.50". */
export const decimalText = (units: bigint, scale: number): string => {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
};

/** Minor units as a JSON number: safe integers only, so nothing is lost on the way through an event. */
export const toSafeNumber = (units: bigint): number => {
  const number = Number(units);
  if (!Number.isSafeInteger(number)) throw new Error(`amount ${units} is beyond exact JSON numbers`);
  return number;
};
