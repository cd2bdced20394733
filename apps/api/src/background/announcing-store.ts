import type { AppendResult, EventStore, EventSubscription, ExpectedRevision, NewEvent, Position, ReadAllOptions, ReadStreamOptions, StoredEvent, StoreWarning, SubscribeOptions } from '@crm/event-store';

/**
 * The worker's store, which tells of each stream it appended to: the request thread keeps folded
 * records in its command handler's cache and reads them again when the worker's reactors or timers
 * change them, so `GET /records/:kind/:id` shows their effects as it shows a request's.
 */
export class AnnouncingStore implements EventStore {
  readonly kind: string;

  constructor(
    private readonly store: EventStore,
    private readonly appended: (stream: string) => void,
  ) {
    this.kind = store.kind;
  }

  async append(stream: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    const result = await this.store.append(stream, events, expectedRevision);
    this.appended(stream);
    return result;
  }

  readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    return this.store.readStream(stream, options);
  }

  readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    return this.store.readAll(options);
  }

  subscribe(options?: SubscribeOptions): EventSubscription {
    return this.store.subscribe(options);
  }

  headPosition(): Promise<Position | null> {
    return this.store.headPosition();
  }

  warnings(): readonly StoreWarning[] {
    return this.store.warnings?.() ?? [];
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
