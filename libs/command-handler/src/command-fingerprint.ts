import { hash } from 'node:crypto';

/** JSON with object keys in code-point order and `undefined` members left out, so equal requests hash equal. */
const sortedJson = (value: unknown): string =>
  JSON.stringify(value, (_key, member: unknown) => {
    if (typeof member !== 'object' || member === null || Array.isArray(member)) return member;
    const entries = Object.entries(member).filter(([, item]) => item !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  });

/**
 * A digest of what a command asks (its type, target and payload; never who or when), stored with its
 * events: a retry must ask the same to get the first answer again. Payment APIs treat a reused
 * idempotency key with another body the same way.
 */
export const fingerprintOf = (intent: unknown): string => hash('sha256', sortedJson(intent), 'hex');
