import type { GatewayEvent } from './eventstoredb.gateway';
import { toProposedEvent, toStoredEvent, unwrapMetadata } from './stored-event.mapping';

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

  it('given an event whose data is not a JSON object, when mapped, then it is refused by name', () => {
    expect(() => toStoredEvent(recorded({ isJson: false, data: new Uint8Array([1]) }))).toThrow(/event 0f8fad5b-.* \(stream "deal-1", revision 3\) does not hold a JSON object/);
    expect(() => toStoredEvent(recorded({ data: [1, 2] }))).toThrow(/does not hold a JSON object/);
  });

  it('given an event without a position, when mapped, then it is refused instead of getting a made-up one', () => {
    expect(() => toStoredEvent(recorded({ position: undefined }))).toThrow(/without its \$all position/);
  });
});
