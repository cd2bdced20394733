/**
 * The value a test goes on with, or a failure naming what was missing: the guard a test uses instead of
 * a non-null assertion (`!`), so a missing value fails here with its name, not as a TypeError later.
 */
export const present = <T>(value: T | null | undefined, what: string): T => {
  if (value === null || value === undefined) throw new Error(`expected ${what}, got ${String(value)}`);
  return value;
};
