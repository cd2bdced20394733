import { describeAppendContract } from './append.contract';
import { describeConcurrencyContract } from './concurrency.contract';
import { describeConflictContract } from './conflict.contract';
import { describeFilterContract } from './filter.contract';
import { describeGlobalOrderContract } from './global-order.contract';
import { describeIdempotencyContract } from './idempotency.contract';
import { describeInvalidAppendContract } from './invalid-append.contract';
import { describeLifecycleContract } from './lifecycle.contract';
import { describeLongStreamContract } from './long-stream.contract';
import { describeSizeLimitsContract } from './size-limits.contract';
import { describeSubscriptionContract } from './subscription.contract';
import { useStoreContext, type CreateContractStore } from './store-context';

/**
 * Declares the behaviour every `EventStore` adapter must show, as one Jest `describe` block. Call it
 * from the adapter's spec with a factory for a fresh store; only the port is used, so the same suite
 * runs against SQLite and EventStoreDB. Every test writes streams under its own prefix and reads from
 * the head it found at its start, so a store shared between tests also works (written to by one test
 * at a time).
 */
export const describeEventStoreContract = (adapterName: string, createStore: CreateContractStore): void => {
  describe(`EventStore contract: ${adapterName}`, () => {
    const context = useStoreContext(createStore);

    describeAppendContract(context);
    describeConflictContract(context);
    describeIdempotencyContract(context);
    describeInvalidAppendContract(context);
    describeSizeLimitsContract(context);
    describeGlobalOrderContract(context);
    describeFilterContract(context);
    describeSubscriptionContract(context);
    describeLongStreamContract(context);
    describeConcurrencyContract(context);
    describeLifecycleContract(context);
  });
};
