import type { BlueprintRef, FieldValue, FieldValues } from '@crm/blueprint';

export interface OpenTask {
  readonly taskId: string;
  readonly template: string;
  readonly title: string;
  readonly dueAt: string | null;
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
  readonly tasks: readonly OpenTask[];
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
  tasks: OpenTask[];
  parts: Map<string, unknown>;
};

/** Copies what the fold changes in place, once, so `record` itself is never changed. */
export const draftOf = (record: ExistingRecord): RecordDraft => ({
  ...record,
  fields: { ...record.fields },
  tasks: [...record.tasks],
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
