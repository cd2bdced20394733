import type { ValidatedAppend, ValidatedEvent } from '../append-input.validation';
import { EventStoreExceptionCode } from '../event-store.exception';
import type { StoredEvent } from '../event-store.port';
import { positionOf } from '../position';
import { findOriginalResult, verifyAcknowledged } from './append-idempotency';

const proposed = (id: string, data = '{"n":1}', type = 'DealMoved'): ValidatedEvent => ({ id, type, data, metadata: '{"by":"a"}', occurredAt: null });
const appendOf = (...events: ValidatedEvent[]): ValidatedAppend => ({ stream: 'deal-1', events, expectedRevision: 'any' });
const stored = (event: ValidatedEvent, revision: number, overrides: Partial<StoredEvent> = {}): StoredEvent => ({
  id: event.id,
  type: event.type,
  stream: 'deal-1',
  revision,
  position: positionOf(100 + revision),
  data: JSON.parse(event.data),
  metadata: JSON.parse(event.metadata),
  occurredAt: '2026-03-01T09:00:00.000Z',
  recordedAt: '2026-03-01T09:00:00.000Z',
  ...overrides,
});
const codeOf = (call: () => unknown): unknown => {
  try {
    call();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return 'no error';
};

describe('findOriginalResult', () => {
  const [a, b] = [proposed('a'), proposed('b')];

  it('given none of the ids stored, then there is no original and the append goes ahead', () => {
    expect(findOriginalResult(appendOf(a, b), new Map())).toBeNull();
  });

  it('given all ids stored consecutively with the same content (keys in another order), then the original result', () => {
    const storedB = stored(b, 5, { data: { n: 1 }, metadata: { by: 'a' } });
    const found = new Map([['a', stored(a, 4)], ['b', storedB]]);

    expect(findOriginalResult(appendOf(a, b), found)).toEqual({ nextExpectedRevision: 5, position: positionOf(105) });
  });

  it.each([
    ['one id missing', new Map([['a', stored(a, 4)]])],
    ['ids stored apart', new Map([['a', stored(a, 4)], ['b', stored(b, 7)]])],
    ['other data', new Map([['a', stored(a, 4)], ['b', stored(b, 5, { data: { n: 2 } })]])],
    ['another type', new Map([['a', stored(a, 4, { type: 'DealWon' })], ['b', stored(b, 5)]])],
    ['other metadata', new Map([['a', stored(a, 4, { metadata: {} })], ['b', stored(b, 5)]])],
  ])('given %s, then DUPLICATE_EVENT_ID', (_, found) => {
    expect(codeOf(() => findOriginalResult(appendOf(a, b), found))).toBe(EventStoreExceptionCode.DUPLICATE_EVENT_ID);
  });
});

describe('verifyAcknowledged', () => {
  const [a, b] = [proposed('a'), proposed('b')];

  it('given the acknowledged revisions hold this append, then its result with the position read back', () => {
    expect(verifyAcknowledged(appendOf(a, b), [stored(a, 0), stored(b, 1)])).toEqual({ nextExpectedRevision: 1, position: positionOf(101) });
  });

  it('given the server acknowledged events another attempt stored under the same ids with other data, then DUPLICATE_EVENT_ID', () => {
    const other = proposed('b', '{"n":2}');

    expect(codeOf(() => verifyAcknowledged(appendOf(a, b), [stored(a, 0), stored(other, 1)]))).toBe(EventStoreExceptionCode.DUPLICATE_EVENT_ID);
  });

  it('given other ids at the acknowledged revisions, then DUPLICATE_EVENT_ID', () => {
    expect(codeOf(() => verifyAcknowledged(appendOf(a, b), [stored(proposed('x'), 0), stored(b, 1)]))).toBe(EventStoreExceptionCode.DUPLICATE_EVENT_ID);
    expect(codeOf(() => verifyAcknowledged(appendOf(a, b), [stored(a, 0)]))).toBe(EventStoreExceptionCode.DUPLICATE_EVENT_ID);
  });
});
