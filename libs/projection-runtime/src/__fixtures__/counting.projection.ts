import type { StoredEvent } from '@crm/event-store';
import type { Projection } from '../projection';

export interface CountingProjectionOptions {
  readonly version?: number;
  /** Throws when it meets the event with this id, as long as `shouldThrow()` says so. */
  readonly failOn?: { readonly eventId: string; readonly shouldThrow: () => boolean };
}

/**
 * A projection that double counting would show: per stream, a counter incremented by every event, and
 * a log with one row per event applied.
 */
export const countingProjection = (options: CountingProjectionOptions = {}): Projection => ({
  name: 'counting',
  version: options.version ?? 1,
  eventTypes: ['Counted'],
  tables: [
    {
      name: 'counted_streams',
      create: (table) => [
        `CREATE TABLE ${table} (stream TEXT PRIMARY KEY, events INTEGER NOT NULL, total INTEGER NOT NULL)`,
        `CREATE INDEX ${table}__by_events ON ${table} (events)`,
      ],
    },
    { name: 'counted_log', create: (table) => [`CREATE TABLE ${table} (seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL)`] },
  ],
  open: (db, tables) => {
    const upsert = db.prepare(
      `INSERT INTO ${tables('counted_streams')} (stream, events, total) VALUES (?, 1, ?)
       ON CONFLICT (stream) DO UPDATE SET events = events + 1, total = total + excluded.total`,
    );
    const log = db.prepare(`INSERT INTO ${tables('counted_log')} (event_id) VALUES (?)`);
    return {
      evolve: (event: StoredEvent) => {
        log.run(event.id);
        if (options.failOn && event.id === options.failOn.eventId && options.failOn.shouldThrow()) {
          throw new Error('the evolve step broke on purpose');
        }
        upsert.run(event.stream, Number(event.data['amount'] ?? 0));
      },
    };
  },
});
