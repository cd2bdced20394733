import { randomUUID } from 'node:crypto';
import type { ManualClock } from '@crm/clock';
import type { EventStore } from '../event-store.port';

/** What an adapter's spec hands the contract: a fresh store per test, and how to get rid of it. */
export interface ContractStore {
  readonly store: EventStore;
  /** The clock the store reads, when the adapter lets the test control it. */
  readonly clock?: ManualClock;
  /** Releases the store; must tolerate a store the test already closed. */
  readonly dispose: () => Promise<void>;
}

export type CreateContractStore = () => Promise<ContractStore>;

export interface StoreContext {
  readonly store: EventStore;
  readonly clock: ManualClock | undefined;
  /** Unique to the running test, so the suite also holds on a server that other tests share. */
  readonly prefix: string;
  /** `<prefix><name>`. */
  stream(name: string): string;
}

/** Registers beforeEach/afterEach in the calling `describe`; read the context only inside tests. */
export const useStoreContext = (createStore: CreateContractStore): StoreContext => {
  let current: ContractStore | null = null;
  let prefix = '';

  beforeEach(async () => {
    current = await createStore();
    prefix = `t${randomUUID().slice(0, 8)}-`;
  });

  afterEach(async () => {
    const finished = current;
    current = null;
    await finished?.dispose();
  });

  const active = (): ContractStore => {
    if (!current) throw new Error('the contract store exists only inside a test');
    return current;
  };

  return {
    get store() {
      return active().store;
    },
    get clock() {
      return active().clock;
    },
    get prefix() {
      return prefix;
    },
    stream: (name) => `${prefix}${name}`,
  };
};
