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
  /**
   * Only for the transition a blueprint's conversion converts on: the conversion that fires it as its
   * last step. Without it, such a transition starts the conversion (see `RecordCommandHandler.execute`).
   */
  readonly conversionId?: string;
}

export type TransitionCommand = FireTransition;
