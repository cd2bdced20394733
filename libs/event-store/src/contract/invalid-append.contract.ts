import { randomUUID } from 'node:crypto';
import { EventStoreExceptionCode } from '../event-store.exception';
import type { ExpectedRevision, NewEvent } from '../event-store.port';
import { comparePositions, type Position } from '../position';
import { rejectionOf } from './async-probes';
import { newEvent } from './event-fixtures';
import type { StoreContext } from './store-context';

interface InvalidAppend {
  readonly name: string;
  /** Part of the message that tells the caller what is wrong. */
  readonly mentions: string;
  readonly stream?: string;
  readonly events?: () => unknown[];
  readonly expectedRevision?: unknown;
}

const cyclic = (): Record<string, unknown> => {
  const data: Record<string, unknown> = { name: 'loop' };
  data.self = data;
  return data;
};

const withData = (data: unknown): (() => unknown[]) => () => [{ id: randomUUID(), type: 'Tested', data }];
const withEvent = (fields: Record<string, unknown>): (() => unknown[]) => () => [{ id: randomUUID(), type: 'Tested', data: {}, ...fields }];

// Cast through `unknown` on purpose: these are the values TypeScript would reject, arriving from JSON or JS.
const invalidAppends: readonly InvalidAppend[] = [
  { name: 'no events', mentions: 'event', events: () => [] },
  { name: 'an empty stream name', mentions: 'stream', stream: '' },
  { name: 'an id that is not a UUID', mentions: 'id', events: withEvent({ id: 'order-1' }) },
  { name: 'a missing id', mentions: 'id', events: withEvent({ id: undefined }) },
  { name: 'an empty type', mentions: 'type', events: withEvent({ type: '' }) },
  { name: 'data that is an array', mentions: 'data', events: withData([1, 2]) },
  { name: 'data that is null', mentions: 'data', events: withData(null) },
  { name: 'data holding NaN', mentions: 'data', events: withData({ amount: Number.NaN }) },
  { name: 'data holding Infinity', mentions: 'data', events: withData({ amount: Number.POSITIVE_INFINITY }) },
  { name: 'data holding undefined', mentions: 'data', events: withData({ amount: undefined }) },
  { name: 'data holding a function', mentions: 'data', events: withData({ compute: () => 1 }) },
  { name: 'data holding a bigint', mentions: 'data', events: withData({ amount: 10n }) },
  { name: 'data holding a Date', mentions: 'data', events: withData({ at: new Date() }) },
  { name: 'data with a cycle', mentions: 'data', events: withData(cyclic()) },
  { name: 'metadata that is a string', mentions: 'metadata', events: withEvent({ metadata: 'urgent' }) },
  { name: 'metadata holding NaN', mentions: 'metadata', events: withEvent({ metadata: { score: Number.NaN } }) },
  { name: 'an occurredAt that is not a date', mentions: 'occurredAt', events: withEvent({ occurredAt: 'yesterday' }) },
  { name: 'an occurredAt on a day that does not exist', mentions: 'occurredAt', events: withEvent({ occurredAt: '2026-02-30T10:00:00Z' }) },
  { name: 'an occurredAt without an offset', mentions: 'occurredAt', events: withEvent({ occurredAt: '2026-03-01T10:00:00' }) },
  {
    name: 'the same id twice in one append',
    mentions: 'id',
    events: () => {
      const event = newEvent();
      return [event, { ...event, data: { again: true } }];
    },
  },
  { name: 'a valid event followed by an invalid one', mentions: 'data', events: () => [newEvent(), { id: randomUUID(), type: 'T', data: { n: Number.NaN } }] },
  { name: 'a negative expected revision', mentions: 'expectedRevision', expectedRevision: -1 },
  { name: 'a fractional expected revision', mentions: 'expectedRevision', expectedRevision: 1.5 },
];

const sameHead = (a: Position | null, b: Position | null): boolean =>
  a === null || b === null ? a === b : comparePositions(a, b) === 0;

export const describeInvalidAppendContract = (context: StoreContext): void => {
  describe('invalid appends', () => {
    it.each(invalidAppends)('given $name, when appended, then INVALID_APPEND names it and nothing is stored', async (invalid) => {
      const stream = invalid.stream ?? context.stream('order-1');
      const events = (invalid.events ?? (() => [newEvent()]))() as unknown as NewEvent[];
      const expectedRevision = (invalid.expectedRevision ?? 'any') as ExpectedRevision;
      const headBefore = await context.store.headPosition();

      const error = await rejectionOf(context.store.append(stream, events, expectedRevision));

      expect(error.code).toBe(EventStoreExceptionCode.INVALID_APPEND);
      expect(error.message).toContain(invalid.mentions);
      expect(sameHead(await context.store.headPosition(), headBefore)).toBe(true);
      if (stream !== '') expect(await context.store.readStream(stream)).toEqual([]);
    });
  });
};
