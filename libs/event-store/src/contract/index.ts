export { describeEventStoreContract } from './event-store.contract';
export { describeSchemaEvolutionContract } from './schema-evolution.contract';
export type { SchemaEvolutionHarness } from './schema-evolution.contract';
export type { ContractStore, CreateContractStore } from './store-context';
export { eventually, rejectionOf, settle, SubscriptionReader } from './async-probes';
export type { EventuallyOptions, SettledAppend } from './async-probes';
export { NEVER_DURING_A_TEST_MS, PROBE_TIMEOUT_MS, scaledTimeout, SLOW_TEST_TIMEOUT_MS, timeoutScale, timeoutScaleFrom } from './test-timeouts';
export { idsOf, newEvent, newEvents, readAllAfter, startOf } from './event-fixtures';
export { present } from './present';
