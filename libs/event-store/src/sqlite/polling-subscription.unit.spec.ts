import { NEVER_DURING_A_TEST_MS } from '../contract';
import type { StoredEvent } from '../event-store.port';
import { positionOf, type Position } from '../position';
import { PollingSubscription, type SubscriptionPage, type SubscriptionSource } from './polling-subscription';

const eventAt = (sequence: number): StoredEvent => ({
  id: `id-${sequence}`,
  type: 'T',
  stream: 's',
  revision: sequence - 1,
  position: positionOf(sequence),
  data: {},
  metadata: {},
  occurredAt: '2026-01-01T00:00:00.000Z',
  recordedAt: '2026-01-01T00:00:00.000Z',
});

/**
 * An in-memory log: `readPage` answers from it like the store does (matching events, read through the
 * head when the page is short), `commit` adds events and wakes watchers.
 */
class FakeLog implements SubscriptionSource {
  readonly events: StoredEvent[] = [];
  readonly reads: (Position | 'start')[] = [];
  private readonly listeners = new Set<() => void>();
  /** When set, the next read waits for this before answering, so a test can act while a read is in flight. */
  gate: Promise<void> | null = null;

  constructor(private readonly matches: (event: StoredEvent) => boolean = () => true) {}

  async readPage(after: Position | 'start', limit: number): Promise<SubscriptionPage> {
    this.reads.push(after);
    const gate = this.gate;
    this.gate = null;
    const unread = this.events.filter((event) => after === 'start' || event.position.commit > after.commit);
    const page = unread.filter(this.matches).slice(0, limit);
    const head = unread[unread.length - 1]?.position ?? after;
    const readThrough = page.length < limit ? head : (page[page.length - 1] as StoredEvent).position;
    if (gate) await gate;
    return { events: page, readThrough };
  }

  watch(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  commit(count: number): void {
    for (let index = 0; index < count; index += 1) this.events.push(eventAt(this.events.length + 1));
    this.listeners.forEach((listener) => listener());
  }

  get watchers(): number {
    return this.listeners.size;
  }
}

const open = (log: FakeLog, pollIntervalMs = NEVER_DURING_A_TEST_MS): PollingSubscription =>
  new PollingSubscription(log, { after: 'start', pageSize: 2, pollIntervalMs, onClose: () => undefined });

const eventuallyRead = async (log: FakeLog, reads: number): Promise<void> => {
  while (log.reads.length < reads) await new Promise((resolve) => setImmediate(resolve));
};

const take = async (subscription: PollingSubscription, count: number): Promise<number[]> => {
  const sequences: number[] = [];
  while (sequences.length < count) {
    const next = await subscription.next();
    if (next.done) break;
    sequences.push(Number(next.value.position.commit));
  }
  return sequences;
};

describe('PollingSubscription', () => {
  it('given more events than a page, when iterated, then pages join after the last event read', async () => {
    const log = new FakeLog();
    log.commit(5);
    const subscription = open(log);

    expect(await take(subscription, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(log.reads.map((after) => (after === 'start' ? 'start' : Number(after.commit)))).toEqual(['start', 2, 4]);
    await subscription.close();
  });

  it('given events that do not match the filter, when a page comes back short, then the next read starts after them', async () => {
    const log = new FakeLog((event) => Number(event.position.commit) % 10 === 0);
    log.commit(7);
    const subscription = open(log);
    const next = subscription.next();
    await eventuallyRead(log, 1);

    log.commit(5);

    await expect(next).resolves.toMatchObject({ done: false, value: { id: 'id-10' } });
    expect(log.reads.map((after) => (after === 'start' ? 'start' : Number(after.commit)))).toEqual(['start', 7]);
    await subscription.close();
  });

  it('given an append committed while a read is in flight, when the read comes back empty, then it reads again instead of sleeping', async () => {
    const log = new FakeLog();
    const subscription = open(log);
    let openGate = (): void => undefined;
    log.gate = new Promise((resolve) => (openGate = resolve));
    const first = subscription.next();
    await new Promise((resolve) => setImmediate(resolve));

    log.commit(1);
    openGate();

    await expect(first).resolves.toMatchObject({ done: false, value: { id: 'id-1' } });
    await subscription.close();
  });

  it('given no wake-up (a writer in another process), when the poll interval passes, then the new event is found', async () => {
    const log = new FakeLog();
    const subscription = open(log, 10);
    const next = subscription.next();
    await new Promise((resolve) => setImmediate(resolve));

    log.events.push(eventAt(1));

    await expect(next).resolves.toMatchObject({ done: false, value: { id: 'id-1' } });
    await subscription.close();
  });

  it('given next() called twice without waiting, then the calls are served in order without duplicates', async () => {
    const log = new FakeLog();
    const subscription = open(log);
    const calls = [subscription.next(), subscription.next(), subscription.next()];

    log.commit(3);

    expect((await Promise.all(calls)).map((result) => result.value?.id)).toEqual(['id-1', 'id-2', 'id-3']);
    await subscription.close();
  });

  it('given a subscription, when returned by for-await break, then it stops watching the log', async () => {
    const log = new FakeLog();
    log.commit(3);
    const subscription = open(log);

    for await (const event of subscription) {
      expect(event.id).toBe('id-1');
      break;
    }

    expect(log.watchers).toBe(0);
    await expect(subscription.next()).resolves.toEqual({ done: true, value: undefined });
  });
});
