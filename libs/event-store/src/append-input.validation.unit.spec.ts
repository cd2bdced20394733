import { randomUUID } from 'node:crypto';
import { EventStoreExceptionCode } from './event-store.exception';
import type { NewEvent } from './event-store.port';
import { eventSizeOf, maxAppendBytes, maxEventBytes, validateAppend } from './append-input.validation';

const id = '0f8fad5b-d9cb-469f-a165-70867728950e';

const newSmallEvent = (): NewEvent => ({ id: randomUUID(), type: 'A', data: {} });

const problemOf = (call: () => unknown): { code: unknown; message: string } => {
  try {
    call();
  } catch (error) {
    return { code: (error as { code?: unknown }).code, message: (error as Error).message };
  }
  throw new Error('expected validation to fail');
};

describe('validateAppend', () => {
  it('given a valid append, then ids are lower-cased, JSON serialized, metadata defaulted and occurredAt normalized', () => {
    const events: NewEvent[] = [
      { id: id.toUpperCase(), type: 'DealWon', data: { amount: 10 }, occurredAt: '2026-03-01T10:00:00+01:00' },
      { id: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed', type: 'DealNoted', data: {}, metadata: { by: 'agent-7' } },
    ];

    expect(validateAppend('deal-1', events, 'any')).toEqual({
      stream: 'deal-1',
      expectedRevision: 'any',
      events: [
        { id, type: 'DealWon', data: '{"amount":10}', metadata: '{}', occurredAt: '2026-03-01T09:00:00.000Z' },
        { id: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed', type: 'DealNoted', data: '{}', metadata: '{"by":"agent-7"}', occurredAt: null },
      ],
    });
  });

  it('given a bad value deep in the second event, then INVALID_APPEND names the stream, the event and the path', () => {
    const events: NewEvent[] = [
      { id, type: 'A', data: {} },
      { id: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed', type: 'B', data: { lines: [{ qty: Number.NaN }] } },
    ];

    expect(problemOf(() => validateAppend('deal-1', events, 'any'))).toEqual({
      code: EventStoreExceptionCode.INVALID_APPEND,
      message: 'stream "deal-1": events[1].data.lines[0].qty is NaN, which is not JSON',
    });
  });

  it('given the same id twice in different case, then it is one id used twice', () => {
    const events = [
      { id, type: 'A', data: {} },
      { id: id.toUpperCase(), type: 'A', data: {} },
    ];

    expect(problemOf(() => validateAppend('deal-1', events, 'any')).message).toContain(`event id ${id} appears more than once`);
  });

  it.each([
    ['a blank stream name', () => validateAppend('   ', [{ id, type: 'A', data: {} }], 'any'), 'stream name'],
    ['a bigint id', () => validateAppend('s', [{ id: 1n, type: 'A', data: {} } as unknown as NewEvent], 'any'), 'events[0].id must be a UUID string, not 1n'],
    ['events that are not an array', () => validateAppend('s', 'x' as unknown as NewEvent[], 'any'), 'at least one event'],
    ['a system stream name', () => validateAppend('$deal-1', [{ id, type: 'A', data: {} }], 'any'), 'reserved for system streams'],
    ['a system event type', () => validateAppend('s', [{ id, type: '$DealWon', data: {} }], 'any'), 'events[0].type "$DealWon" starts with "$"'],
    ['a stream of the event-id claims', () => validateAppend('_crm-event-id-x', [{ id, type: 'A', data: {} }], 'any'), 'reserved for the store\'s event-id claims'],
    ['an unknown expected revision', () => validateAppend('s', [{ id, type: 'A', data: {} }], 'latest' as unknown as 'any'), "expectedRevision must be"],
  ])('given %s, then the message says what is wrong', (_, call, expected) => {
    expect(problemOf(call).message).toContain(expected);
  });

  describe('sizes, as EventStoreDB counts them (data, metadata with the store\'s envelope, two bytes per type character)', () => {
    // `{"text":"…"}` is 11 bytes around the text; `{}` metadata is 2.
    const eventOfSize = (size: number, type = 'A'): NewEvent => ({
      id: randomUUID(),
      type,
      data: { text: 'x'.repeat(size - eventSizeOf({ type, data: '{"text":""}', metadata: '{}' })) },
    });

    it('given events that add up to exactly the most one append may carry, then it is valid', () => {
      const events = [eventOfSize(maxAppendBytes - 1_000), eventOfSize(1_000, 'DealWon')];

      expect(validateAppend('deal-1', events, 'any').events.map(eventSizeOf)).toEqual([maxAppendBytes - 1_000, 1_000]);
    });

    it('given one byte more, then INVALID_APPEND naming the size and the limit', () => {
      const problem = problemOf(() => validateAppend('deal-1', [eventOfSize(maxAppendBytes - 1_000), eventOfSize(1_001)], 'any'));

      expect(problem).toEqual({
        code: EventStoreExceptionCode.INVALID_APPEND,
        message: `stream "deal-1": this append is ${maxAppendBytes + 1} bytes; one append may carry at most ${maxAppendBytes} (split it)`,
      });
    });

    it('given an event larger than the server keeps in one record, then INVALID_APPEND naming that event', () => {
      const problem = problemOf(() => validateAppend('deal-1', [newSmallEvent(), eventOfSize(maxEventBytes + 1)], 'any'));

      expect(problem.message).toBe(`stream "deal-1": events[1] is ${maxEventBytes + 1} bytes; an event may hold at most ${maxEventBytes}`);
    });
  });
});
