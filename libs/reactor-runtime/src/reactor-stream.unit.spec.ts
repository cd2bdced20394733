import { positionOf, type ReadStreamOptions, type StoredEvent } from '@crm/event-store';
import {
  checkpointedEvent,
  leaseAfter,
  leaseOf,
  NO_LEASE,
  readLastEvent,
  reactorStream,
  refusedEvent,
  renewalDue,
  standingOf,
  type Lease,
} from './reactor-stream';

const at = (iso: string): Date => new Date(iso);

const stored = (revision: number, type: string, data: StoredEvent['data']): StoredEvent => ({
  id: `e-${revision}`,
  type,
  stream: reactorStream('onboarding'),
  revision,
  position: positionOf(100 + revision),
  data,
  metadata: {},
  occurredAt: '2026-06-01T09:00:00.000Z',
  recordedAt: '2026-06-01T09:00:00.000Z',
});

const lease = (overrides: Partial<Lease>): Lease => ({ ...NO_LEASE, revision: 4, holder: 'api-a', leaseUntil: at('2026-06-01T09:00:10.000Z'), ...overrides });

describe('the reactor bookkeeping stream', () => {
  it('given a checkpoint event, when read as the lease, then holder, position, expiry and revision come from it', () => {
    const event = checkpointedEvent({ id: 'x', holder: 'api-a', position: positionOf(42), leaseUntil: at('2026-06-01T09:00:10.000Z') });

    const read = leaseOf(stored(7, event.type, event.data));

    expect(read).toEqual({ revision: 7, holder: 'api-a', position: positionOf(42), leaseUntil: at('2026-06-01T09:00:10.000Z') });
  });

  it('given a checkpoint at the start of the log, when read, then its position is the start (null)', () => {
    const event = checkpointedEvent({ id: 'x', holder: 'api-a', position: null, leaseUntil: at('2026-06-01T09:00:10.000Z') });

    expect(leaseOf(stored(0, event.type, event.data)).position).toBeNull();
  });

  it('given a last event that is not a checkpoint, when read as the lease, then it is refused (every append ends with a checkpoint)', () => {
    expect(() => leaseOf(stored(3, 'Something', {}))).toThrow(expect.objectContaining({ code: 'INVALID_BOOKKEEPING' }));
  });

  it('given an append ending in a checkpoint, when the lease after it is computed, then its revision is the append’s last', () => {
    const next = leaseAfter({ id: 'x', holder: 'api-b', position: positionOf(9), leaseUntil: at('2026-06-01T09:00:30.000Z') }, 12);

    expect(next).toEqual({ revision: 12, holder: 'api-b', position: positionOf(9), leaseUntil: at('2026-06-01T09:00:30.000Z') });
  });

  it('given a refused command, when recorded, then the event names command, source, code and attempts, with an id derived from the command', () => {
    const first = refusedEvent({ commandId: 'c-1', sourceEventId: 's-1', sourceStream: 'deal-1', intent: 'open onboarding', code: 'FORBIDDEN', message: 'no', attempts: 1 });
    const again = refusedEvent({ commandId: 'c-1', sourceEventId: 's-1', sourceStream: 'deal-1', intent: 'open onboarding', code: 'FORBIDDEN', message: 'no', attempts: 1 });

    expect(first).toEqual(again);
    expect(first).toMatchObject({ type: 'ReactorCommandRefused', data: { commandId: 'c-1', sourceEventId: 's-1', code: 'FORBIDDEN', attempts: 1 } });
  });
});

describe('who may act: the lease standing', () => {
  const now = at('2026-06-01T09:00:05.000Z');

  it.each<[string, Lease, string]>([
    ['an empty stream', NO_LEASE, 'unclaimed'],
    ['my lease, valid', lease({ holder: 'api-a' }), 'mine'],
    ['my lease, expired', lease({ holder: 'api-a', leaseUntil: at('2026-06-01T09:00:01.000Z') }), 'mine'],
    ['another’s lease, valid', lease({ holder: 'api-b' }), 'held'],
    ['another’s lease, expired', lease({ holder: 'api-b', leaseUntil: at('2026-06-01T09:00:01.000Z') }), 'lapsed'],
    ['another’s lease, expiring right now', lease({ holder: 'api-b', leaseUntil: now }), 'lapsed'],
  ])('given %s, then the standing for api-a says so', (_case, given, expected) => {
    expect(standingOf(given, 'api-a', now)).toBe(expected);
  });

  it('given a lease with less than half its length left, then it is due for renewal, not before', () => {
    const held = lease({ leaseUntil: at('2026-06-01T09:00:10.000Z') });

    expect(renewalDue(held, at('2026-06-01T09:00:04.000Z'), 10_000)).toBe(false);
    expect(renewalDue(held, at('2026-06-01T09:00:05.001Z'), 10_000)).toBe(true);
  });
});

describe('readLastEvent: the end of a long stream without reading it all', () => {
  const streamOf = (length: number) => {
    const events = Array.from({ length }, (_, revision) => stored(revision, 'ReactorCheckpointed', {}));
    let reads = 0;
    return {
      get reads() {
        return reads;
      },
      readStream: async (_stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> => {
        reads += 1;
        const from = options.fromRevision ?? 0;
        return events.slice(from, options.maxCount === undefined ? undefined : from + options.maxCount);
      },
    };
  };

  it.each([0, 1, 2, 3, 1_000, 1_025, 100_000])('given a stream of %i events, when its last event is looked for, then it is found', async (length) => {
    const store = streamOf(length);

    const last = await readLastEvent(store, 'stream', -1);

    expect(last?.revision ?? null).toBe(length === 0 ? null : length - 1);
  });

  it('given 100,000 events, when the last is looked for, then a few dozen one-event reads suffice', async () => {
    const store = streamOf(100_000);

    await readLastEvent(store, 'stream', -1);

    expect(store.reads).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(100_000)) + 2);
  });

  it('given a known revision near the end, when the last is looked for, then it starts there', async () => {
    const store = streamOf(100_000);

    const last = await readLastEvent(store, 'stream', 99_990);

    expect(last?.revision).toBe(99_999);
    expect(store.reads).toBeLessThanOrEqual(10);
  });
});
