import type { RecordCommandBase } from '../record/record-command';

/** The assignment rules give an unowned lead to a rep (sent by the `lead-assignment` reactor). */
export interface AssignLead extends RecordCommandBase {
  readonly type: 'AssignLead';
  readonly recordId: string;
  readonly owner: string;
  /** The rule that chose the owner; stored on `OwnerChanged`. */
  readonly rule: string;
  readonly reason: string;
}

/** No rule could give the lead to anyone: it stays unowned in a team's pool (sent by the `lead-assignment` reactor). */
export interface PoolLead extends RecordCommandBase {
  readonly type: 'PoolLead';
  readonly recordId: string;
  readonly team: string | null;
  readonly rule: string | null;
  readonly reason: string;
}

/** A rep takes a lead from the pool. */
export interface ClaimLead extends RecordCommandBase {
  readonly type: 'ClaimLead';
  readonly recordId: string;
  /**
   * The open leads the claimer holds now, counted by the caller from the records read model (a decision
   * reads no other record); judged against the pool's claim cap.
   */
  readonly held: number;
}

/** The owner (or their manager) gives the lead back to the pool, saying why. */
export interface ReleaseLead extends RecordCommandBase {
  readonly type: 'ReleaseLead';
  readonly recordId: string;
  readonly reason: string;
}

/** Someone worked the lead at `activityAt`: its return-to-pool clock starts again from then (sent by the `lead-activity` reactor). */
export interface KeepLeadActive extends RecordCommandBase {
  readonly type: 'KeepLeadActive';
  readonly recordId: string;
  readonly activityAt: string;
}

export type LeadPoolCommand = AssignLead | PoolLead | ClaimLead | ReleaseLead | KeepLeadActive;
