import type { RecordState } from './record.state';

/**
 * Folded record states of recently used records, least recently used evicted first, so hot records are
 * not re-read and re-folded on every command. A cached state may be stale if another process wrote to
 * the record; the append's expected-revision check catches that and the entry is dropped.
 */
export class RecordCache {
  private readonly entries = new Map<string, RecordState>();

  constructor(readonly capacity: number = 10_000) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`cache capacity must be a whole number ≥ 0, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  get(stream: string): RecordState | undefined {
    const state = this.entries.get(stream);
    if (state) {
      this.entries.delete(stream);
      this.entries.set(stream, state);
    }
    return state;
  }

  set(stream: string, state: RecordState): void {
    if (this.capacity === 0) return;
    this.entries.delete(stream);
    this.entries.set(stream, state);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  delete(stream: string): void {
    this.entries.delete(stream);
  }
}
