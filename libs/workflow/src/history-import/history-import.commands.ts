import type { FieldValues } from '@crm/blueprint';
import type { RecordCommandBase } from '../record/record-command';

/** A visit to a stage in imported history: when it was entered, and fields set on entering it. */
export interface ImportedStageVisit {
  readonly stage: string;
  /** ISO-8601 business time. */
  readonly enteredAt: string;
  readonly fields?: FieldValues;
}

/**
 * Records history from another system as facts: field types and stage names are still validated;
 * events keep the given business times and are marked as imported.
 */
export interface ImportRecordHistory extends RecordCommandBase {
  readonly type: 'ImportRecordHistory';
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

export type HistoryImportCommand = ImportRecordHistory;
