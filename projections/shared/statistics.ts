export const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

const sorted = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

/** The middle value; the mean of the two middle ones for an even count. */
export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const ordered = sorted(values);
  const middle = Math.floor(ordered.length / 2);
  return ordered.length % 2 === 1 ? ordered[middle] : (ordered[middle - 1] + ordered[middle]) / 2;
};

/** Nearest-rank percentile: the smallest value with at least `p`% of the values at or below it. */
export const percentile = (values: readonly number[], p: number): number | null => {
  if (values.length === 0) return null;
  const ordered = sorted(values);
  return ordered[Math.max(0, Math.ceil((p / 100) * ordered.length) - 1)];
};
