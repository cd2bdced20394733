import { comparePositions, type EventFilter, type EventStore, type Position } from '@crm/event-store';

const pageSize = 5_000;

/**
 * How many events matching `filter` lie after `from` (up to `until`, inclusive, when given). The port
 * has no count, and positions are not counts on every adapter (EventStoreDB's are byte offsets), so
 * this pages through the events; it is for progress totals and lag, not for hot paths.
 */
export const countEvents = async (
  store: EventStore,
  from: Position | 'start',
  filter: EventFilter,
  until?: Position,
): Promise<number> => {
  let count = 0;
  let cursor = from;
  for (;;) {
    const page = await store.readAll({ from: cursor, filter, maxCount: pageSize });
    if (page.length === 0) return count;
    const last = page[page.length - 1];
    if (until !== undefined && comparePositions(last.position, until) > 0) {
      return count + page.filter((event) => comparePositions(event.position, until) <= 0).length;
    }
    count += page.length;
    cursor = last.position;
  }
};
