import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  invalidBlueprint,
  loadBlueprintDirectory,
  loadBusinessCalendars,
  standardCalendars,
  TEAM_CALENDAR,
  type BlueprintDefinition,
  type BusinessCalendars,
} from '@crm/blueprint';
import type { Clock } from '@crm/clock';
import { openEventStore, type EventStore, type EventStoreConfig } from '@crm/event-store';
import { LeadDedup } from '@crm/intake';
import { loadMatchRules, matchRulesFileName, type MatchRules } from '@crm/leads';
import { ReactorRuntime } from '@crm/reactor-runtime';
import { BlueprintCatalog, businessTiming, RecordCommandHandler, type PoolSettings, type RecordAccessPolicy, type RecordLookup, type Timing } from '@crm/workflow';
import { conversionMatchKey, DEFAULT_PHONE_REGION } from './conversion/conversion-matching';
import { recordConversionReactor } from './conversion/record-conversion.reactor';

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
  /** The lead pool's rules (claim cap, cool-down, return for inactivity), from the assignment rules file; default none. */
  readonly pool?: PoolSettings;
  /** Finds records opened by hand that a conversion should link (a read model); default: only those conversions opened. */
  readonly recordLookup?: RecordLookup;
  /** Called when following lead events for the match index fails. */
  readonly onLeadIndexError?: (error: unknown) => void;
}

/** Beside the blueprints; without it, the standard calendar (Monday to Friday, 09:00-17:00 UTC). */
export const CALENDARS_FILE = 'business-calendars.yaml';

const loadCalendars = (blueprintsDirectory: string): BusinessCalendars => {
  const file = join(blueprintsDirectory, CALENDARS_FILE);
  return existsSync(file) ? loadBusinessCalendars(file) : standardCalendars();
};

/** The lead kind's match rules beside the blueprints (README, Intake and dedup); without the file, leads are not deduplicated. */
const loadLeadRules = (blueprintsDirectory: string, definitions: readonly BlueprintDefinition[]): MatchRules | null => {
  const file = join(blueprintsDirectory, matchRulesFileName('lead'));
  if (!existsSync(file)) return null;
  const lead = definitions.find((definition) => definition.kind === 'lead');
  return loadMatchRules(file, lead === undefined ? {} : { fields: lead.fields.map((field) => field.name) });
};

/** Every calendar a timer names must exist (a start-up check, like the blueprints' own). */
const checkTimerCalendars = (definitions: readonly BlueprintDefinition[], calendars: BusinessCalendars): void => {
  const problems = definitions.flatMap((definition) =>
    definition.stages.flatMap((stage) =>
      (stage.timers ?? []).flatMap((timer, index) =>
        timer.calendar === undefined || timer.calendar === TEAM_CALENDAR || calendars.calendars.has(timer.calendar)
          ? []
          : [{
              file: `${definition.id}.blueprint.yaml`,
              path: `stages.${stage.id}.timers[${index}].calendar`,
              message: `unknown business calendar "${timer.calendar}"; ${CALENDARS_FILE} defines ${[...calendars.calendars.keys()].join(', ')}`,
            }],
      ),
    ),
  );
  if (problems.length > 0) throw invalidBlueprint(problems);
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
     * The engine's own reactors (carrying out started conversions), sending through `commands`. Started
     * by a long-running host (the API), not by one-shot ones (the CLI); every API process may run them.
     */
    readonly reactors: ReactorRuntime<RecordCommandHandler>,
    /** Dedup of leads by the match rules: intake, manual opens, merges and splits; null without a rule file. */
    readonly leads: LeadDedup | null,
  ) {}

  static async open(config: EngineConfig): Promise<Engine> {
    const { clock } = config;
    // Blueprints are validated before the store is touched: a broken file must not leave a half-started engine.
    const definitions = loadBlueprintDirectory(config.blueprintsDirectory);
    const calendars = loadCalendars(config.blueprintsDirectory);
    checkTimerCalendars(definitions, calendars);
    const timing: Timing = businessTiming(calendars, config.teamOf ?? (() => null));
    const store = config.store ?? (await openEventStore({ kind: 'sqlite', ...config.eventStore, directory: config.dataDirectory, clock }));
    try {
      const catalog = await BlueprintCatalog.open(store, definitions);
      catalog.follow(config.onCatalogError ?? ((error) => process.emitWarning(`blueprint catalog stopped following the store: ${String(error)}`)));
      const rules = loadLeadRules(config.blueprintsDirectory, definitions);
      // A conversion reads phones as the lead rules do: one file, loaded and checked once.
      const conversion = { matchKeyOf: conversionMatchKey(rules?.defaultRegion ?? DEFAULT_PHONE_REGION), ...(config.recordLookup === undefined ? {} : { lookup: config.recordLookup }) };
      const commands = new RecordCommandHandler(store, catalog, { clock, policy: config.policy, timing, pool: config.pool, conversion });
      const reactors = new ReactorRuntime<RecordCommandHandler>({ store, clock, dispatcher: commands, reactors: [recordConversionReactor()] });
      const leads = rules === null ? null : new LeadDedup({ store, clock, commands, rules, onError: config.onLeadIndexError ?? ((error) => process.emitWarning(`lead match index stopped following the store: ${String(error)}`)) });
      await leads?.start();
      return new Engine(store, catalog, commands, clock, timing, reactors, leads);
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
