import type { Actor } from '@crm/blueprint';

/**
 * What a command asks to do to a record, as the access policy judges it. `approve` is asked of an
 * approver (the chain then checks the step is theirs); `automate` only of system actors (timers, reactors);
 * `migrate` (to another blueprint version) of process owners and admins.
 */
export type RecordAction = 'read' | 'open' | 'update' | 'advance' | 'reassign' | 'import' | 'approve' | 'automate' | 'migrate';

/** A rule that forbids an action, named so the refusal tells the user which rule and why. */
export interface Denial {
  readonly rule: string;
  readonly message: string;
}

/** What the policy sees of a record: its kind and its owner (null: unowned, e.g. a lead in the pool). */
export interface RecordAccess {
  readonly kind: string;
  readonly owner: string | null;
  /** An unowned lead's pool: the team whose reps and manager may see and claim it; null or absent: everyone's (README, Lead pool). */
  readonly team?: string | null;
}

/**
 * Who may do what to which record. The command handler judges it on the very state it decides and
 * appends from, inside the record's lock (README, Architecture: "the access policy is part of the
 * decision"), so no check can be made on a state another writer has since changed.
 */
export interface RecordAccessPolicy {
  /** null: allowed. `newOwner` is the owner a reassignment or an opening sets. */
  judge(actor: Actor, action: RecordAction, record: RecordAccess, newOwner?: string | null): Denial | null;
}

/**
 * Every actor may do everything. For specifications of the engine's decisions and for benchmarks of the
 * engine alone; a deployment composes the role rules of `@crm/identity` instead.
 */
export const openAccess: RecordAccessPolicy = { judge: () => null };
