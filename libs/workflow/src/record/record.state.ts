import type { Actor, ApprovalMode, BlueprintRef, FieldValue, FieldValues, TimerAction } from '@crm/blueprint';

/** A task of the record: opened by a stage, done by someone, or cancelled. */
export interface RecordTask {
  readonly taskId: string;
  /** The blueprint's task template id, e.g. `send_proposal`. */
  readonly template: string;
  readonly title: string;
  /** The stage that opened it. */
  readonly stage: string;
  readonly assignee: string | null;
  readonly dueAt: string | null;
  readonly status: 'open' | 'done' | 'cancelled';
  /** Stays open when its stage is left. */
  readonly keepOpen: boolean;
  /** Done or cancelled: when and (done) by whom. */
  readonly closedAt: string | null;
  readonly closedBy: string | null;
}

/** A timer set by the stage the record is in, not yet fired nor cancelled. */
export interface PendingTimer {
  readonly timerId: string;
  /** The blueprint's timer id, e.g. `remind_uncontacted`. */
  readonly timer: string;
  readonly stage: string;
  readonly dueAt: string;
  readonly action: TimerAction;
}

export interface ApprovalStepState {
  readonly title: string;
  readonly role?: string;
  readonly user?: string;
  readonly status: 'waiting' | 'granted' | 'rejected';
  readonly by: string | null;
  readonly at: string | null;
  readonly comment: string | null;
}

/** A request to approve a transition, folded from its events. */
export interface ApprovalRequest {
  readonly approvalId: string;
  /** The transition's event. */
  readonly event: string;
  /** pending → approved → completed (the transition happened); or rejected, or invalidated. */
  readonly status: 'pending' | 'approved' | 'completed' | 'rejected' | 'invalidated';
  readonly requestedBy: Actor;
  readonly requestedAt: string;
  readonly mode: ApprovalMode;
  readonly steps: readonly ApprovalStepState[];
  /** Fields the steps' conditions read: a change to one invalidates the request. */
  readonly watches: readonly string[];
  readonly reason: string | null;
}

interface RecordIdentity {
  readonly kind: string;
  readonly recordId: string;
}

/** A record no event has opened yet. */
export interface NoRecord extends RecordIdentity {
  readonly status: 'none';
  readonly revision: -1;
}

/** A record as its stream says it is: the fold of its events. */
export interface ExistingRecord extends RecordIdentity {
  /** `closed` once the record is in a final stage of its blueprint (won, lost, or marked final). */
  readonly status: 'open' | 'closed';
  /** The blueprint version the record was opened under, and decides with. */
  readonly blueprint: BlueprintRef;
  readonly stage: string;
  readonly owner: string | null;
  readonly fields: FieldValues;
  /** Every task the record ever had, with its status. */
  readonly tasks: readonly RecordTask[];
  readonly timers: readonly PendingTimer[];
  /** Every approval request, with its status. */
  readonly approvals: readonly ApprovalRequest[];
  /** When the record was found stalled in its stage (RecordStalled); null since it last moved. */
  readonly stalledSince: string | null;
  /** Revision of the last event folded in. */
  readonly revision: number;
  readonly stageEnteredAt: string;
  readonly openedAt: string;
  readonly updatedAt: string;
  /**
   * State owned by record slices outside this file (per-kind state such as a quote's lines), by slice
   * name; read and written only through a `RecordPart`.
   */
  readonly parts: ReadonlyMap<string, unknown>;
}

export type RecordState = NoRecord | ExistingRecord;

export const noRecord = (kind: string, recordId: string): NoRecord => ({ status: 'none', kind, recordId, revision: -1 });

/**
 * An existing record being folded: the same shape, its fields, tasks and parts owned by the fold and
 * changed in place (copying them for every event made a fold quadratic in the events).
 */
export type RecordDraft = {
  -readonly [K in keyof ExistingRecord]: ExistingRecord[K];
} & {
  fields: Record<string, FieldValue>;
  tasks: RecordTask[];
  timers: PendingTimer[];
  approvals: ApprovalRequest[];
  parts: Map<string, unknown>;
};

/** Copies what the fold changes in place, once, so `record` itself is never changed. */
export const draftOf = (record: ExistingRecord): RecordDraft => ({
  ...record,
  fields: { ...record.fields },
  tasks: [...record.tasks],
  timers: [...record.timers],
  approvals: [...record.approvals],
  parts: new Map(record.parts),
});

/**
 * A slice of per-record state with a name, read with a default. Parts are written only by their own
 * slice's event folds, so what `read` finds under the name is always a `P`.
 */
export interface RecordPart<P> {
  readonly name: string;
  read(record: ExistingRecord): P;
  write(draft: RecordDraft, value: P): void;
}

export const recordPart = <P>(name: string, initial: P): RecordPart<P> => ({
  name,
  // The map is keyed by part name and only `write` below puts values under it: the cast restates that.
  read: (record) => (record.parts.has(name) ? (record.parts.get(name) as P) : initial),
  write: (draft, value) => {
    draft.parts.set(name, value);
  },
});
