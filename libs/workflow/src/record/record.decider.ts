import type { RecordCommandBase } from './record-command';
import type { DecidedRecordEvent } from './record-event';
import type { DecideContext } from './record-slice';
import { RecordSlices } from './record-slices';
import type { RecordState } from './record.state';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';

const BUILT_IN = new RecordSlices();

/**
 * decide(command, state) → events, or a WorkflowException naming every reason for refusal; composed from
 * the slice that declares the command. Pure: the blueprint and the moment are passed in.
 */
export const decideRecord = (
  command: RecordCommandBase,
  state: RecordState,
  context: DecideContext,
  slices: RecordSlices = BUILT_IN,
): DecidedRecordEvent[] => {
  const handling = slices.handling(command.type);
  if (handling === undefined) {
    throw new WorkflowException(WorkflowExceptionCode.INVALID_COMMAND, `invalid command: type: unknown command "${command.type}"`, {
      problems: [`type: unknown command; expected one of ${slices.commandTypes.join(', ')}`],
    });
  }
  return handling.decide(command, state, context);
};
