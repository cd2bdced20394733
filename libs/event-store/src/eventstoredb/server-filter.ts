import type { EventFilter } from '../event-store.port';
import type { ServerFilter } from './eventstoredb.gateway';

/** What the server narrows `$all` down to, and the exact test every delivered event must pass here. */
export interface FilterPlan {
  readonly server: ServerFilter;
  readonly keeps: (event: { readonly stream: string; readonly type: string }) => boolean;
}

/** The server's own `excludeSystemEvents()` filter: every event type that does not start with `$`. */
export const excludeSystemEventTypes: ServerFilter = { on: 'event-type', regex: '^[^$]' };

// EventStoreDB's regexes are .NET ones; these metacharacters mean the same there and in JavaScript.
const escapeRegex = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|]/g, (character) => `\\${character}`);

/** A regex matching exactly these event types (the server matches regexes anywhere in the type, hence the anchors). */
export const exactTypesRegex = (types: readonly string[]): string => `^(?:${types.map(escapeRegex).join('|')})$`;

/** `$`-prefixed streams and types belong to the server (and to our id claims); the SQLite store has none. */
export const isSystemEvent = (event: { readonly stream: string; readonly type: string }): boolean =>
  event.stream.startsWith('$') || event.type.startsWith('$');

const matchesFilter = (filter: EventFilter | undefined, event: { readonly stream: string; readonly type: string }): boolean =>
  (filter?.streamPrefixes === undefined || filter.streamPrefixes.some((prefix) => event.stream.startsWith(prefix))) &&
  (filter?.eventTypes === undefined || filter.eventTypes.includes(event.type));

const serverSideOf = (filter: EventFilter | undefined): ServerFilter => {
  // An empty list matches nothing (as in the SQLite store); event types are never empty, so `^$` never matches.
  if (filter?.streamPrefixes?.length === 0 || filter?.eventTypes?.length === 0) return { on: 'event-type', regex: '^$' };
  if (filter?.streamPrefixes) return { on: 'stream-name', prefixes: filter.streamPrefixes };
  if (filter?.eventTypes) return { on: 'event-type', regex: exactTypesRegex(filter.eventTypes) };
  return excludeSystemEventTypes;
};

/**
 * The server filters on one thing only. A stream prefix goes to the server when there is one (a record
 * kind's prefix is the narrower cut in this domain); event types go to the server only when they are the
 * whole filter, as an anchored regex because the server's `prefixes` for types would also match
 * `OrderPlacedAgain` for `OrderPlaced`. Everything else (types next to a prefix, and system events that a
 * stream-name filter lets through) is checked here, on every event, so the result is exact either way.
 */
export const planFilter = (filter?: EventFilter): FilterPlan => ({
  server: serverSideOf(filter),
  keeps: (event) => !isSystemEvent(event) && matchesFilter(filter, event),
});
