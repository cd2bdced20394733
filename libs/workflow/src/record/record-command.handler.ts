import type { Actor, BlueprintRef, CompiledBlueprint, ConversionDefinition, FieldValues } from '@crm/blueprint';
import type { Clock } from '@crm/clock';
import {
  CommandHandlerException,
  CommandHandlerExceptionCode,
  fingerprintOf,
  StreamCommandHandler,
  type CommandOutcome,
} from '@crm/command-handler';
import type { EventStore, JsonObject, Position, StoredEvent } from '@crm/event-store';
import type { RecordAccess, RecordAccessPolicy, RecordAction } from '../access/record-access';
import { poolTeamOf } from '../lead-pool/lead-pool.part';
import type { BlueprintCatalog } from '../blueprint-catalog/blueprint-catalog';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import type { RecordCommandBase } from './record-command';
import type { RecordCommand } from './record.commands';
import type { RecordEventMetadata } from './record-event';
import { recordIdFor } from './record-ids';
import { recordNotFound, requireValidFields, type References } from './record-rules';
import type { CommandHandling, FoldContext, RoleHolders } from './record-slice';
import type { DecidedRecordEvent } from './record-event';
import type { ConversionStarted } from '../conversion/conversion.events';
import { requireNoConversionUnderWay } from '../conversion/conversion-state';
import { RecordConversion, type ConversionOptions } from '../conversion/record-conversion';
import type { FireTransition } from '../transition/transition.commands';
import { RecordSlices } from './record-slices';
import { recordStreamName } from './record-stream';
import type { ExistingRecord, RecordState } from './record.state';
import { validateCommand } from './validate-command';
import { explainRecord, type NextStep } from './explain-record';
import { withRoleHolders } from '../transition/role-holders';
import { standardTiming, type Timing } from '../timers/timing';
import type { PoolSettings } from '../lead-pool/pool-settings';
import type { QuoteCatalog } from '@crm/catalog';

/** What the access policy sees of a record: its kind, owner and, while unowned, whose pool it is in. */
export const recordAccessOf = (record: ExistingRecord): RecordAccess => ({ kind: record.kind, owner: record.owner, team: poolTeamOf(record) });

/** What a command did; a retried command gets exactly the same answer. */
export interface RecordCommandResult {
  readonly kind: string;
  readonly recordId: string;
  /** The record's revision after the command (its last event's revision). */
  readonly revision: number;
  /** The events this command stored, in order; empty when the command changed nothing. */
  readonly events: readonly CommandEvent[];
  /** Global position of the command's last event; null when it stored nothing. */
  readonly position: Position | null;
  /** The record as it is now, as the command's decision left it (or as it is, for a retried command). */
  readonly record: RecordState;
}

/** The record a successful command leaves behind (every record command leaves one that exists). */
export const recordAfter = (result: RecordCommandResult): ExistingRecord => {
  if (result.record.status === 'none') throw new Error(`${result.kind} "${result.recordId}" has no events after a command that succeeded`);
  return result.record;
};

export interface CommandEvent {
  readonly id: string;
  readonly type: string;
  readonly revision: number;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  readonly occurredAt: string;
}

export interface RecordCommandHandlerOptions {
  readonly clock: Clock;
  /** Who may do what; judged inside the record's lock on the state the decision uses. */
  readonly policy: RecordAccessPolicy;
  /** Re-decisions after a conflict with a writer in another process, when the caller set no revision. */
  readonly maxAttempts?: number;
  /** The record's features; default: the built-in slices. */
  readonly slices?: RecordSlices;
  /** How timers are dated; default: plain time and the standard weekday calendar (see `standardTiming`). */
  readonly timing?: Timing;
  /** The lead pool's rules (README, Lead pool); default: none. */
  readonly pool?: PoolSettings;
  /** Products and price books for quote lines (README, Products and price books); default: none. */
  readonly catalog?: QuoteCatalog | null;
  /** How conversions recognise records they link instead of opening (match rules, a lookup). */
  readonly conversion?: ConversionOptions;
  /** Who holds a role in a team, named in refusals by a role criterion (README, Messages); default: nobody is named. */
  readonly roleHolders?: RoleHolders;
}

const toCommandEvent = (event: StoredEvent): CommandEvent => ({
  id: event.id,
  type: event.type,
  revision: event.revision,
  data: event.data,
  metadata: event.metadata,
  occurredAt: event.occurredAt,
});

const RECORD_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const isRecordId = (value: string): boolean => RECORD_ID.test(value);

const isFieldValues = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every set of field values a command carries: its fields, and an imported history's stage fields. */
const suppliedFieldValues = (command: RecordCommandBase): Record<string, unknown>[] => {
  const fields: unknown = 'fields' in command ? command.fields : undefined;
  const stages: unknown = 'stages' in command ? command.stages : undefined;
  return [
    ...(isFieldValues(fields) ? [fields] : []),
    ...(Array.isArray(stages) ? stages.flatMap((stage: unknown) => (isFieldValues(stage) && isFieldValues(stage['fields']) ? [stage['fields']] : [])) : []),
  ];
};

/**
 * What a command asks, without who asks it or how it is traced: a retry must ask exactly this again.
 * What the sender looked up for the decision (its slice's `facts`) may be found anew by a retry.
 */
const intentOf = (command: RecordCommandBase, facts: readonly string[] = []): Record<string, unknown> => {
  const { commandId: _commandId, actor: _actor, correlationId: _correlationId, causationId: _causationId, origin: _origin, ...intent } = command;
  for (const name of facts) delete (intent as Record<string, unknown>)[name];
  return intent;
};

/** What decisions derive from every published version of one blueprint, derived once per catalog generation. */
interface VersionFacts {
  readonly generation: number;
  /** Reference field → the kind it names, over every version. */
  readonly referenceTargets: ReadonlyMap<string, string>;
  /** The events some version converts records on. */
  readonly conversionEvents: ReadonlySet<string>;
  /** The kinds a blueprint governs. */
  readonly kinds: ReadonlySet<string>;
  readonly byVersion: ReadonlyMap<number, CompiledBlueprint>;
}

const isBlueprintMissing = (error: unknown): boolean =>
  error instanceof WorkflowException && error.code === WorkflowExceptionCode.BLUEPRINT_VERSION_MISSING;

/**
 * The one write path for records: API, CLI, imports, seeds and (system-actor) automation all come
 * through here. A thin use of the generic command loop: it names the record's stream, folds it with the
 * record slices, judges the access policy inside the loop on the state it decides from, and decides with
 * the record's pinned blueprint version.
 */
export class RecordCommandHandler {
  private readonly loop: StreamCommandHandler<RecordState>;
  private readonly slices: RecordSlices;
  private readonly timing: Timing;
  private readonly conversion: RecordConversion<RecordCommandResult>;
  private readonly versionFactsById = new Map<string, VersionFacts>();

  constructor(
    store: EventStore,
    private readonly catalog: BlueprintCatalog,
    private readonly options: RecordCommandHandlerOptions,
  ) {
    this.slices = options.slices ?? new RecordSlices();
    this.timing = options.timing ?? standardTiming();
    const context: FoldContext = { isFinal: (ref, stage) => catalog.get(ref).stage(stage)?.final === true };
    this.loop = new StreamCommandHandler<RecordState>(
      store,
      {
        initialState: (stream) => {
          const separator = stream.indexOf('-');
          return { status: 'none', kind: stream.slice(0, separator), recordId: stream.slice(separator + 1), revision: -1 };
        },
        evolve: (state, events) => this.slices.evolve(state, events, context),
      },
      { clock: options.clock, maxAttempts: options.maxAttempts, schemas: this.slices.eventSchemas },
    );
    this.conversion = new RecordConversion<RecordCommandResult>(
      {
        execute: (command) => this.execute(command),
        preview: (command, assumed) => this.preview(command, assumed),
        load: async (kind, recordId) => {
          const state = await this.load(kind, recordId, { fresh: true });
          return state.status === 'none' ? null : state;
        },
        read: (kind, recordId, actor) => this.read(kind, recordId, actor),
        blueprintOf: (record) => this.blueprintOf(record),
      },
      options.conversion,
    );
  }

  /** A built-in command, type-checked as such; or a command of a slice registered through `slices`. */
  async execute(command: RecordCommand): Promise<RecordCommandResult>;
  async execute(command: RecordCommandBase): Promise<RecordCommandResult>;
  async execute(command: RecordCommandBase): Promise<RecordCommandResult> {
    validateCommand(command, this.slices);
    const latest = this.catalog.latestForKind(command.kind);
    const recordId = command.recordId ?? recordIdFor(command.commandId);
    const converting = await this.conversionOn(command, recordId);
    if (converting !== null) return this.convert(command as FireTransition, converting);
    try {
      const references = await this.withBlueprints(() => this.referencesOf(command, latest));
      const outcome = await this.withBlueprints(() => this.handle(command, recordId, latest, references));
      return {
        kind: command.kind,
        recordId,
        revision: outcome.revision,
        events: outcome.events.map(toCommandEvent),
        position: outcome.position,
        record: outcome.state,
      };
    } catch (error) {
      throw this.inRecordTerms(error, command, recordId);
    }
  }

  /**
   * Refuses what the command would be refused for whatever the record's state: its shape, and the
   * values of `fields` against the latest blueprint of its kind (types, references). For senders that
   * reserve something before the command (dedup keys), so bad input stores nothing.
   */
  async precheck(command: RecordCommandBase, fields: FieldValues): Promise<void> {
    validateCommand(command, this.slices);
    const latest = this.catalog.latestForKind(command.kind);
    const references = await this.referencesOf(command, latest);
    requireValidFields(latest, fields, references);
  }

  /**
   * What `command` would store now, without storing anything: the same validation, access policy and
   * decision as `execute`, on the record as it is. `assumed` (`kind\u0000id`) are records to take as
   * existing, for references to records a conversion will open first. Throws the refusal `execute` would.
   */
  async preview(command: RecordCommandBase, assumed: ReadonlySet<string> = new Set()): Promise<readonly DecidedRecordEvent[]> {
    validateCommand(command, this.slices);
    const latest = this.catalog.latestForKind(command.kind);
    const recordId = command.recordId ?? recordIdFor(command.commandId);
    const handling = this.slices.handling(command.type);
    if (handling === undefined) throw new Error(`command ${command.type} passed validation without a slice`);
    const found = await this.withBlueprints(() => this.referencesOf(command, latest));
    const references: References = { exists: (kind, id) => assumed.has(`${kind}\u0000${id}`) || found.exists(kind, id) };
    const { state } = await this.loop.state(recordStreamName(command.kind, recordId), { fresh: true });
    this.authorizeCommand(command, handling, recordId, state);
    if (state.status !== 'none') requireNoConversionUnderWay(command, state);
    const blueprint = state.status === 'none' ? latest : this.catalog.get(state.blueprint);
    return handling.decide(command, state, { blueprint, now: this.options.clock.now(), timing: this.timing, references, pool: this.options.pool, blueprintVersion: this.publishedVersion, catalog: this.options.catalog, roleHolders: this.options.roleHolders });
  }

  /** The conversion a FireTransition asks for: its event converts the record's blueprint, and no conversion fires it. */
  private async conversionOn(command: RecordCommandBase, recordId: string): Promise<ConversionDefinition | null> {
    if (command.type !== 'FireTransition' || ('conversionId' in command && command.conversionId !== undefined)) return null;
    const event = 'event' in command ? command.event : undefined;
    const blueprintId = this.catalog.latestForKind(command.kind).ref.id;
    if (typeof event !== 'string' || !this.versionFacts(blueprintId).conversionEvents.has(event)) return null;
    const state = await this.load(command.kind, recordId);
    if (state.status === 'none') return null;
    const conversion = this.catalog.get(state.blueprint).definition.conversion;
    return conversion !== undefined && conversion.on === event ? conversion : null;
  }

  /** A conversion answers as one command: its commit point's events, then the converting transition's. */
  private async convert(command: FireTransition, conversion: ConversionDefinition): Promise<RecordCommandResult> {
    const { started, completed } = await this.conversion.convert(command, conversion);
    return { ...completed, events: [...started.events, ...completed.events] };
  }

  /** Carries out a conversion a crash left started (the `record-conversion` reactor's command). */
  resumeConversion(kind: string, started: ConversionStarted['data'], trace: { readonly correlationId: string }): Promise<RecordCommandResult> {
    return this.conversion.resume(started, kind, trace);
  }

  /** The record as its stream says, with no access check: for the engine's own use (imports, reports). */
  async load(kind: string, recordId: string, options: { readonly fresh?: boolean } = {}): Promise<RecordState> {
    this.catalog.latestForKind(kind);
    return (await this.withBlueprints(() => this.loop.state(recordStreamName(kind, recordId), options))).state;
  }

  /**
   * The record as `actor` may read it. Missing and unreadable look the same (RECORD_NOT_FOUND): an
   * answer that differed would tell who may not read a record that it exists, and whose it is.
   */
  async read(kind: string, recordId: string, actor: Actor): Promise<ExistingRecord> {
    const state = await this.load(kind, recordId);
    if (state.status === 'none') throw recordNotFound(kind, recordId);
    this.requireReadable(actor, state);
    return state;
  }

  /** The record's events, oldest first, for who may read it. */
  async history(kind: string, recordId: string, actor: Actor): Promise<StoredEvent[]> {
    await this.read(kind, recordId, actor);
    return this.loop.history(recordStreamName(kind, recordId));
  }

  /** A published version of a blueprint, for decisions that move a record to it (migrations). */
  private readonly publishedVersion = (id: string, version: number): CompiledBlueprint | undefined => this.versionFacts(id).byVersion.get(version);

  private versionFacts(id: string): VersionFacts {
    const known = this.versionFactsById.get(id);
    if (known !== undefined && known.generation === this.catalog.generation) return known;
    const compiled = this.catalog.versions(id).map((ref) => this.catalog.get(ref));
    const facts: VersionFacts = {
      generation: this.catalog.generation,
      referenceTargets: new Map(
        compiled.flatMap((version) => version.definition.fields).flatMap((field) => (field.type === 'reference' && field.to !== undefined ? [[field.name, field.to] as const] : [])),
      ),
      conversionEvents: new Set(compiled.flatMap((version) => (version.definition.conversion === undefined ? [] : [version.definition.conversion.on]))),
      kinds: new Set(this.catalog.kinds()),
      byVersion: new Map(compiled.map((version) => [version.ref.version, version])),
    };
    this.versionFactsById.set(id, facts);
    return facts;
  }

  /** The blueprint a record decides with: its pinned version. */
  /** The record's next steps for `actor`, each with what blocks it and, for a role, who holds it in the record's team. */
  nextSteps(record: ExistingRecord, actor: Actor): NextStep[] {
    const blueprint = this.blueprintOf(record);
    return explainRecord(record, blueprint, actor).map((step) => ({ ...step, unmet: withRoleHolders(step.unmet, record, blueprint, step.event, this.timing, this.options.roleHolders) }));
  }

  blueprintOf(record: ExistingRecord): CompiledBlueprint {
    return this.catalog.get(record.blueprint);
  }

  /**
   * The records the command's reference fields name, looked up before the decision (which reads no
   * other stream): those that exist and that the actor may read. A reference is checked again by no
   * lock; records are never deleted, so what exists now still exists when the command is stored.
   */
  private async referencesOf(command: RecordCommandBase, latest: CompiledBlueprint): Promise<References> {
    const { referenceTargets: targets, kinds } = this.versionFacts(latest.ref.id);
    const found = new Set<string>();
    for (const values of suppliedFieldValues(command)) {
      for (const [name, value] of Object.entries(values)) {
        const kind = targets.get(name);
        if (kind === undefined || typeof value !== 'string' || !kinds.has(kind) || !isRecordId(value)) continue;
        const { state } = await this.loop.state(recordStreamName(kind, value));
        const readable = state.status !== 'none' && this.options.policy.judge(command.actor, 'read', recordAccessOf(state)) === null;
        if (readable) found.add(`${kind}\u0000${value}`);
      }
    }
    // A kind no blueprint governs is kept in another system: this engine cannot know its ids, so it takes them as given.
    return { exists: (kind, id) => !kinds.has(kind) || found.has(`${kind}\u0000${id}`) };
  }

  private handle(command: RecordCommandBase, recordId: string, latest: CompiledBlueprint, references: References): Promise<CommandOutcome<RecordState>> {
    const handling = this.slices.handling(command.type);
    if (handling === undefined) throw new Error(`command ${command.type} passed validation without a slice`);
    const blueprintOf = (state: RecordState): CompiledBlueprint => (state.status === 'none' ? latest : this.catalog.get(state.blueprint));
    return this.loop.handle({
      stream: recordStreamName(command.kind, recordId),
      commandId: command.commandId,
      expectedRevision: command.expectedRevision,
      fingerprint: fingerprintOf(intentOf(command, handling.facts)),
      authorize: (state) => this.authorizeCommand(command, handling, recordId, state),
      // A retried command's first answer shows the record as it is now: only to who may read it now.
      authorizeReplay: (state) => {
        if (state.status !== 'none') this.requireReadable(command.actor, state);
      },
      decide: (state, now) => {
        if (state.status !== 'none') requireNoConversionUnderWay(command, state);
        return handling.decide(command, state, { blueprint: blueprintOf(state), now, timing: this.timing, references, pool: this.options.pool, blueprintVersion: this.publishedVersion, catalog: this.options.catalog, roleHolders: this.options.roleHolders });
      },
      metadata: (state) => this.metadataOf(command, blueprintOf(state).ref),
    });
  }

  /** Who may send this command to this record as it is: read it (unless opening it), then the command's own action. */
  private authorizeCommand(command: RecordCommandBase, handling: CommandHandling<RecordCommandBase>, recordId: string, state: RecordState): void {
    if (state.status === 'none') {
      if (handling.opensRecord !== true) throw recordNotFound(command.kind, recordId);
    } else if (handling.opensRecord !== true) {
      this.requireReadable(command.actor, state);
    }
    const need = handling.access(command, state);
    const record = need.record ?? (state.status === 'none' ? { kind: command.kind, owner: null } : recordAccessOf(state));
    this.authorize(command.actor, need.action, record, need.newOwner);
  }

  private requireReadable(actor: Actor, record: ExistingRecord): void {
    if (this.options.policy.judge(actor, 'read', recordAccessOf(record)) !== null) throw recordNotFound(record.kind, record.recordId);
  }

  private authorize(actor: Actor, action: RecordAction, record: RecordAccess, newOwner?: string | null): void {
    const denial = this.options.policy.judge(actor, action, record, newOwner);
    if (denial !== null) {
      throw new WorkflowException(WorkflowExceptionCode.FORBIDDEN, `${actor.id} may not ${action} this ${record.kind}: ${denial.message}`, {
        rule: denial.rule,
        action,
      });
    }
  }

  /** Plain JSON built directly (no JSON round trip per command): optional members only when set. */
  private metadataOf(command: RecordCommandBase, blueprint: BlueprintRef): JsonObject {
    const metadata: { -readonly [Key in keyof RecordEventMetadata]: RecordEventMetadata[Key] } = {
      actor: command.actor.id,
      roles: [...command.actor.roles],
      correlationId: command.correlationId ?? command.commandId,
      causationId: command.causationId ?? command.commandId,
      commandId: command.commandId,
      blueprint: { id: blueprint.id, version: blueprint.version, contentHash: blueprint.contentHash },
    };
    // Rare and shaped by the sender: copied as JSON, so only what JSON keeps is stored.
    if (command.origin !== undefined) metadata.origin = JSON.parse(JSON.stringify(command.origin)) as RecordEventMetadata['origin'];
    if (command.type === 'ImportRecordHistory' && 'source' in command && typeof command.source === 'string') {
      metadata.imported = true;
      metadata.importSource = command.source;
    }
    return metadata as unknown as JsonObject;
  }

  /**
   * A record pinned to a version this process has not seen yet (another process published it a moment
   * ago): read the published versions again and retry once.
   */
  private async withBlueprints<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } catch (error) {
      if (!isBlueprintMissing(error)) throw error;
      await this.catalog.refresh();
      return task();
    }
  }

  /** The loop speaks of streams; a record's caller hears of its kind and id. */
  private inRecordTerms(error: unknown, command: RecordCommandBase, recordId: string): unknown {
    if (!(error instanceof CommandHandlerException)) return error;
    if (error.code === CommandHandlerExceptionCode.IDEMPOTENCY_KEY_REUSED) {
      return new WorkflowException(WorkflowExceptionCode.IDEMPOTENCY_KEY_REUSED, error.message, {});
    }
    const currentRevision = error.details['currentRevision'];
    return new WorkflowException(
      WorkflowExceptionCode.CONCURRENCY_CONFLICT,
      `${command.kind} "${recordId}" is at revision ${String(currentRevision)}` +
        (command.expectedRevision === undefined ? ' and kept changing while the command was retried' : `, not ${command.expectedRevision}`),
      { kind: command.kind, recordId, expectedRevision: command.expectedRevision ?? null, currentRevision },
    );
  }
}
