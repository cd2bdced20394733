import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  invalidBlueprint,
  validateBlueprint,
  type BlueprintDefinition,
  type BlueprintProblem,
  type BusinessCalendars,
  type CompiledBlueprint,
} from '@crm/blueprint';
import { loadQuoteCatalog, type QuoteCatalog } from '@crm/catalog';
import type { Clock } from '@crm/clock';
import { openEventStore, type EventStore, type EventStoreConfig } from '@crm/event-store';
import { LeadDedup } from '@crm/intake';
import { loadMatchRules, matchRulesFileName, type MatchRules } from '@crm/leads';
import { ReactorRuntime } from '@crm/reactor-runtime';
import { BlueprintCatalog, businessTiming, RECORD_EVENT_SCHEMAS, RecordCommandHandler, type PoolSettings, type RecordAccessPolicy, type RecordLookup, type RoleHolders, type Timing } from '@crm/workflow';
import { checkBlueprintFolder, loadCalendars, publishAtStartUp, publishProblems } from './blueprints/blueprint-start-up';
import { conversionMatchKey, DEFAULT_PHONE_REGION } from './conversion/conversion-matching';
import { recordConversionReactor } from './conversion/record-conversion.reactor';
import { paymentDelayReactor } from './orders/payment-delay.reactor';
import { quoteAcceptanceReactor } from './orders/quote-acceptance.reactor';
import { subscriptionRenewalReactor } from './orders/subscription-renewal.reactor';

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
  /** The team of a user, for timers counted in the owner's team's business calendar; default: nobody has one. */
  readonly teamOf?: (user: string) => string | null;
  /** Who holds a role in a team, named when a transition is refused by role; default: nobody is named. */
  readonly roleHolders?: RoleHolders;
  /** The lead pool's rules (claim cap, cool-down, return for inactivity), from the assignment rules file; default none. */
  readonly pool?: PoolSettings;
  /** Finds records opened by hand that a conversion should link (a read model); default: only those conversions opened. */
  readonly recordLookup?: RecordLookup;
  /** Called when following lead events for the match index fails. */
  readonly onLeadIndexError?: (error: unknown) => void;
}

/** The lead kind's match rules beside the blueprints (README, Intake and dedup); without the file, leads are not deduplicated. */
const loadLeadRules = (blueprintsDirectory: string, definitions: readonly BlueprintDefinition[]): MatchRules | null => {
  const file = join(blueprintsDirectory, matchRulesFileName('lead'));
  if (!existsSync(file)) return null;
  const lead = definitions.find((definition) => definition.kind === 'lead');
  return loadMatchRules(file, lead === undefined ? {} : { fields: lead.fields.map((field) => field.name) });
};

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
    readonly timing: Timing,
    /**
     * The engine's own reactors (carrying out started conversions; accepted quotes to orders; renewals; payment delays to health scores), sending through `commands`. Started
     * by a long-running host (the API), not by one-shot ones (the CLI); every API process may run them.
     */
    readonly reactors: ReactorRuntime<RecordCommandHandler>,
    /** Dedup of leads by the match rules: intake, manual opens, merges and splits; null without a rule file. */
    readonly leads: LeadDedup | null,
    /** The business calendars beside the blueprints, which timers of published versions name. */
    private readonly calendars: BusinessCalendars,
    /** The blueprint files start-up skipped, each with its problems (README, Blueprint lifecycle); [] when all loaded. */
    readonly blueprintProblems: readonly BlueprintProblem[],
    /** Products, price books, tax and exchange rates for quote lines (README, Products and price books); null without a catalog folder. */
    readonly quoteCatalog: QuoteCatalog | null,
  ) {}

  /**
   * Publishes a blueprint at runtime after every check start-up makes (the file's own, calendars,
   * conversion targets, the versions already published), all problems at once with their paths; the
   * catalog then holds it, so new records of its kind open under it at once. Publishing the same
   * content again is a no-op.
   */
  async publishBlueprint(source: string, options: { readonly file: string; readonly actor: string }): Promise<CompiledBlueprint> {
    const definition = await this.checkBlueprint(source, options.file);
    return this.catalog.publish(definition, { actor: options.actor });
  }

  /** The definition `source` holds if it could be published now; else an INVALID_BLUEPRINT naming every problem. */
  async checkBlueprint(source: string, file: string): Promise<BlueprintDefinition> {
    const validation = validateBlueprint(source, file);
    if (!validation.ok) throw invalidBlueprint(validation.problems);
    await this.catalog.refresh();
    const problems = publishProblems(this.catalog, file, validation.definition, this.calendars);
    if (problems.length > 0) throw invalidBlueprint(problems);
    return validation.definition;
  }

  static async open(config: EngineConfig): Promise<Engine> {
    const { clock } = config;
    // Blueprints are checked before the store is touched; a file with a problem is skipped and reported, the others load.
    const calendars = loadCalendars(config.blueprintsDirectory);
    const folder = checkBlueprintFolder(config.blueprintsDirectory, calendars);
    const quoteCatalog = loadQuoteCatalog(config.blueprintsDirectory);
    const timing: Timing = businessTiming(calendars, config.teamOf ?? (() => null));
    const store = config.store ?? (await openEventStore({ kind: 'sqlite', ...config.eventStore, directory: config.dataDirectory, clock, schemas: RECORD_EVENT_SCHEMAS }));
    try {
      const catalog = await BlueprintCatalog.open(store);
      const published = await publishAtStartUp(catalog, folder.files);
      const definitions = published.files.map((entry) => entry.definition);
      catalog.follow(config.onCatalogError ?? ((error) => process.emitWarning(`blueprint catalog stopped following the store: ${String(error)}`)));
      const rules = loadLeadRules(config.blueprintsDirectory, definitions);
      // A conversion reads phones as the lead rules do: one file, loaded and checked once.
      const conversion = { matchKeyOf: conversionMatchKey(rules?.defaultRegion ?? DEFAULT_PHONE_REGION), ...(config.recordLookup === undefined ? {} : { lookup: config.recordLookup }) };
      const commands = new RecordCommandHandler(store, catalog, { clock, policy: config.policy, timing, pool: config.pool, conversion, catalog: quoteCatalog, roleHolders: config.roleHolders });
      const reactors = new ReactorRuntime<RecordCommandHandler>({ store, clock, dispatcher: commands, reactors: [recordConversionReactor(), quoteAcceptanceReactor(), subscriptionRenewalReactor(), paymentDelayReactor()] });
      const leads = rules === null ? null : new LeadDedup({ store, clock, commands, rules, onError: config.onLeadIndexError ?? ((error) => process.emitWarning(`lead match index stopped following the store: ${String(error)}`)) });
      await leads?.start();
      return new Engine(store, catalog, commands, clock, timing, reactors, leads, calendars, [...folder.problems, ...published.problems], quoteCatalog);
    } catch (error) {
      await store.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.reactors.stop();
    await this.leads?.stop();
    await this.catalog.stop();
    await this.store.close();
  }
}
