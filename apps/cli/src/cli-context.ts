import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadBlueprintDirectory } from '@crm/blueprint';
import { SqliteEventStore } from '@crm/event-store';
import { ReadModelDatabase } from '@crm/projection-runtime';
import { BlueprintCatalog } from '@crm/workflow';
import { CliException, CliExceptionCode } from './cli.exception';
import type { CommandInput } from './cli-command';

/** Where SqliteEventStore keeps the events inside the data directory. */
const EVENTS_FILE = 'events.sqlite';

/** Opens the event store; only an import may create a new one, everything else reports a missing store. */
export const openEventStore = async (input: CommandInput, options: { readonly create?: boolean } = {}): Promise<SqliteEventStore> => {
  const file = join(input.dataDir, EVENTS_FILE);
  if (!options.create && !existsSync(file)) {
    throw new CliException(CliExceptionCode.NO_DATA, `no event store in ${input.dataDir} (no ${EVENTS_FILE}); pass --data-dir or set CRM_DATA_DIR`, {
      dataDir: input.dataDir,
    });
  }
  return SqliteEventStore.open({ directory: input.dataDir, clock: input.io.clock });
};

export const openReadModels = (input: CommandInput): ReadModelDatabase => ReadModelDatabase.open({ directory: input.dataDir });

/**
 * The catalog of every blueprint version in the store, plus the files in `--blueprints` (published when
 * new, like at server start). Without the folder, the versions already in the store are used.
 */
export const openCatalog = async (store: SqliteEventStore, input: CommandInput): Promise<BlueprintCatalog> =>
  BlueprintCatalog.open(store, existsSync(input.blueprintsDir) ? loadBlueprintDirectory(input.blueprintsDir) : []);

/** Runs `use` and closes what was opened, in reverse order, whatever happens. */
export const using = async <T>(closers: (() => unknown)[], use: () => Promise<T>): Promise<T> => {
  try {
    return await use();
  } finally {
    for (const close of [...closers].reverse()) await close();
  }
};
