import { ManualClock } from '@crm/clock';
import { deriveId, eventIdFor, isUuid, newCommandId } from './derived-ids';

describe('derived ids', () => {
  it('given a UUIDv7 command id, when event ids are derived, then they are deterministic, distinct and keep its time', () => {
    const commandId = newCommandId(new ManualClock('2026-03-02T09:00:00.000Z'));
    const first = eventIdFor(commandId, 0);

    expect(eventIdFor(commandId, 0)).toBe(first);
    expect(eventIdFor(commandId, 1)).not.toBe(first);
    expect(isUuid(first)).toBe(true);
    expect(first[14]).toBe('7');
    expect(first.slice(0, 13)).toBe(commandId.slice(0, 13));
  });

  it('given an arbitrary idempotency key, when an id is derived, then it is a name-based UUID', () => {
    const id = deriveId('client-key-42', 'event:0');
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('5');
    expect(deriveId('client-key-43', 'event:0')).not.toBe(id);
  });

  it('given fixed command ids, when ids are derived, then they are the ids every earlier version derived (retries across upgrades stay idempotent)', () => {
    const commandId = '0190a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b';

    expect([eventIdFor(commandId, 0), eventIdFor(commandId, 1), deriveId(commandId, 'record'), deriveId('idempotency:rita:clé-42', 'event:0')]).toEqual([
      '0190a1b2-3c4d-79ff-9f9c-c7cf996f472e',
      '0190a1b2-3c4d-74a3-8fe0-1124e8f4a5bb',
      '0190a1b2-3c4d-741b-a5f4-b722858293ff',
      '9c380cb4-bd3e-5023-b5a8-1390ea5fad4e',
    ]);
  });
});
