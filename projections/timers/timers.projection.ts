import type { Database } from 'better-sqlite3';
import type { StoredEvent } from '@crm/event-store';
import type { Projection, ProjectionWriter, TableNames, WriteMode } from '@crm/projection-runtime';
import { ReadModelStorage } from '../shared/read-model-storage';
import { asRecordEvent } from '../shared/record-events';

export const TIMERS_PROJECTION = 'timers';

/** What sets and clears a pending timer; RecordStalled and the actions' own events say nothing about it. */
export const TIMER_EVENT_TYPES = ['TimerScheduled', 'TimerCancelled', 'TimerFired'] as const;

/** A record's stream is `<kind>-<recordId>`; kinds are lower-case identifiers, so the first `-` splits. */
export const recordOfStream = (stream: string): { readonly kind: string; readonly recordId: string } => {
  const separator = stream.indexOf('-');
  return { kind: stream.slice(0, separator), recordId: stream.slice(separator + 1) };
};

const textOf = (metadata: StoredEvent['metadata'], key: string): string | null => {
  const value = metadata[key];
  return typeof value === 'string' ? value : null;
};

/** A row of `timers`: one timer scheduled and not yet fired or cancelled. */
export interface TimerRow {
  readonly kind: string;
  readonly record_id: string;
  readonly timer_id: string;
  readonly timer: string;
  readonly stage: string;
  readonly due_at: string;
  readonly action: string;
  readonly scheduled_by: string;
  readonly correlation_id: string | null;
}

const openWriter = (db: Database, tables: TableNames, mode: WriteMode): ProjectionWriter => {
  const storage = new ReadModelStorage(db, mode);
  const timers = storage.rows<TimerRow>({
    table: tables('timers'),
    keys: ['kind', 'record_id', 'timer_id'],
    columns: ['timer', 'stage', 'due_at', 'action', 'scheduled_by', 'correlation_id'],
  });

  const evolve = (stored: StoredEvent): void => {
    const event = asRecordEvent(stored);
    if (event === null) return;
    const { kind, recordId } = recordOfStream(stored.stream);
    if (event.type === 'TimerScheduled') {
      const { timerId, timer, stage, dueAt, action } = event.data;
      timers.insert({
        kind,
        record_id: recordId,
        timer_id: timerId,
        timer,
        stage,
        due_at: dueAt,
        action: JSON.stringify(action),
        scheduled_by: stored.id,
        correlation_id: textOf(stored.metadata, 'correlationId'),
      });
    }
    if (event.type === 'TimerCancelled' || event.type === 'TimerFired') timers.delete({ kind, record_id: recordId, timer_id: event.data.timerId });
  };
  return { evolve, finish: storage.finish };
};

/**
 * The timers still to fire: a row per pending timer, set by TimerScheduled and gone with its TimerCancelled
 * or TimerFired. The scheduler reads what is due from here (README, "Timers"), so the log is never scanned
 * for them. `scheduled_by` and `correlation_id` let the firing name the event that set the timer as its cause.
 */
export const timersProjection = (): Projection => ({
  name: TIMERS_PROJECTION,
  version: 1,
  eventTypes: TIMER_EVENT_TYPES,
  tables: [
    {
      name: 'timers',
      create: (table) => [
        `CREATE TABLE ${table} (
          kind           TEXT NOT NULL,
          record_id      TEXT NOT NULL,
          timer_id       TEXT NOT NULL,
          timer          TEXT NOT NULL,
          stage          TEXT NOT NULL,
          due_at         TEXT NOT NULL,
          action         TEXT NOT NULL,
          scheduled_by   TEXT NOT NULL,
          correlation_id TEXT,
          PRIMARY KEY (kind, record_id, timer_id)
        )`,
        // Due order with a tie-break on every key column, so a cursor after any row is exact.
        `CREATE INDEX ${table}__by_due ON ${table} (due_at, timer_id, kind, record_id)`,
      ],
    },
  ],
  open: openWriter,
});
