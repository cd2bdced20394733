import type { FieldValues } from '@crm/blueprint';
import type { RecordCommandBase } from '../record/record-command';

export interface OpenRecord extends RecordCommandBase {
  readonly type: 'OpenRecord';
  /** Defaults to an id derived from the commandId, so a retried open opens one record. */
  readonly recordId?: string;
  readonly fields?: FieldValues;
  /** Defaults to the actor; `null` leaves the record unowned (e.g. a lead in the pool). */
  readonly owner?: string | null;
}

export interface UpdateFields extends RecordCommandBase {
  readonly type: 'UpdateFields';
  readonly recordId: string;
  readonly fields: FieldValues;
}

export type CoreCommand = OpenRecord | UpdateFields;
