import type { Database, Statement } from 'better-sqlite3';
import type { WriteMode } from '@crm/projection-runtime';
import { BulkInsert, type CellValue, type RowValues } from './bulk-insert';
import { OpenRows } from './open-rows';

/** A read-model table as an evolve step sees it: rows by their key columns. */
export interface RowTableDefinition {
  readonly table: string;
  /** The columns that find a row (its primary or a unique key). */
  readonly keys: readonly string[];
  /** Every other column. */
  readonly columns: readonly string[];
  /**
   * An INTEGER PRIMARY KEY numbered by SQLite in insertion order (among `columns`): `insert` with it null
   * gets the next number, as SQLite gives it to a fresh table.
   */
  readonly rowNumber?: string;
}

/**
 * Rows by key (README, Read models: one-pass rebuild). `rowTable` picks the storage for the write mode;
 * an evolve step written against this gives the same rows with either.
 */
export interface RowTable<Row extends object> {
  /** The row, if any. Read-only: the in-memory storage hands out the row it keeps. */
  get(key: RowValues): Row | undefined;
  /** Adds a row (every column; a missing one is NULL); throws when its key is taken. Returns its row number, if the table has one. */
  insert(row: Row): number;
  /** Replaces the row with the same key; nothing when there is none. */
  update(row: Row): void;
  delete(key: RowValues): void;
  /**
   * Says the row will not change again, so the in-memory storage writes it now and forgets it; after that
   * `get` no longer finds it there. Nothing for the SQL storage.
   */
  settle(row: Row): void;
  /** Writes the rows still held in memory; nothing for the SQL storage. */
  finish(): void;
}

const valuesOf = (columns: readonly string[], row: RowValues): CellValue[] => columns.map((column) => row[column] ?? null);

/** Live: each call reads or writes the table. */
export class SqlRowTable<Row extends object> implements RowTable<Row> {
  private readonly select: Statement;
  private readonly insertRow: Statement;
  private readonly updateRow: Statement;
  private readonly deleteRow: Statement;
  private readonly all: readonly string[];
  private readonly changed: readonly string[];

  constructor(db: Database, private readonly definition: RowTableDefinition) {
    const { table, keys, columns } = definition;
    const keyMatch = keys.map((key) => `${key} = ?`).join(' AND ');
    this.all = [...keys, ...columns];
    this.select = db.prepare(`SELECT * FROM ${table} WHERE ${keyMatch}`);
    this.insertRow = db.prepare(`INSERT INTO ${table} (${this.all.join(', ')}) VALUES (${this.all.map(() => '?').join(', ')})`);
    this.changed = columns.filter((column) => column !== definition.rowNumber);
    this.updateRow = db.prepare(`UPDATE ${table} SET ${this.changed.map((column) => `${column} = ?`).join(', ')} WHERE ${keyMatch}`);
    this.deleteRow = db.prepare(`DELETE FROM ${table} WHERE ${keyMatch}`);
  }

  get(key: RowValues): Row | undefined {
    return this.select.get(valuesOf(this.definition.keys, key)) as Row | undefined;
  }

  insert(row: Row): number {
    return Number(this.insertRow.run(valuesOf(this.all, row as RowValues)).lastInsertRowid);
  }

  update(row: Row): void {
    this.updateRow.run([...valuesOf(this.changed, row as RowValues), ...valuesOf(this.definition.keys, row as RowValues)]);
  }

  delete(key: RowValues): void {
    this.deleteRow.run(valuesOf(this.definition.keys, key));
  }

  settle(): void {}

  finish(): void {}
}

/**
 * Rebuild: rows live in memory, by key, until they are settled or the fold ends; then they go to the
 * (fresh) table in multi-row inserts. Nobody reads the table before the swap, so nothing is lost by waiting.
 */
export class MemoryRowTable<Row extends object> implements RowTable<Row> {
  private readonly rows: OpenRows;
  private readonly written: BulkInsert;
  private lastRowNumber = 0;

  constructor(db: Database, private readonly definition: RowTableDefinition) {
    this.rows = new OpenRows(db, definition.table, definition.keys);
    this.written = new BulkInsert(db, definition.table, [...definition.keys, ...definition.columns]);
  }

  get(key: RowValues): Row | undefined {
    return this.rows.get(this.rows.keyOf(key)) as Row | undefined;
  }

  insert(inserted: Row): number {
    const row = inserted as RowValues;
    const key = this.rows.keyOf(row);
    if (this.rows.get(key) !== undefined) {
      throw new Error(`UNIQUE constraint failed: ${this.definition.table} (${this.definition.keys.map((column) => `${column}=${String(row[column])}`).join(', ')})`);
    }
    const { rowNumber } = this.definition;
    if (rowNumber === undefined) {
      this.rows.set(key, row);
      return 0;
    }
    const given = row[rowNumber];
    this.lastRowNumber = typeof given === 'number' ? Math.max(this.lastRowNumber, given) : this.lastRowNumber + 1;
    this.rows.set(key, typeof given === 'number' ? row : { ...row, [rowNumber]: this.lastRowNumber });
    return typeof given === 'number' ? given : this.lastRowNumber;
  }

  update(updated: Row): void {
    const row = updated as RowValues;
    const key = this.rows.keyOf(row);
    const current = this.rows.get(key);
    if (current === undefined) return;
    const { rowNumber } = this.definition;
    this.rows.set(key, rowNumber === undefined || row[rowNumber] === current[rowNumber] ? row : { ...row, [rowNumber]: current[rowNumber] ?? null });
  }

  delete(key: RowValues): void {
    this.rows.delete(this.rows.keyOf(key));
  }

  settle(settled: Row): void {
    const key = this.rows.keyOf(settled as RowValues);
    const row = this.rows.get(key);
    if (row === undefined) return;
    this.rows.delete(key);
    this.written.add(row);
  }

  finish(): void {
    for (const row of this.rows.drain()) this.written.add(row);
    this.written.flush();
  }
}

export const rowTable = <Row extends object>(db: Database, mode: WriteMode, definition: RowTableDefinition): RowTable<Row> =>
  mode === 'rebuild' ? new MemoryRowTable<Row>(db, definition) : new SqlRowTable<Row>(db, definition);
