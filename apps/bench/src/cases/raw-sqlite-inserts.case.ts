import { join } from 'node:path';
import Database from 'better-sqlite3';
import { systemClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import type { CaseResult, CaseSettings } from '../case-result';
import { stopwatch } from '../measure/latencies';
import { peakRssMiB } from '../measure/peak-rss';

/** The physical limit's batch (README, Benchmarks: "raw batched inserts"): 1,000 rows per transaction. */
const ROWS_PER_TRANSACTION = 1_000;
const FSYNC_PROBE_SECONDS = 2;

type EventRow = [id: string, stream: string, revision: number, type: string, data: string, metadata: string, occurredAt: string, recordedAt: string];

/**
 * The physical limit under the engine: the very rows the engine case appended, inserted with plain
 * better-sqlite3 into a fresh store file (the store's own schema: it is created by opening a
 * SqliteEventStore there), WAL, synchronous=FULL, 1,000 rows per transaction. No decisions, no
 * revision checks, no JSON work — only SQLite and the fsync. Then, for scale, how many single-row
 * transactions (one commit fsync each) the same file takes per second.
 */
export const runRawSqliteCase = async (settings: CaseSettings): Promise<CaseResult[]> => {
  const source = settings.inputs['engineDataDirectory'];
  const workFrom = Number(settings.inputs['engineWorkFromPosition'] ?? Number.NaN);
  if (!source || !Number.isInteger(workFrom)) throw new Error('the raw SQLite case needs the engine case’s data directory and work position');

  const reader = new Database(join(source, 'events.sqlite'), { readonly: true, fileMustExist: true });
  const rows = reader
    .prepare<[number], EventRow>(
      'SELECT id, stream, revision, type, data, metadata, occurred_at, recorded_at FROM events WHERE position > ? ORDER BY position',
    )
    .raw()
    .all(workFrom);
  reader.close();

  const directory = join(settings.workDirectory, 'raw-sqlite');
  await (await SqliteEventStore.open({ directory, clock: systemClock })).close();
  const db = new Database(join(directory, 'events.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const insert = db.prepare<EventRow>(
    'INSERT INTO events (id, stream, revision, type, data, metadata, occurred_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertBatch = db.transaction((batch: readonly EventRow[]) => {
    for (const row of batch) insert.run(...row);
  });

  const timer = stopwatch();
  for (let start = 0; start < rows.length; start += ROWS_PER_TRANSACTION) insertBatch(rows.slice(start, start + ROWS_PER_TRANSACTION));
  const seconds = timer();

  // The other bound, for reading the ratios: one row per transaction, so one fsync per row.
  const single = db.transaction((row: EventRow) => insert.run(...row));
  const fsyncTimer = stopwatch();
  let singleRows = 0;
  while (fsyncTimer() < FSYNC_PROBE_SECONDS) {
    const [, , , ...rest] = rows[singleRows % rows.length] as EventRow;
    single([crypto.randomUUID(), `fsync-probe-${singleRows}`, 0, ...rest]);
    singleRows += 1;
  }
  const fsyncSeconds = fsyncTimer();
  db.close();

  return [
    {
      status: 'measured',
      id: 'engine.raw-sqlite',
      title: 'Raw better-sqlite3 inserts of the same rows (physical limit)',
      rate: { value: rows.length / seconds, unit: 'rows/s' },
      latencyMs: null,
      peakRssMiB: peakRssMiB(),
      details: {
        rows: rows.length,
        rowsPerTransaction: ROWS_PER_TRANSACTION,
        transactions: Math.ceil(rows.length / ROWS_PER_TRANSACTION),
        seconds,
        singleRowTransactionsPerSecond: singleRows / fsyncSeconds,
        msPerCommitFsync: (1_000 * fsyncSeconds) / singleRows,
      },
    },
  ];
};
