import { EventSchemas, SCHEMA_VERSION_KEY } from './event-schemas';
import { EventStoreException, EventStoreExceptionCode } from './event-store.exception';
import type { JsonObject, StoredEvent } from './event-store.port';

const stored = (type: string, data: JsonObject, metadata: JsonObject = {}): StoredEvent => ({
  id: '0190f5c0-0000-7000-8000-000000000001',
  type,
  stream: 'deal-1',
  revision: 0,
  position: { commit: 1n, prepare: 1n },
  data,
  metadata,
  occurredAt: '2026-03-01T09:00:00.000Z',
  recordedAt: '2026-03-01T09:00:00.000Z',
});

const schemas = new EventSchemas({
  AmountSet: { version: 2, upcasters: { 1: ({ amount, ...rest }) => ({ ...rest, amount: { value: amount ?? null, currency: 'EUR' } }) } },
});

describe('EventSchemas', () => {
  it('given a v1 event of a v2 type, when upcast, then the data has the v2 shape and the metadata says 2', () => {
    const event = schemas.upcast(stored('AmountSet', { dealId: 'd1', amount: 1200 }, { actor: 'rita' }));
    expect(event.data).toEqual({ dealId: 'd1', amount: { value: 1200, currency: 'EUR' } });
    expect(event.metadata).toEqual({ actor: 'rita', [SCHEMA_VERSION_KEY]: 2 });
  });

  it('given a current event or a type with no schema, when upcast, then it is given back as it is', () => {
    const current = stored('AmountSet', { dealId: 'd1', amount: { value: 5, currency: 'USD' } }, { [SCHEMA_VERSION_KEY]: 2 });
    const other = stored('NoteAdded', { amount: 5 });
    expect(schemas.upcast(current)).toBe(current);
    expect(schemas.upcast(other)).toBe(other);
  });

  it('given a v1 event, when upcast, then the stored event is left as it was (upcasting is pure)', () => {
    const event = stored('AmountSet', { dealId: 'd1', amount: 7 });
    schemas.upcast(event);
    expect(event.data).toEqual({ dealId: 'd1', amount: 7 });
    expect(event.metadata).toEqual({});
  });

  it('stamps only versions above 1, so history written before a type was versioned needs no stamp', () => {
    expect(schemas.stampOf('AmountSet')).toEqual({ [SCHEMA_VERSION_KEY]: 2 });
    expect(schemas.stampOf('NoteAdded')).toEqual({});
  });

  it.each([
    [{ [SCHEMA_VERSION_KEY]: 3 }, 'has schema version 3; this build knows AmountSet up to version 2'],
    [{ [SCHEMA_VERSION_KEY]: 'two' }, 'has schema version "two", which is no version'],
  ])('given metadata %j, when upcast, then it is refused: %s', (metadata, message) => {
    const refusal = (() => {
      try {
        schemas.upcast(stored('AmountSet', { amount: 1 }, metadata));
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refusal).toBeInstanceOf(EventStoreException);
    expect((refusal as EventStoreException).code).toBe(EventStoreExceptionCode.UNKNOWN_SCHEMA_VERSION);
    expect((refusal as EventStoreException).message).toContain(message);
  });

  it('refuses a schema with a missing upcaster or one from a version that does not exist', () => {
    expect(() => new EventSchemas({ AmountSet: { version: 3, upcasters: { 1: (data) => data } } })).toThrow('has no upcaster from version 2');
    expect(() => new EventSchemas({ AmountSet: { version: 2, upcasters: { 1: (data) => data, 2: (data) => data } } })).toThrow('an upcaster from version 2 has nothing to turn into');
    expect(() => new EventSchemas({ AmountSet: { version: 0 } })).toThrow('schema version must be an integer ≥ 1');
  });
});
