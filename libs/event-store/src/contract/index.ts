export { describeEventStoreContract } from './event-store.contract';
export type { ContractStore, CreateContractStore } from './store-context';
export { eventually, rejectionOf, settle, SubscriptionReader } from './async-probes';
export type { EventuallyOptions, SettledAppend } from './async-probes';
export { idsOf, newEvent, newEvents, readAllAfter, startOf } from './event-fixtures';
