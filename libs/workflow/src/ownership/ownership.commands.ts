import type { RecordCommandBase } from '../record/record-command';

export interface Reassign extends RecordCommandBase {
  readonly type: 'Reassign';
  readonly recordId: string;
  /** The new owner; null returns the record to the unowned pool. */
  readonly owner: string | null;
}

export type OwnershipCommand = Reassign;
