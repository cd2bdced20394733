import type { FieldValues } from '@crm/blueprint';
import type { RecordCommandBase } from '../record/record-command';

export interface FireTransition extends RecordCommandBase {
  readonly type: 'FireTransition';
  readonly recordId: string;
  /** The blueprint transition's event name, e.g. `analyze_needs`. */
  readonly event: string;
  /** Set in the same step, before exit criteria are judged. */
  readonly fields?: FieldValues;
  readonly reason?: string;
}

export type TransitionCommand = FireTransition;
