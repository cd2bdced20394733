import { isAfter, type EventStore, type Position, type StoredEvent } from '@crm/event-store';
import { SUBSCRIPTION_STREAM_PREFIX, WEBHOOK_DELETED, WEBHOOK_SUBSCRIBED } from './webhook.events';

/** A subscription as the log places it: stored at one position, deleted at another. */
export interface DirectoryEntry {
  readonly subscriptionId: string;
  readonly events: ReadonlySet<string>;
  readonly subscribedAt: Position;
  readonly deletedAt: Position | null;
}

const later = (a: Position | null, b: Position | null): Position | null => (a === null ? b : b === null ? a : isAfter(a, b) ? a : b);

/**
 * Which subscriptions were in force at a place in the log, read from the subscription streams
 * themselves: an event is delivered to the subscriptions stored before it and not deleted before it,
 * however far behind the read models are and however often the event is redelivered. Read forward
 * incrementally: each event of the log is scanned once per process; and once a first read has caught
 * up, the events the webhooks reactor is shown in log order (`observe`) carry it on without reading.
 */
export class SubscriptionDirectory {
  private readonly entries = new Map<string, DirectoryEntry>();
  /** Every subscription event up to here has been read. */
  private through: Position | null = null;
  private reading: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Pick<EventStore, 'readAll' | 'headPosition'>,
    private readonly pageSize = 1_000,
  ) {}

  async activeAt(position: Position): Promise<DirectoryEntry[]> {
    if (!this.covers(position)) await this.readOn();
    return [...this.entries.values()].filter((entry) => isAfter(position, entry.subscribedAt) && (entry.deletedAt === null || isAfter(entry.deletedAt, position)));
  }

  /**
   * Moves the directory on to `event`, learning from it if it is a subscription event. Only for a caller
   * shown every subscription event in log order, as a reactor whose types include them is: then no
   * subscription event lies unseen before `event`. Before the first read, and for events already
   * covered, it does nothing.
   */
  observe(event: StoredEvent): void {
    if (this.through === null || !isAfter(event.position, this.through)) return;
    this.learn(event);
    this.through = event.position;
  }

  private learn(event: StoredEvent): void {
    const subscriptionId = String(event.data['subscriptionId']);
    if (event.type === WEBHOOK_SUBSCRIBED) {
      const events = Array.isArray(event.data['events']) ? event.data['events'].map(String) : [];
      this.entries.set(subscriptionId, { subscriptionId, events: new Set(events), subscribedAt: event.position, deletedAt: null });
    }
    const entry = this.entries.get(subscriptionId);
    if (event.type === WEBHOOK_DELETED && entry !== undefined) this.entries.set(subscriptionId, { ...entry, deletedAt: event.position });
  }

  private covers(position: Position): boolean {
    return this.through !== null && !isAfter(position, this.through);
  }

  /** One read at a time: a batch's events ask together, and the first read covers them all. */
  private readOn(): Promise<void> {
    const next = this.reading.then(() => this.read());
    this.reading = next.catch(() => undefined);
    return next;
  }

  private async read(): Promise<void> {
    // Everything at or before the head is stored already, so after reading to the end the directory covers it.
    const head = await this.store.headPosition();
    let from = this.through;
    for (;;) {
      const page = await this.store.readAll({ from: from ?? 'start', filter: { streamPrefixes: [SUBSCRIPTION_STREAM_PREFIX] }, maxCount: this.pageSize });
      for (const event of page) this.learn(event);
      from = later(from, page[page.length - 1]?.position ?? null);
      if (page.length < this.pageSize) break;
    }
    this.through = later(from, head);
  }
}
