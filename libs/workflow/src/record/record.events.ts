import type { EventSchemas, StoredEvent } from '@crm/event-store';
import type { ApprovalEvent } from '../approvals/approvals.events';
import type { ConversionEvent } from '../conversion/conversion.events';
import type { CoreEvent } from '../core/core.events';
import type { HistoryImportEvent } from '../history-import/history-import.events';
import type { OwnershipEvent } from '../ownership/ownership.events';
import type { TaskEvent } from '../tasks/tasks.events';
import type { TimerEvent } from '../timers/timers.events';
import type { TransitionEvent } from '../transition/transition.events';
import type { LeadPoolEvent } from '../lead-pool/lead-pool.events';
import type { ScoringEvent } from '../scoring/scoring.events';
import type { OrdersEvent } from '../orders/orders.events';
import type { LeadDedupEvent } from '../lead-dedup/lead-dedup.events';
import type { QuoteLinesEvent } from '../quote-lines/quote-lines.events';
import type { MigrationEvent } from '../migration/migration.events';
import { RECORD_SLICES, RecordSlices } from './record-slices';

/** The facts a record's stream is made of, as the built-in slices declare them. */
export type RecordEvent = CoreEvent | TransitionEvent | HistoryImportEvent | OwnershipEvent | TaskEvent | TimerEvent | ApprovalEvent | LeadPoolEvent | ScoringEvent | LeadDedupEvent | ConversionEvent | MigrationEvent | OrdersEvent | QuoteLinesEvent;
export type RecordEventType = RecordEvent['type'];

/** The event types of the built-in slices, from the registry. */
export const RECORD_EVENT_TYPES: readonly string[] = RECORD_SLICES.flatMap((slice) => Object.keys(slice.events));

/**
 * The schema versions of the built-in record events and their upcasters: give them to every store that
 * holds records (README, "Event schema versions"), so every reader sees only current shapes.
 */
export const RECORD_EVENT_SCHEMAS: EventSchemas = new RecordSlices(RECORD_SLICES).eventSchemas;

export type StoredRecordEvent = StoredEvent & RecordEvent;

const KNOWN = new Set(RECORD_EVENT_TYPES);

/** A stored or decided event of a built-in slice, narrowed to its declared type by its type name. */
export const isRecordEvent = <E extends { readonly type: string }>(event: E): event is E & RecordEvent => KNOWN.has(event.type);
