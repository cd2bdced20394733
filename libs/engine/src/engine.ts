import { loadBlueprintDirectory } from '@crm/blueprint';
import type { Clock } from '@crm/clock';
import { openEventStore, type EventStore, type EventStoreConfig } from '@crm/event-store';
import { BlueprintCatalog, RecordCommandHandler, type RecordAccessPolicy } from '@crm/workflow';

export interface EngineConfig {
  readonly dataDirectory: string;
  readonly blueprintsDirectory: string;
  readonly clock: Clock;
  /** Who may do what to which record; judged by the command handler inside each record's lock. */
  readonly policy: RecordAccessPolicy;
  /** Which store to open: SQLite in the data directory (the default) or EventStoreDB by connection string. */
  readonly eventStore?: Omit<EventStoreConfig, 'clock' | 'directory'>;
  /** An already opened store (tests, benchmarks); wins over `eventStore`. */
  readonly store?: EventStore;
  /** Called when following published blueprint versions fails (the catalog keeps what it has). */
  readonly onCatalogError?: (error: unknown) => void;
}

/**
 * The engine as one unit: event store, blueprint catalog (following the store), the one command
 * handler. The API and the CLI both open it this way, so they decide and store identically.
 */
export class Engine {
  private constructor(
    readonly store: EventStore,
    readonly catalog: BlueprintCatalog,
    readonly commands: RecordCommandHandler,
    readonly clock: Clock,
  ) {}

  static async open(config: EngineConfig): Promise<Engine> {
    const { clock } = config;
    // Blueprints are validated before the store is touched: a broken file must not leave a half-started engine.
    const definitions = loadBlueprintDirectory(config.blueprintsDirectory);
    const store = config.store ?? (await openEventStore({ kind: 'sqlite', ...config.eventStore, directory: config.dataDirectory, clock }));
    try {
      const catalog = await BlueprintCatalog.open(store, definitions);
      catalog.follow(config.onCatalogError ?? ((error) => process.emitWarning(`blueprint catalog stopped following the store: ${String(error)}`)));
      return new Engine(store, catalog, new RecordCommandHandler(store, catalog, { clock, policy: config.policy }), clock);
    } catch (error) {
      await store.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.catalog.stop();
    await this.store.close();
  }
}
