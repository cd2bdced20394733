import type { EventStore, StoredEvent } from '@crm/event-store';
import { RecordCache } from './record-cache';
import { evolveRecordWith, foldRecord, type RecordState } from './record.state';
import { recordStreamName } from './record-stream';

/** Loads a record by folding its stream, through a bounded cache of folded states. */
export class RecordRepository {
  constructor(
    private readonly store: EventStore,
    private readonly cache: RecordCache = new RecordCache(),
  ) {}

  async load(kind: string, recordId: string, options: { fresh?: boolean } = {}): Promise<RecordState> {
    const stream = recordStreamName(kind, recordId);
    if (!options.fresh) {
      const cached = this.cache.get(stream);
      if (cached) return cached;
    }
    const state = foldRecord(kind, recordId, await this.store.readStream(stream));
    if (state.exists) this.cache.set(stream, state);
    return state;
  }

  /** Events of the record, for history and for answering a retried command. */
  history(kind: string, recordId: string): Promise<StoredEvent[]> {
    return this.store.readStream(recordStreamName(kind, recordId));
  }

  /** Folds freshly appended events into the cached state, so the next command needs no read. */
  remember(state: RecordState, appended: readonly StoredEvent[]): RecordState {
    const next = evolveRecordWith(state, appended);
    this.cache.set(recordStreamName(next.kind, next.recordId), next);
    return next;
  }

  forget(kind: string, recordId: string): void {
    this.cache.delete(recordStreamName(kind, recordId));
  }
}
