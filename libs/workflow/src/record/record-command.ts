import type { Actor } from '@crm/blueprint';

/** What every command carries besides its intent. */
export interface CommandEnvelope {
  /** Makes the command idempotent: event ids derive from it, a retry appends nothing. */
  readonly commandId: string;
  readonly actor: Actor;
  /** Defaults to the commandId: a command that starts a chain correlates with itself. */
  readonly correlationId?: string;
  /** Defaults to the commandId. */
  readonly causationId?: string;
  /**
   * When given, the record must be at exactly this revision, or the command fails with
   * CONCURRENCY_CONFLICT. When absent, the handler re-decides on a conflict (bounded).
   */
  readonly expectedRevision?: number;
  /**
   * Where the command came from, for the audit trail: the client (`api`, `cli`, `seed`, …) and, for a
   * command-line user, the operating-system account that ran it. Stored in every event's metadata.
   */
  readonly origin?: CommandOrigin;
}

export interface CommandOrigin {
  readonly via: string;
  readonly osUser?: string;
}

/** The shape every record command shares; each slice declares its own commands on top of it. */
export interface RecordCommandBase extends CommandEnvelope {
  readonly type: string;
  readonly kind: string;
  /** Absent only where the slice lets the id derive from the commandId (opening a record). */
  readonly recordId?: string;
}
