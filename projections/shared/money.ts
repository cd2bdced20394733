/**
 * Money is stored in cents, as integers, so sums are exact and independent of the order rows are
 * added in (a rebuild, a live model and a test's own sum agree to the cent).
 */
export const toCents = (amount: unknown): number | null => (typeof amount === 'number' && Number.isFinite(amount) ? Math.round(amount * 100) : null);

export const fromCents = (cents: number): number => cents / 100;

/** amount × probability%, in cents, rounded once per deal. */
export const weightedCents = (cents: number, probability: number): number => Math.round((cents * probability) / 100);
