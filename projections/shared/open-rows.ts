import type { Database, Statement } from 'better-sqlite3';
import type { RowValues } from './bulk-insert';

/**
 * Open rows held in memory per table at most (two generations of half this each). Fourteen such tables
 * fold at once in a full rebuild, at a few hundred bytes a row: this keeps them to tens of megabytes at
 * any size of history, and holds a deal's rows through the burst of events that moves it (README,
 * Benchmarks: replay).
 */
export const OPEN_ROWS_IN_MEMORY = 1_024;

/** `CRM_REBUILD_OPEN_ROWS` overrides it: less memory for more spilling (specs set it tiny to spill all the time). */
export const openRowsInMemory = (): number => {
  const setting = process.env['CRM_REBUILD_OPEN_ROWS'];
  if (setting === undefined || setting === '') return OPEN_ROWS_IN_MEMORY;
  const limit = Number(setting);
  if (!Number.isSafeInteger(limit) || limit < 2) throw new RangeError(`CRM_REBUILD_OPEN_ROWS must be an integer of at least 2, not "${setting}"`);
  return limit;
};

const SEPARATOR = '\u0000';

/**
 * The rows a rebuild still holds open to change, by key. Most are touched in bursts (a deal's events come
 * close together) and then rest, often for good: so rows live in two generations, the young one taking
 * every row touched, and when it fills the old one is spilled to a keyed table of the scratch file (one
 * JSON text per row), from which a later touch takes the row back. Memory stays bounded whatever the
 * history's size; the rows are the same as if all were held.
 */
export class OpenRows {
  private young = new Map<string, RowValues>();
  private old = new Map<string, RowValues>();
  private spilled = 0;
  private readonly spill: Statement;
  private readonly take: Statement;
  private readonly forget: Statement;
  private readonly page: Statement;
  private readonly clear: Statement;
  private readonly generation: number;

  constructor(
    db: Database,
    table: string,
    private readonly keys: readonly string[],
    limit = openRowsInMemory(),
  ) {
    this.generation = Math.max(1, Math.floor(limit / 2));
    const spillTable = `"${table}__spilled"`;
    db.exec(`CREATE TABLE ${spillTable} (key TEXT PRIMARY KEY, row TEXT NOT NULL) WITHOUT ROWID`);
    this.spill = db.prepare(`INSERT INTO ${spillTable} (key, row) VALUES (?, ?)`);
    this.take = db.prepare(`DELETE FROM ${spillTable} WHERE key = ? RETURNING row`);
    this.forget = db.prepare(`DELETE FROM ${spillTable} WHERE key = ?`);
    this.page = db.prepare(`SELECT key, row FROM ${spillTable} WHERE key > ? ORDER BY key LIMIT 4096`);
    this.clear = db.prepare(`DELETE FROM ${spillTable}`);
  }

  /** The key of a row (or of a key's values) as one text. */
  keyOf(values: RowValues): string {
    const { keys } = this;
    let key = String(values[keys[0] as string] ?? '');
    for (let index = 1; index < keys.length; index += 1) key += SEPARATOR + String(values[keys[index] as string] ?? '');
    return key;
  }

  get(key: string): RowValues | undefined {
    const young = this.young.get(key);
    if (young !== undefined) return young;
    const old = this.old.get(key);
    if (old !== undefined) {
      this.old.delete(key);
      this.put(key, old);
      return old;
    }
    if (this.spilled === 0) return undefined;
    const spilled = this.take.get(key) as { row: string } | undefined;
    if (spilled === undefined) return undefined;
    this.spilled -= 1;
    const row = JSON.parse(spilled.row) as RowValues;
    this.put(key, row);
    return row;
  }

  set(key: string, row: RowValues): void {
    // A row set is a row touched: it belongs to the young generation (call `get` first, as every writer does).
    if (this.old.has(key)) this.old.delete(key);
    this.put(key, row);
  }

  delete(key: string): void {
    if (this.young.delete(key) || this.old.delete(key)) return;
    if (this.spilled > 0 && this.forget.run(key).changes > 0) this.spilled -= 1;
  }

  /** Every row, then none is held. */
  *drain(): IterableIterator<RowValues> {
    yield* this.young.values();
    yield* this.old.values();
    this.young = new Map();
    this.old = new Map();
    if (this.spilled === 0) return;
    // Pages, not an iterator: the caller writes rows on the same connection meanwhile.
    let after = '';
    for (;;) {
      const page = this.page.all(after) as { key: string; row: string }[];
      if (page.length === 0) break;
      for (const spilled of page) yield JSON.parse(spilled.row) as RowValues;
      after = (page[page.length - 1] as { key: string }).key;
    }
    this.clear.run();
    this.spilled = 0;
  }

  private put(key: string, row: RowValues): void {
    this.young.set(key, row);
    if (this.young.size < this.generation) return;
    for (const [oldKey, oldRow] of this.old) this.spill.run(oldKey, JSON.stringify(oldRow));
    this.spilled += this.old.size;
    this.old = this.young;
    this.young = new Map();
  }
}
