/** Small checks of a command's properties, shared by every slice's `problems`. */

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A value as a message shows it, without ever calling its own conversions: a command parsed from JSON
 * can carry `{ "toString": "" }`, which `String()` and template literals would throw on.
 */
export const shown = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
};

/** `problems` gets a line when `value` is not a non-empty string of at most `max` characters. */
export const checkText = (problems: string[], name: string, value: unknown, max = 200): void => {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) {
    problems.push(`${name}: expected a non-empty string of at most ${max} characters`);
  }
};

export const checkFieldValues = (problems: string[], name: string, value: unknown, optional: boolean): void => {
  if (optional && value === undefined) return;
  if (!isPlainObject(value)) problems.push(`${name}: expected an object of field values`);
};

/** A nullable owner: a user id, or null for unowned. */
export const checkOwner = (problems: string[], value: unknown, optional: boolean): void => {
  if ((optional && value === undefined) || value === null) return;
  checkText(problems, 'owner', value);
};
