import type { StoredEvent } from '@crm/event-store';
import { BLUEPRINT_VERSION_PUBLISHED, isRecordEvent, type StoredRecordEvent } from '@crm/workflow';

/**
 * The record events read models fold; TaskOpened carries nothing they report. StageRecorded (imported
 * history no transition explains) moves the stage as Transitioned does and marks the record non-conforming.
 */
export const RECORD_FACT_EVENT_TYPES = ['RecordOpened', 'FieldsChanged', 'Transitioned', 'StageRecorded', 'OwnerChanged'] as const;

export const STAGE_AWARE_EVENT_TYPES: readonly string[] = [BLUEPRINT_VERSION_PUBLISHED, ...RECORD_FACT_EVENT_TYPES];

/** A record moved to another blueprint version, maybe into another stage (README, Blueprint lifecycle). */
export const RECORD_MIGRATED = 'RecordMigrated';

export const isBlueprintPublished = (event: StoredEvent): boolean => event.type === BLUEPRINT_VERSION_PUBLISHED;

export const asRecordEvent = (event: StoredEvent): StoredRecordEvent | null => (isRecordEvent(event) ? event : null);

export const isImported = (event: StoredEvent): boolean => event.metadata['imported'] === true;

/**
 * Events as known at a business time: record events that happened after it are left out, everything
 * else (blueprint versions) is kept. The filter for a replay that is the reference of an as-of query.
 */
export const knownAt =
  (asOf: string) =>
  (event: StoredEvent): boolean =>
    !isRecordEvent(event) || event.occurredAt <= asOf;
