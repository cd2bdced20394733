import type { BlueprintRef, CompiledBlueprint } from '@crm/blueprint';
import type { QuoteCatalog } from '@crm/catalog';
import type { EventSchema } from '@crm/event-store';
import type { RecordAccess, RecordAction } from '../access/record-access';
import type { PoolSettings } from '../lead-pool/pool-settings';
import type { Timing } from '../timers/timing';
import type { References } from './record-rules';
import type { RecordCommandBase } from './record-command';
import type { DecidedRecordEvent, RecordEventBase, StoredRecordEventOf } from './record-event';
import type { NoRecord, RecordDraft, RecordState } from './record.state';

/** What a decision may consult besides the record: the blueprint that governs it and the moment. */
export interface DecideContext {
  /** The record's pinned blueprint version, or the latest one of its kind for a record not yet opened. */
  readonly blueprint: CompiledBlueprint;
  readonly now: Date;
  /** How timers of entered stages are dated (calendars, owners' teams). */
  readonly timing: Timing;
  /** Which records the command's reference fields name exist (resolved before deciding). */
  readonly references: References;
  /** The lead pool's rules (claim cap, cool-down, return for inactivity); absent: none. */
  readonly pool?: PoolSettings;
  /** Another published version of a blueprint (a migration's target); absent or undefined: not published. */
  readonly blueprintVersion?: (id: string, version: number) => CompiledBlueprint | undefined;
  /** Products, price books, tax and exchange rates for quote lines; absent: quotes have no lines. */
  readonly catalog?: QuoteCatalog | null;
  /** Who holds a role in a team (null: no team), to name them when a role criterion refuses; absent: nobody is named. */
  readonly roleHolders?: RoleHolders;
}

/** The users who hold `role` in `team`, as messages name them (their names); null: no person can hold it (the engine's own roles, e.g. system). */
export type RoleHolders = (role: string, team: string | null) => readonly string[] | null;

/** The access a command needs, judged by the policy on the state the decision uses. */
export interface AccessNeed {
  readonly action: RecordAction;
  /** The record as the policy sees it; default: the record's kind and current owner. */
  readonly record?: RecordAccess;
  /** The owner the command would set (opening, reassigning). */
  readonly newOwner?: string | null;
}

/** How one command type is checked, authorized and decided. Method signatures: see `defineRecordSlice`. */
export interface CommandHandling<C extends RecordCommandBase> {
  /** A command that brings the record into existence; every other command needs an existing record. */
  readonly opensRecord?: boolean;
  /** When the command names no record id, the id derives from the command id (a retried open opens one record). */
  readonly derivesRecordId?: boolean;
  /**
   * Properties the sender looked up for the decision rather than asked for (a claim's count of the leads
   * the claimer holds): left out of the command's fingerprint, so a retry that finds other facts still
   * asks the same and gets its first answer.
   */
  readonly facts?: readonly string[];
  /** Problems with the command's own properties (the envelope is checked for every command). */
  problems(command: C): string[];
  access(command: C, state: RecordState): AccessNeed;
  /** Pure: the events the command leads to, or a thrown WorkflowException naming every reason. */
  decide(command: C, state: RecordState, context: DecideContext): DecidedRecordEvent[];
}

/** What a fold may consult: whether a stage of a blueprint version is final. */
export interface FoldContext {
  isFinal(blueprint: BlueprintRef, stage: string): boolean;
}

/** What every fold may declare: its event type's schema version and upcasters (README, "Event schema versions"); absent: version 1. */
interface VersionedFold {
  readonly schema?: EventSchema;
}

/** The event that brings a record into existence. */
export interface OpeningFold<E extends RecordEventBase> extends VersionedFold {
  opens(record: NoRecord, event: StoredRecordEventOf<E>, context: FoldContext): RecordDraft;
}

/** An event that changes an existing record, in place on the fold's draft. */
export interface ChangeFold<E extends RecordEventBase> extends VersionedFold {
  evolve(draft: RecordDraft, event: StoredRecordEventOf<E>, context: FoldContext): void;
}

export type EventFold<E extends RecordEventBase> = OpeningFold<E> | ChangeFold<E>;

/**
 * Events that follow from what a decision already decided, in the same decision, whichever slice
 * decided it (a score that follows the fields, however they changed). Pure, like a decision: the
 * command, the state before it, the events decided so far (never empty), and the same context.
 */
export interface DecisionFollower {
  follow(command: RecordCommandBase, state: RecordState, decided: readonly DecidedRecordEvent[], context: DecideContext): DecidedRecordEvent[];
}

/** A feature of records: its commands with their decisions, and its events with their folds. */
export interface RecordSlice {
  readonly name: string;
  readonly commands: Readonly<Record<string, CommandHandling<RecordCommandBase>>>;
  readonly events: Readonly<Record<string, EventFold<RecordEventBase>>>;
  /** What the slice adds to every decision that decided something; absent: nothing. */
  readonly follows?: DecisionFollower;
}

/**
 * Declares a slice with every command and event type mapped to its own handling, typed by its own
 * command or event. The registry looks them up by type name; `CommandHandling` and the folds declare
 * methods (not function properties) so a handling of one command type is usable where the registry
 * keeps handlings of any, which is sound because the lookup is by that very type name.
 */
export const defineRecordSlice = <C extends RecordCommandBase, E extends RecordEventBase>(slice: {
  readonly name: string;
  readonly commands: { readonly [T in C['type']]: CommandHandling<Extract<C, { readonly type: T }>> };
  readonly events: { readonly [T in E['type']]: EventFold<Extract<E, { readonly type: T }>> };
  readonly follows?: DecisionFollower;
}): RecordSlice => slice;

export const isOpeningFold = <E extends RecordEventBase>(fold: EventFold<E>): fold is OpeningFold<E> => 'opens' in fold;
