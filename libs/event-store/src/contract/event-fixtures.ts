import { randomUUID } from 'node:crypto';
import type { EventFilter, EventStore, JsonObject, NewEvent, StoredEvent } from '../event-store.port';
import type { Position } from '../position';

export const newEvent = (type = 'SomethingHappened', data: JsonObject = {}, extra: Partial<NewEvent> = {}): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  ...extra,
});

export const newEvents = (count: number, type = 'SomethingHappened', dataOf: (index: number) => JsonObject = (n) => ({ n })): NewEvent[] =>
  Array.from({ length: count }, (_, index) => newEvent(type, dataOf(index)));

/** Where this test's own events begin: after whatever the store held when the test started. */
export const startOf = async (store: EventStore): Promise<Position | 'start'> => (await store.headPosition()) ?? 'start';

/** Every matching event after `from`, following readAll pages to the end. */
export const readAllAfter = async (
  store: EventStore,
  from: Position | 'start',
  filter?: EventFilter,
  pageSize = 1_000,
): Promise<StoredEvent[]> => {
  const events: StoredEvent[] = [];
  let cursor = from;
  for (;;) {
    const page = await store.readAll({ from: cursor, filter, maxCount: pageSize });
    if (page.length === 0) return events;
    events.push(...page);
    cursor = (page[page.length - 1] as StoredEvent).position;
  }
};

export const idsOf = (events: readonly { readonly id: string }[]): string[] => events.map((event) => event.id);
