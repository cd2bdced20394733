import type { RecordCommand } from './record.commands';
import { commandProblems, validateCommand } from './validate-command';
import { RecordSlices } from './record-slices';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';

const envelope = { commandId: 'c-1', actor: { id: 'rita', roles: ['rep'] }, kind: 'deal', recordId: 'r-1' };
const asCommand = (value: unknown): RecordCommand => value as RecordCommand;
// The registry's order: the slices' command types, as every refusal lists them.
const COMMAND_TYPES = new RecordSlices().commandTypes.join(', ');

const refusalOf = (command: RecordCommand): WorkflowException => {
  try {
    validateCommand(command);
  } catch (error) {
    if (error instanceof WorkflowException) return error;
    throw error;
  }
  throw new Error('expected a WorkflowException');
};

describe('validateCommand', () => {
  it('given a type that is an object whose toString is not callable, when validated, then it is INVALID_COMMAND, not a TypeError', () => {
    const refusal = refusalOf(asCommand({ ...envelope, type: { toString: '' } }));

    expect(refusal.code).toBe(WorkflowExceptionCode.INVALID_COMMAND);
    expect(refusal.message).toBe(
      `invalid command: type: unknown command an object; expected one of ${COMMAND_TYPES}`,
    );
  });

  it('given an unknown type name, when validated, then the message quotes it', () => {
    expect(commandProblems(asCommand({ ...envelope, type: 'Delete' }))).toEqual([
      `type: unknown command "Delete"; expected one of ${COMMAND_TYPES}`,
    ]);
  });

  it.each([null, 'OpenRecord', 42, []])('given %p instead of a command, when validated, then it is INVALID_COMMAND', (value) => {
    expect(refusalOf(asCommand(value)).code).toBe(WorkflowExceptionCode.INVALID_COMMAND);
  });

  it('given a known type with a bad field, when validated, then the message names the command type', () => {
    expect(refusalOf(asCommand({ ...envelope, type: 'FireTransition', event: { toString: '' } })).message).toBe(
      'invalid FireTransition command: event: expected a non-empty string of at most 200 characters',
    );
  });
});
