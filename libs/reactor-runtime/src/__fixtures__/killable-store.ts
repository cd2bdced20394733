import {
  EventStoreException,
  EventStoreExceptionCode,
  type AppendResult,
  type EventStore,
  type EventSubscription,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeOptions,
} from '@crm/event-store';

const killed = (): EventStoreException => new EventStoreException(EventStoreExceptionCode.CLOSED, 'the process was killed');

/**
 * One process's connection to the store, which the test can kill: from then on every call fails, its
 * subscriptions end, and appends it was holding back never reach the store — as when the process dies
 * with them in flight. `holdAppendsTo(stream)` holds back every later append to that stream.
 */
export class KillableStore implements EventStore {
  private dead = false;
  private heldStream: string | null = null;
  private readonly held: (() => void)[] = [];

  constructor(private readonly inner: EventStore) {}

  get kind(): string {
    return this.inner.kind;
  }

  /** Appends to `stream` held back so far: they never complete. */
  get heldAppends(): number {
    return this.held.length;
  }

  holdAppendsTo(stream: string): void {
    this.heldStream = stream;
  }

  async kill(): Promise<void> {
    this.dead = true;
    for (const reject of this.held.splice(0)) reject();
    await this.inner.close();
  }

  append(stream: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    if (this.dead) return Promise.reject(killed());
    if (stream === this.heldStream) return new Promise((_resolve, reject) => this.held.push(() => reject(killed())));
    return this.inner.append(stream, events, expectedRevision);
  }

  readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    return this.dead ? Promise.reject(killed()) : this.inner.readStream(stream, options);
  }

  readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    return this.dead ? Promise.reject(killed()) : this.inner.readAll(options);
  }

  subscribe(options?: SubscribeOptions): EventSubscription {
    if (this.dead) throw killed();
    return this.inner.subscribe(options);
  }

  headPosition(): Promise<Position | null> {
    return this.dead ? Promise.reject(killed()) : this.inner.headPosition();
  }

  async close(): Promise<void> {
    if (!this.dead) await this.inner.close();
    this.dead = true;
  }
}
