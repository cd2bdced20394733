import type { Actor, FieldValues } from '@crm/blueprint';

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
}

export interface OpenRecord extends CommandEnvelope {
  readonly type: 'OpenRecord';
  readonly kind: string;
  /** Defaults to an id derived from the commandId, so a retried open opens one record. */
  readonly recordId?: string;
  readonly fields?: FieldValues;
  /** Defaults to the actor; `null` leaves the record unowned (e.g. a lead in the pool). */
  readonly owner?: string | null;
}

export interface UpdateFields extends CommandEnvelope {
  readonly type: 'UpdateFields';
  readonly kind: string;
  readonly recordId: string;
  readonly fields: FieldValues;
}

export interface FireTransition extends CommandEnvelope {
  readonly type: 'FireTransition';
  readonly kind: string;
  readonly recordId: string;
  /** The blueprint transition's event name, e.g. `analyze_needs`. */
  readonly event: string;
  /** Set in the same step, before exit criteria are judged. */
  readonly fields?: FieldValues;
  readonly reason?: string;
}

export interface Reassign extends CommandEnvelope {
  readonly type: 'Reassign';
  readonly kind: string;
  readonly recordId: string;
  readonly owner: string | null;
}

/** A visit to a stage in imported history: when it was entered, and fields set on entering it. */
export interface ImportedStageVisit {
  readonly stage: string;
  /** ISO-8601 business time. */
  readonly enteredAt: string;
  readonly fields?: FieldValues;
}

/**
 * Records history from another system as facts (DESIGN.md, 5: the one exception to exit criteria).
 * Field types and stage names are still validated; events keep the given business times and are
 * marked as imported.
 */
export interface ImportRecordHistory extends CommandEnvelope {
  readonly type: 'ImportRecordHistory';
  readonly kind: string;
  readonly recordId: string;
  readonly owner: string | null;
  /** ISO-8601 business time of opening, in the blueprint's initial stage. */
  readonly openedAt: string;
  readonly fields: FieldValues;
  /** Later stage visits, oldest first. */
  readonly stages: readonly ImportedStageVisit[];
  /** Where the history came from, e.g. `sales_pipeline.csv#row 17`. */
  readonly source: string;
}

export type RecordCommand = OpenRecord | UpdateFields | FireTransition | Reassign | ImportRecordHistory;
