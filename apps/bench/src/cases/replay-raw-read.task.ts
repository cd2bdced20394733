import { join } from 'node:path';
import Database from 'better-sqlite3';
import { serveChildTask } from '../child-task';
import { stopwatch } from '../measure/latencies';
import { peakRssMiB } from '../measure/peak-rss';

export interface RawReadInput {
  readonly storeDirectory: string;
  readonly pageSize: number;
}

export interface RawReadResult {
  readonly rows: number;
  readonly seconds: number;
  readonly peakRssMiB: number;
}

interface EventRow {
  readonly position: number;
  readonly data: string;
  readonly metadata: string;
}

/**
 * The floor under a replay: every row of the store read in position order, a page at a time (the
 * store's own SELECT, paging by position as a rebuild does), with data and metadata through
 * `JSON.parse`. No projection, no writes.
 */
serveChildTask(async ({ storeDirectory, pageSize }: RawReadInput): Promise<RawReadResult> => {
  const db = new Database(join(storeDirectory, 'events.sqlite'), { readonly: true, fileMustExist: true });
  const page = db.prepare<[number, number], EventRow>(
    'SELECT position, id, stream, revision, type, data, metadata, occurred_at, recorded_at FROM events WHERE position > ? ORDER BY position LIMIT ?',
  );
  let rows = 0;
  let parsedKeys = 0;
  let after = 0;
  const timer = stopwatch();
  for (;;) {
    const batch = page.all(after, pageSize);
    if (batch.length === 0) break;
    for (const row of batch) {
      // Touch what was parsed, so the work is the same as handing the objects on.
      parsedKeys += Object.keys(JSON.parse(row.data) as object).length + Object.keys(JSON.parse(row.metadata) as object).length;
    }
    rows += batch.length;
    after = (batch[batch.length - 1] as EventRow).position;
  }
  const seconds = timer();
  db.close();
  if (parsedKeys === 0 && rows > 0) throw new Error('the rows parsed to nothing');
  return { rows, seconds, peakRssMiB: peakRssMiB() };
});
