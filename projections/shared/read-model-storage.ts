import type { Database } from 'better-sqlite3';
import type { WriteMode } from '@crm/projection-runtime';
import { intervalWriter, type IntervalWriter } from './interval-writer';
import { rowTable, type RowTable, type RowTableDefinition } from './row-table';

/**
 * The storage objects of one evolve step, all for the same write mode (README, Read models: one-pass
 * rebuild), and the `finish` that writes what the in-memory ones still hold. A projection opens its tables
 * through this and writes its logic once; a table it does not open here stays on plain SQL in both modes.
 */
export class ReadModelStorage {
  private readonly opened: { finish(): void }[] = [];

  constructor(
    readonly db: Database,
    readonly mode: WriteMode,
  ) {}

  intervals(table: string, keys: readonly string[], columns: readonly string[]): IntervalWriter {
    return this.keep(intervalWriter(this.db, this.mode, table, keys, columns));
  }

  rows<Row extends object>(definition: RowTableDefinition): RowTable<Row> {
    return this.keep(rowTable<Row>(this.db, this.mode, definition));
  }

  readonly finish = (): void => {
    for (const storage of this.opened) storage.finish();
  };

  private keep<T extends { finish(): void }>(storage: T): T {
    this.opened.push(storage);
    return storage;
  }
}
