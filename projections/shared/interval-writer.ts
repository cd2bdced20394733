import type { Database, Statement } from 'better-sqlite3';

export type CellValue = string | number | null;
export type IntervalValues = Readonly<Record<string, CellValue>>;

/**
 * Validity intervals (`valid_from` inclusive, `valid_to` exclusive, null = still valid) for one entity's
 * facts, so "as of T" is `valid_from <= T AND (valid_to IS NULL OR valid_to > T)` on an index. A change at
 * the same instant as the open interval's start rewrites it instead of leaving a zero-length interval
 * (one command stores several events with one business time).
 */
export class IntervalWriter {
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

  /** The open interval's row, if any. */
  current(key: IntervalValues): Record<string, CellValue> | undefined {
    return this.selectOpen.get(key) as Record<string, CellValue> | undefined;
  }

  /**
   * Makes `values` the facts valid from `at`; `null` ends the current interval without opening another.
   * `open` is the open interval when the caller has just read it (saves a query per event).
   */
  set(key: IntervalValues, at: string, values: IntervalValues | null, open = this.current(key)): void {
    if (open && values && this.columns.every((column) => open[column] === (values[column] ?? null))) return;
    if (open && open['valid_from'] === at) {
      if (values) this.rewrite.run({ ...key, ...this.complete(values) });
      // A fact set and cleared at the same instant never held: its interval goes.
      else this.remove.run(key);
      return;
    }
    if (open) this.close.run({ ...key, at });
    if (values) this.insert.run({ ...key, valid_from: at, valid_to: null, ...this.complete(values) });
  }

  private complete(values: IntervalValues): Record<string, CellValue> {
    return Object.fromEntries(this.columns.map((column) => [column, values[column] ?? null]));
  }
}
