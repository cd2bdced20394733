import { loadBlueprintDirectory } from '@crm/blueprint';
import type { Clock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { RoleAccessPolicy, type UserDirectory } from '@crm/identity';
import { BlueprintCatalog, RecordCommandHandler } from '@crm/workflow';

const shippedBlueprints = `${__dirname}/../../../../blueprints`;

export interface CrmRecords {
  readonly store: SqliteEventStore;
  readonly commands: RecordCommandHandler;
  close(): Promise<void>;
}

/**
 * The shipped blueprints, the role rules of `users` and the one record command handler on a SQLite store
 * in `directory`: the record events the outbox follows, written as the app writes them.
 */
export const openCrmRecords = async (directory: string, clock: Clock, users: UserDirectory): Promise<CrmRecords> => {
  const store = await SqliteEventStore.open({ directory, clock, livePollIntervalMs: 10 });
  const catalog = await BlueprintCatalog.open(store, loadBlueprintDirectory(shippedBlueprints));
  return {
    store,
    commands: new RecordCommandHandler(store, catalog, { clock, policy: new RoleAccessPolicy(() => users) }),
    close: async () => {
      await catalog.stop();
      await store.close();
    },
  };
};
