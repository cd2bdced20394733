import type { BlueprintRef } from '@crm/blueprint';
import type { StoredEvent } from '@crm/event-store';

/** The shape every record event shares; each slice declares its own events on top of it. */
export interface RecordEventBase {
  readonly type: string;
  readonly data: { readonly recordId: string };
}

/** A decided event; `occurredAt` is set only when business time is not "now" (imported history). */
export type DecidedRecordEvent<E extends RecordEventBase = RecordEventBase> = E & { readonly occurredAt?: string };

/** A record event as the store gives it back. */
export type StoredRecordEventOf<E extends RecordEventBase> = StoredEvent & E;

/** Who did it and why, on every event (the audit trail is the metadata). */
export interface RecordEventMetadata {
  readonly actor: string;
  readonly roles: readonly string[];
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly blueprint: BlueprintRef;
  readonly origin?: { readonly via: string; readonly osUser?: string };
  /** Set on history recorded by ImportRecordHistory. */
  readonly imported?: true;
  readonly importSource?: string;
}
