import { hash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '@crm/clock';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidV7Pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => uuidPattern.test(value);

/** A fresh time-ordered id; time-ordered ids keep SQLite's unique indexes fast (README, Architecture). */
export const newCommandId = (clock: Clock): string => uuidv7({ msecs: clock.now().getTime() });

const formatUuid = (bytes: Buffer): string => {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

/**
 * A deterministic id for the n-th thing a command produces (its events, the record it opens), so a
 * retried command produces the same ids and the store recognises the retry. When the commandId is a
 * UUIDv7 its millisecond timestamp is kept, so derived ids stay time-ordered like fresh ones; otherwise
 * (a client's arbitrary Idempotency-Key) the id is a name-based UUIDv5 of the commandId.
 */
export const deriveId = (commandId: string, discriminator: string): string => {
  // One-shot hash of the same bytes as update(commandId), update('\0'), update(discriminator): the same
  // ids as before, without building a Hash object per id (about half the cost of an id).
  const bytes = hash('sha256', `${commandId}\u0000${discriminator}`, 'buffer').subarray(0, 16);
  if (uuidV7Pattern.test(commandId)) {
    Buffer.from(commandId.replace(/-/g, '').slice(0, 12), 'hex').copy(bytes, 0);
    bytes[6] = (bytes[6] & 0x0f) | 0x70;
  } else {
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
  }
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  return formatUuid(bytes);
};

export const eventIdFor = (commandId: string, index: number): string => deriveId(commandId, `event:${index}`);

