import { createHash } from 'node:crypto';
import type { Clock } from '@crm/clock';
import { deriveId, StreamCommandHandler, type StreamFold } from '@crm/command-handler';
import type { EventStore } from '@crm/event-store';

/** Streams of dedup reservations: one per normalized key of a kind (README, Intake and dedup). */
export const DEDUP_STREAM_PREFIX = '_dedup-';

export const KEY_CLAIMED = 'DedupKeyClaimed';
export const KEY_RELEASED = 'DedupKeyReleased';

/** The key's own stream; hashed, so any normalized value makes a short, valid stream name. */
export const keyStream = (kind: string, key: string): string => `${DEDUP_STREAM_PREFIX}${kind}-${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;

interface KeyState {
  readonly holder: string | null;
}

const keyFold: StreamFold<KeyState> = {
  initialState: () => ({ holder: null }),
  evolve: (state, events) => {
    let holder = state.holder;
    for (const event of events) {
      if (event.type === KEY_CLAIMED) holder = String(event.data['recordId']);
      if (event.type === KEY_RELEASED && holder === String(event.data['recordId'])) holder = null;
    }
    return { holder };
  },
};

const noAccessRule = (): void => undefined;

/**
 * Which record holds each exact match key. A claim is an append at the key stream's expected revision
 * ("no stream" for a new key), so of two writers claiming one key at once — in one process or two,
 * on SQLite or EventStoreDB — exactly one wins and the other learns the winner: exact keys are
 * race-free without a transaction across streams.
 */
export class KeyReservations {
  private readonly keys: StreamCommandHandler<KeyState>;

  constructor(store: EventStore, clock: Clock) {
    this.keys = new StreamCommandHandler(store, keyFold, { clock, cacheCapacity: 100_000 });
  }

  /** The record holding the key, or null; through the cache (a stale "free" is corrected by the claim). */
  async holderOf(kind: string, key: string): Promise<string | null> {
    return (await this.keys.state(keyStream(kind, key))).state.holder;
  }

  /** Claims the key for `recordId` unless another record holds it: the holder afterwards. */
  async claim(kind: string, key: string, recordId: string, commandId: string): Promise<string> {
    const outcome = await this.keys.handle({
      stream: keyStream(kind, key),
      commandId: deriveId(commandId, `claim:${key}`),
      authorize: noAccessRule,
      authorizeReplay: noAccessRule,
      decide: (state) => (state.holder === null ? [{ type: KEY_CLAIMED, data: { kind, key, recordId } }] : []),
      metadata: () => ({ kind }),
    });
    return outcome.state.holder ?? recordId;
  }

  /** Gives the key up if `recordId` holds it (a claim made for a lead that was not opened after all). */
  async release(kind: string, key: string, recordId: string, commandId: string): Promise<void> {
    await this.keys.handle({
      stream: keyStream(kind, key),
      commandId: deriveId(commandId, `release:${key}`),
      authorize: noAccessRule,
      authorizeReplay: noAccessRule,
      decide: (state) => (state.holder === recordId ? [{ type: KEY_RELEASED, data: { kind, key, recordId } }] : []),
      metadata: () => ({ kind }),
    });
  }
}
