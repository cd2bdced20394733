import type { EventStore, ReadAllOptions } from '@crm/event-store';

/** How many events of `type` the store holds, read page by page from `$all`. */
export const countEventsOfType = async (store: EventStore, type: string): Promise<number> => {
  let count = 0;
  let from: ReadAllOptions = { from: 'start', filter: { eventTypes: [type] }, maxCount: 10_000 };
  for (;;) {
    const page = await store.readAll(from);
    count += page.length;
    const last = page[page.length - 1];
    if (last === undefined) return count;
    from = { ...from, from: last.position };
  }
};
