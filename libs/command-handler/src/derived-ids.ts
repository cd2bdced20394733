import { hash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '@crm/clock';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidV7Pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => uuidPattern.test(value);

/** A fresh time-ordered id; time-ordered ids keep SQLite's unique indexes fast (README, Architecture). */
export const newCommandId = (clock: Clock): string => uuidv7({ msecs: clock.now().getTime() });

/** The variant nibble (RFC 9562: binary 10xx) over the hash's own low two bits. */
const variantDigit = (digit: string): string => ((parseInt(digit, 16) & 0x3) | 0x8).toString(16);

/**
 * A deterministic id for the n-th thing a command produces (its events, the record it opens), so a
 * retried command produces the same ids and the store recognises the retry. When the commandId is a
 * UUIDv7 its millisecond timestamp is kept, so derived ids stay time-ordered like fresh ones; otherwise
 * (a client's arbitrary Idempotency-Key) the id is a name-based UUIDv5 of the commandId.
 */
export const deriveId = (commandId: string, discriminator: string): string => {
  // The first 16 bytes of sha256(commandId \0 discriminator), as hex, with the version and variant bits
  // set; written straight into the UUID text (ids are derived for every event of every command).
  const hex = hash('sha256', `${commandId}\u0000${discriminator}`, 'hex');
  const v7 = uuidV7Pattern.test(commandId);
  const head = v7 ? `${commandId.slice(0, 8)}-${commandId.slice(9, 13)}`.toLowerCase() : `${hex.slice(0, 8)}-${hex.slice(8, 12)}`;
  return `${head}-${v7 ? '7' : '5'}${hex.slice(13, 16)}-${variantDigit(hex.charAt(16))}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export const eventIdFor = (commandId: string, index: number): string => deriveId(commandId, `event:${index}`);

