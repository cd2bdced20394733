import type { Database, Statement } from 'better-sqlite3';
import type { WriteMode } from '@crm/projection-runtime';
import { BulkInsert, type CellValue, type RowValues } from './bulk-insert';
import { OpenRows } from './open-rows';

export type { CellValue } from './bulk-insert';
export type IntervalValues = RowValues;

/**
 * Validity intervals (`valid_from` inclusive, `valid_to` exclusive, null = still valid) for one entity's
 * facts, so "as of T" is `valid_from <= T AND (valid_to IS NULL OR valid_to > T)` on an index. A change at
 * the same instant as the open interval's start rewrites it instead of leaving a zero-length interval
 * (one command stores several events with one business time). `intervalWriter` picks the storage for the
 * write mode; the rows are the same either way.
 */
export interface IntervalWriter {
  /** The open interval's row, if any. Read-only: the in-memory storage hands out the row it keeps. */
  current(key: IntervalValues): Readonly<Record<string, CellValue>> | undefined;
  /**
   * Makes `values` the facts valid from `at`; `null` ends the current interval without opening another.
   * `open` is the open interval when the caller has just read it (saves a lookup per event).
   */
  set(key: IntervalValues, at: string, values: IntervalValues | null, open?: Readonly<Record<string, CellValue>>): void;
  /** Writes the intervals still held in memory (the open ones); nothing for the SQL storage. */
  finish(): void;
}

/** What `set` does to the open interval; the one rule both storages follow. */
type Change = 'unchanged' | 'rewrite' | 'remove' | 'close' | 'open';

const changeOf = (columns: readonly string[], open: Readonly<Record<string, CellValue>> | undefined, at: string, values: IntervalValues | null): Change => {
  if (open && values && columns.every((column) => open[column] === (values[column] ?? null))) return 'unchanged';
  // A fact set and cleared at the same instant never held: its interval goes.
  if (open && open['valid_from'] === at) return values ? 'rewrite' : 'remove';
  return open ? 'close' : 'open';
};

/** Live: each change reads and writes the table. */
export class SqlIntervalWriter implements IntervalWriter {
  private readonly selectOpen: Statement;
  private readonly insert: Statement;
  private readonly close: Statement;
  private readonly rewrite: Statement;
  private readonly remove: Statement;

  constructor(
    db: Database,
    table: string,
    keys: readonly string[],
    private readonly columns: readonly string[],
  ) {
    const keyMatch = keys.map((key) => `${key} = @${key}`).join(' AND ');
    const all = [...keys, 'valid_from', 'valid_to', ...columns];
    this.selectOpen = db.prepare(`SELECT * FROM ${table} WHERE ${keyMatch} AND valid_to IS NULL`);
    this.insert = db.prepare(`INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map((column) => `@${column}`).join(', ')})`);
    this.close = db.prepare(`UPDATE ${table} SET valid_to = @at WHERE ${keyMatch} AND valid_to IS NULL`);
    this.remove = db.prepare(`DELETE FROM ${table} WHERE ${keyMatch} AND valid_to IS NULL`);
    this.rewrite = db.prepare(
      `UPDATE ${table} SET ${columns.map((column) => `${column} = @${column}`).join(', ')} WHERE ${keyMatch} AND valid_to IS NULL`,
    );
  }

  current(key: IntervalValues): Record<string, CellValue> | undefined {
    return this.selectOpen.get(key) as Record<string, CellValue> | undefined;
  }

  set(key: IntervalValues, at: string, values: IntervalValues | null, open = this.current(key)): void {
    switch (changeOf(this.columns, open, at, values)) {
      case 'unchanged':
        return;
      case 'rewrite':
        this.rewrite.run({ ...key, ...this.complete(values as IntervalValues) });
        return;
      case 'remove':
        this.remove.run(key);
        return;
      case 'close':
        this.close.run({ ...key, at });
        break;
      case 'open':
        break;
    }
    if (values) this.insert.run({ ...key, valid_from: at, valid_to: null, ...this.complete(values) });
  }

  finish(): void {}

  private complete(values: IntervalValues): Record<string, CellValue> {
    return Object.fromEntries(this.columns.map((column) => [column, values[column] ?? null]));
  }
}

/**
 * Rebuild: the open interval of each key is kept in memory; a closed interval can no longer change, so it
 * goes to the table's bulk insert at once, and the open ones follow at `finish`. Memory holds open state only.
 */
export class MemoryIntervalWriter implements IntervalWriter {
  private readonly open: OpenRows;
  private readonly rows: BulkInsert;

  constructor(
    db: Database,
    table: string,
    private readonly keys: readonly string[],
    private readonly columns: readonly string[],
  ) {
    this.open = new OpenRows(db, table, keys);
    this.rows = new BulkInsert(db, table, [...keys, 'valid_from', 'valid_to', ...columns]);
  }

  current(key: IntervalValues): Readonly<Record<string, CellValue>> | undefined {
    return this.open.get(this.open.keyOf(key));
  }

  set(key: IntervalValues, at: string, values: IntervalValues | null, given?: Readonly<Record<string, CellValue>>): void {
    const openKey = this.open.keyOf(key);
    const open = given ?? this.open.get(openKey);
    switch (changeOf(this.columns, open, at, values)) {
      case 'unchanged':
        return;
      case 'rewrite':
        this.open.set(openKey, this.row(key, at, values as IntervalValues));
        return;
      case 'remove':
        this.open.delete(openKey);
        return;
      case 'close': {
        // The closed interval is a new row: the caller may still hold the open one it read.
        const closed = { ...(open as Record<string, CellValue>), valid_to: at };
        this.rows.add(closed);
        if (values) this.open.set(openKey, this.row(key, at, values));
        else this.open.delete(openKey);
        return;
      }
      case 'open':
        if (values) this.open.set(openKey, this.row(key, at, values));
        return;
    }
  }

  finish(): void {
    for (const row of this.open.drain()) this.rows.add(row);
    this.rows.flush();
  }

  private row(key: IntervalValues, at: string, values: IntervalValues): Record<string, CellValue> {
    const row: Record<string, CellValue> = {};
    for (const column of this.keys) row[column] = key[column] ?? null;
    row['valid_from'] = at;
    row['valid_to'] = null;
    for (const column of this.columns) row[column] = values[column] ?? null;
    return row;
  }
}

export const intervalWriter = (db: Database, mode: WriteMode, table: string, keys: readonly string[], columns: readonly string[]): IntervalWriter =>
  mode === 'rebuild' ? new MemoryIntervalWriter(db, table, keys, columns) : new SqlIntervalWriter(db, table, keys, columns);
