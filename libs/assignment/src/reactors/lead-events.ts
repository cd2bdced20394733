import type { StoredEvent } from '@crm/event-store';

/** A lead's stream is `lead-<id>`; kinds are lower-case identifiers, so the prefix is exact. */
export const LEAD_STREAM_PREFIX = 'lead-';

export const leadIdOf = (event: StoredEvent): string | null => (event.stream.startsWith(LEAD_STREAM_PREFIX) ? event.stream.slice(LEAD_STREAM_PREFIX.length) : null);

/** History brought in from another system is a record of the past, not work to route now. */
export const isImported = (event: StoredEvent): boolean => event.metadata['imported'] === true;

/** Automation acts as `system:<what>` (README, Users, roles and rules). */
export const isByPerson = (event: StoredEvent): boolean => {
  const actor = event.metadata['actor'];
  return typeof actor === 'string' && !actor.startsWith('system:');
};
