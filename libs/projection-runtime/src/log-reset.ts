import { comparePositions, EventStoreException, EventStoreExceptionCode, serializePosition, type EventStore, type Position } from '@crm/event-store';
import { PROJECTION_READ_FILTER } from './projection';

/** The store refused to read from a position that is not the start of an event in its log. */
export const isInvalidPosition = (error: unknown): boolean => error instanceof EventStoreException && error.code === EventStoreExceptionCode.INVALID_POSITION;

/**
 * Why `checkpoint` cannot be a place in the store's log, or `null` when it can. Read models outlive the
 * events when an in-memory EventStoreDB restarts or a store's files are deleted: the saved checkpoint then
 * lies beyond the new log's head, or, once the new log has grown past it, inside one of its records.
 * Following on from there would skip events silently, so the caller rebuilds instead.
 */
export const logResetBehind = async (store: EventStore, checkpoint: Position | null): Promise<string | null> => {
  if (checkpoint === null) return null;
  const head = await store.headPosition();
  if (head === null || comparePositions(checkpoint, head) > 0) {
    return `its checkpoint ${serializePosition(checkpoint)} lies beyond the head of the log (${head === null ? 'empty' : serializePosition(head)}): the event log was reset or replaced`;
  }
  try {
    await store.readAll({ from: checkpoint, filter: PROJECTION_READ_FILTER, maxCount: 1 });
  } catch (error) {
    if (!isInvalidPosition(error)) throw error;
    return `its checkpoint ${serializePosition(checkpoint)} is not the position of an event in this log: the event log was reset or replaced`;
  }
  return null;
};
