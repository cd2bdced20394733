import type { CellValue, RowValues } from './bulk-insert';

type Level = Map<CellValue, unknown>;

/**
 * Values by a composite key read from the named columns of a row, as nested maps (one level per key column),
 * so a lookup allocates nothing: no key string is built per event.
 */
export class KeyedMap<V> {
  private readonly root: Level = new Map();
  private readonly last: number;

  constructor(private readonly keys: readonly string[]) {
    if (keys.length === 0) throw new RangeError('a keyed map needs at least one key column');
    this.last = keys.length - 1;
  }

  get(key: RowValues): V | undefined {
    let level: Level | undefined = this.root;
    for (let index = 0; index < this.last; index += 1) {
      level = level.get(key[this.keys[index] as string] ?? null) as Level | undefined;
      if (level === undefined) return undefined;
    }
    return level.get(key[this.keys[this.last] as string] ?? null) as V | undefined;
  }

  set(key: RowValues, value: V): void {
    let level = this.root;
    for (let index = 0; index < this.last; index += 1) {
      const part = key[this.keys[index] as string] ?? null;
      let next = level.get(part) as Level | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(part, next);
      }
      level = next;
    }
    level.set(key[this.keys[this.last] as string] ?? null, value);
  }

  /** Removes the value; levels left empty go too, so keys handed over hold no memory. */
  delete(key: RowValues): boolean {
    const path: Level[] = [this.root];
    let level: Level = this.root;
    for (let index = 0; index < this.last; index += 1) {
      const next = level.get(key[this.keys[index] as string] ?? null) as Level | undefined;
      if (next === undefined) return false;
      path.push(next);
      level = next;
    }
    if (!level.delete(key[this.keys[this.last] as string] ?? null)) return false;
    for (let index = this.last; index > 0 && (path[index] as Level).size === 0; index -= 1) {
      (path[index - 1] as Level).delete(key[this.keys[index - 1] as string] ?? null);
    }
    return true;
  }

  /** Every value, then the map is empty. */
  *drain(): IterableIterator<V> {
    yield* this.valuesOf(this.root, 0);
    this.root.clear();
  }

  private *valuesOf(level: Level, depth: number): IterableIterator<V> {
    if (depth === this.last) {
      yield* level.values() as IterableIterator<V>;
      return;
    }
    for (const next of level.values()) yield* this.valuesOf(next as Level, depth + 1);
  }
}
