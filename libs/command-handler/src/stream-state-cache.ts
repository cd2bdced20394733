/**
 * Folded states of recently used streams, least recently used evicted first, so hot streams are not
 * re-read and re-folded on every command. A cached state may be stale when another process wrote to the
 * stream; the append's expected-revision check catches that and the entry is dropped.
 */
export class StreamStateCache<State> {
  private readonly entries = new Map<string, State>();

  constructor(readonly capacity: number = 10_000) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`cache capacity must be a whole number ≥ 0, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  get(stream: string): State | undefined {
    const state = this.entries.get(stream);
    if (state !== undefined) {
      this.entries.delete(stream);
      this.entries.set(stream, state);
    }
    return state;
  }

  set(stream: string, state: State): void {
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
