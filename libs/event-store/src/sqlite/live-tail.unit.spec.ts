import type { StoredEvent } from '../event-store.port';
import { positionOf } from '../position';
import { LiveTail } from './live-tail';

/** A log of `Noted` events on streams `a-<n>` / `b-<n>`, counting the rows read from it. */
class CountingLog {
  readonly events: StoredEvent[] = [];
  rowsRead = 0;

  append(count: number): bigint {
    for (let index = 0; index < count; index += 1) {
      const sequence = this.events.length + 1;
      this.events.push({
        id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
        type: sequence % 2 === 0 ? 'Even' : 'Odd',
        stream: `${sequence % 3 === 0 ? 'b' : 'a'}-${sequence}`,
        revision: 0,
        position: positionOf(sequence),
        data: {},
        metadata: {},
        occurredAt: '2026-11-29T04:00:00.000Z',
        recordedAt: '2026-11-29T04:00:00.000Z',
      });
    }
    return BigInt(this.events.length);
  }

  readonly readRange = (after: bigint, until: bigint, limit: number): StoredEvent[] => {
    const rows = this.events.filter((event) => event.position.commit > after && event.position.commit <= until).slice(0, limit);
    this.rowsRead += rows.length;
    return rows;
  };
}

const everything = (): boolean => true;
const sequences = (events: readonly StoredEvent[]): number[] => events.map((event) => Number(event.position.commit));

describe('the live tail shared by subscriptions', () => {
  it('given ten subscriptions at the head, when 100 events are appended and each reads them, then the log is read once', () => {
    const log = new CountingLog();
    const tail = new LiveTail(1_000, log.readRange);
    const head = log.append(100);

    const pages = Array.from({ length: 10 }, () => tail.page(0n, head, 500, everything));

    expect(pages.map((page) => page?.events.length)).toEqual(Array.from({ length: 10 }, () => 100));
    expect(log.rowsRead).toBe(100);
  });

  it('given a filter, when a page comes back short, then it holds only the matches and reads through to the head', () => {
    const log = new CountingLog();
    const tail = new LiveTail(1_000, log.readRange);
    const head = log.append(12);

    const page = tail.page(0n, head, 500, (event) => event.stream.startsWith('b-'));

    expect(sequences(page?.events ?? [])).toEqual([3, 6, 9, 12]);
    expect(page?.readThrough).toBe(12n);
  });

  it('given a limit, when more events match, then the page stops at the limit and reads through its last event', () => {
    const log = new CountingLog();
    const tail = new LiveTail(1_000, log.readRange);
    const head = log.append(20);

    const page = tail.page(4n, head, 3, (event) => event.type === 'Even');

    expect(sequences(page?.events ?? [])).toEqual([6, 8, 10]);
    expect(page?.readThrough).toBe(10n);
  });

  it('given a subscription further behind than the tail holds, then the tail leaves it to read the log itself', () => {
    const log = new CountingLog();
    const tail = new LiveTail(50, log.readRange);
    const head = log.append(200);

    expect(tail.page(0n, head, 500, everything)).toBeNull();
    expect(log.rowsRead).toBe(0);
  });

  it('given more new events than the tail holds, when a subscription is behind the oldest kept, then it reads the log itself, and one at the head is served', () => {
    const log = new CountingLog();
    const tail = new LiveTail(50, log.readRange);
    tail.page(0n, log.append(40), 500, everything);
    const head = log.append(30);

    const atHead = tail.page(60n, head, 500, everything);
    const behind = tail.page(10n, head, 500, everything);

    expect(sequences(atHead?.events ?? [])).toEqual([61, 62, 63, 64, 65, 66, 67, 68, 69, 70]);
    expect(behind).toBeNull();
  });
});
