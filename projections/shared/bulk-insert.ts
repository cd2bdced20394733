import type { Database, Statement } from 'better-sqlite3';

export type CellValue = string | number | null;
export type RowValues = Readonly<Record<string, CellValue>>;

/** SQLite's limit of bound parameters per statement (SQLITE_MAX_VARIABLE_NUMBER since 3.32). */
const MAX_PARAMETERS = 32_766;

/** Rows per multi-row INSERT: enough to pay the statement's cost once per batch, under the parameter limit. */
export const ROWS_PER_INSERT = 250;

/**
 * Finished rows written to a table in multi-row INSERTs (one prepared statement of `ROWS_PER_INSERT` rows,
 * run as each batch fills), for a rebuild whose rows no one reads before the swap. A missing column is NULL.
 */
export class BulkInsert {
  private readonly values: CellValue[] = [];
  private rows = 0;
  private readonly rowsPerInsert: number;
  private readonly many: Statement;
  private readonly one: Statement;

  constructor(
    db: Database,
    table: string,
    private readonly columns: readonly string[],
  ) {
    this.rowsPerInsert = Math.max(1, Math.min(ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / columns.length)));
    const row = `(${columns.map(() => '?').join(', ')})`;
    const insert = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    this.many = db.prepare(insert + Array.from({ length: this.rowsPerInsert }, () => row).join(', '));
    this.one = db.prepare(insert + row);
  }

  add(row: RowValues): void {
    const { values, columns } = this;
    for (let index = 0; index < columns.length; index += 1) values.push(row[columns[index] as string] ?? null);
    this.rows += 1;
    if (this.rows === this.rowsPerInsert) {
      this.many.run(values);
      values.length = 0;
      this.rows = 0;
    }
  }

  /** Writes the rows of the last, partial batch. */
  flush(): void {
    const width = this.columns.length;
    for (let start = 0; start < this.values.length; start += width) this.one.run(this.values.slice(start, start + width));
    this.values.length = 0;
    this.rows = 0;
  }
}
