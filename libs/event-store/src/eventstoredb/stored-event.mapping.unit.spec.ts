import type { GatewayEvent } from './eventstoredb.gateway';
import { eventSizeOf } from '../append-input.validation';
import { toProposedEvent, toStoredEvent, undeliverableReason, unwrapMetadata } from './stored-event.mapping';

const recorded = (overrides: Partial<GatewayEvent> = {}): GatewayEvent => ({
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  stream: 'deal-1',
  revision: 3n,
  type: 'DealWon',
  position: { commit: 2n ** 60n, prepare: 2n ** 60n },
  isJson: true,
  data: { amount: 5 },
  metadata: { occurredAt: '2020-01-01T00:00:00.000Z', metadata: { actor: 'agent-7' } },
  created: new Date('2026-03-01T09:00:00.123Z'),
  ...overrides,
});

describe('stored event mapping', () => {
  it('given a validated event without occurredAt, when proposed, then its metadata goes into the envelope with the default business time', () => {
    const proposed = toProposedEvent(
      { id: 'id-1', type: 'DealWon', data: '{"amount":5}', metadata: '{"actor":"agent-7"}', occurredAt: null },
      '2026-03-01T09:00:00.000Z',
    );

    expect(proposed).toEqual({
      id: 'id-1',
      type: 'DealWon',
      data: { amount: 5 },
      metadata: { occurredAt: '2026-03-01T09:00:00.000Z', metadata: { actor: 'agent-7' } },
    });
  });

  it('given an event the server recorded, when mapped, then the envelope is unwrapped and recordedAt is the created time', () => {
    expect(toStoredEvent(recorded())).toEqual({
      id: '0f8fad5b-d9cb-469f-a165-70867728950e',
      type: 'DealWon',
      stream: 'deal-1',
      revision: 3,
      position: { commit: 2n ** 60n, prepare: 2n ** 60n },
      data: { amount: 5 },
      metadata: { actor: 'agent-7' },
      occurredAt: '2020-01-01T00:00:00.000Z',
      recordedAt: '2026-03-01T09:00:00.123Z',
    });
  });

  it.each([
    ['no metadata', undefined, {}],
    ['plain metadata', { source: 'csv' }, { source: 'csv' }],
    ['an envelope-like object with more keys', { occurredAt: 'x', metadata: {}, extra: 1 }, { occurredAt: 'x', metadata: {}, extra: 1 }],
    ['binary metadata', new Uint8Array([1, 2]), {}],
  ])('given %s written by another tool, then it is taken as the metadata and occurredAt is the recorded time', (_, metadata, expected) => {
    expect(unwrapMetadata(metadata, '2026-03-01T09:00:00.000Z')).toEqual({ occurredAt: '2026-03-01T09:00:00.000Z', metadata: expected });
  });

  it.each([
    ['binary data', { isJson: false, data: new Uint8Array([1]) }, 'its data is not JSON (binary content)'],
    ['data marked JSON that does not parse (the client hands over the text)', { data: '{"not": json' }, 'its data is marked JSON but does not parse'],
    ['JSON data that is not an object', { data: [1, 2] }, 'its data is JSON but not an object'],
  ])('given an event with %s, then it cannot be delivered, and mapping it is refused by name', (_, overrides, reason) => {
    expect(undeliverableReason(recorded(overrides))).toBe(reason);
    expect(() => toStoredEvent(recorded(overrides))).toThrow(`event 0f8fad5b-d9cb-469f-a165-70867728950e (stream "deal-1", revision 3) cannot be read: ${reason}`);
  });

  it('given an event of ours, then it can be delivered', () => {
    expect(undeliverableReason(recorded())).toBeNull();
  });

  it('given the largest business time, then the metadata envelope adds no more than the size both stores count for it', () => {
    const validated = { id: 'id-1', type: 'DealWon', data: '{}', metadata: '{"actor":"agent-7"}', occurredAt: '9999-12-31T23:59:59.999Z' };

    const proposed = toProposedEvent(validated, '2026-03-01T09:00:00.000Z');
    const sentSize = Buffer.byteLength(JSON.stringify(proposed.data)) + Buffer.byteLength(JSON.stringify(proposed.metadata)) + 2 * proposed.type.length;

    expect(sentSize).toBeLessThanOrEqual(eventSizeOf(validated));
  });

  it('given an event without a position, when mapped, then it is refused instead of getting a made-up one', () => {
    expect(() => toStoredEvent(recorded({ position: undefined }))).toThrow(/without its \$all position/);
  });
});
