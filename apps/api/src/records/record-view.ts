import { serializePosition, type StoredEvent } from '@crm/event-store';
import type { CommandEvent, RecordView } from '@crm/workflow';

export { recordView, type RecordView } from '@crm/workflow';

export interface HistoryEntry {
  readonly id: string;
  readonly type: string;
  readonly revision: number;
  readonly position: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly data: StoredEvent['data'];
  readonly metadata: StoredEvent['metadata'];
}

export const historyEntry = (event: StoredEvent): HistoryEntry => ({
  id: event.id,
  type: event.type,
  revision: event.revision,
  position: serializePosition(event.position),
  occurredAt: event.occurredAt,
  recordedAt: event.recordedAt,
  data: event.data,
  metadata: event.metadata,
});

/** What a write answers: the record as it now is, and the events the request stored. */
export interface RecordWriteResult {
  readonly record: RecordView;
  readonly events: readonly CommandEvent[];
}
