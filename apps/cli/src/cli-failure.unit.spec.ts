import { BlueprintException, BlueprintExceptionCode } from '@crm/blueprint';
import { CommandHandlerException, CommandHandlerExceptionCode } from '@crm/command-handler';
import { IdentityException, IdentityExceptionCode } from '@crm/identity';
import { WorkflowException, WorkflowExceptionCode } from '@crm/workflow';
import { CliException, CliExceptionCode } from './cli.exception';
import { describeFailure, exitCodeOf } from './cli-failure';

describe('what a failure prints and how the process exits', () => {
  it.each([
    ['WorkflowException TRANSITION_REFUSED', 4, new WorkflowException(WorkflowExceptionCode.TRANSITION_REFUSED, 'refused')],
    ['WorkflowException RECORD_CLOSED', 4, new WorkflowException(WorkflowExceptionCode.RECORD_CLOSED, 'closed')],
    ['WorkflowException INVALID_FIELDS', 3, new WorkflowException(WorkflowExceptionCode.INVALID_FIELDS, 'bad')],
    ['WorkflowException UNKNOWN_EVENT', 3, new WorkflowException(WorkflowExceptionCode.UNKNOWN_EVENT, 'no such event')],
    ['WorkflowException RECORD_ALREADY_EXISTS', 6, new WorkflowException(WorkflowExceptionCode.RECORD_ALREADY_EXISTS, 'exists')],
    ['WorkflowException CONCURRENCY_CONFLICT', 6, new WorkflowException(WorkflowExceptionCode.CONCURRENCY_CONFLICT, 'moved on')],
    ['WorkflowException RECORD_NOT_FOUND', 1, new WorkflowException(WorkflowExceptionCode.RECORD_NOT_FOUND, 'missing')],
    ['IdentityException FORBIDDEN', 5, new IdentityException(IdentityExceptionCode.FORBIDDEN, 'no')],
    ['CommandHandlerException CONCURRENCY_CONFLICT', 6, new CommandHandlerException(CommandHandlerExceptionCode.CONCURRENCY_CONFLICT, 'kept changing')],
    ['CommandHandlerException IDEMPOTENCY_KEY_REUSED', 4, new CommandHandlerException(CommandHandlerExceptionCode.IDEMPOTENCY_KEY_REUSED, 'another request')],
    ['BlueprintException INVALID_BLUEPRINT', 3, new BlueprintException(BlueprintExceptionCode.INVALID_BLUEPRINT, 'broken', { problems: [] })],
    ['CliException USAGE', 2, new CliException(CliExceptionCode.USAGE, 'wrong')],
    ['CliException INVALID_FIELDS', 3, new CliException(CliExceptionCode.INVALID_FIELDS, 'bad')],
    ['CliException UNKNOWN_USER', 5, new CliException(CliExceptionCode.UNKNOWN_USER, 'who?')],
    ['plain Error', 1, new Error('unexpected')],
  ])('given a %s, then the exit code is %i', (_name, exitCode, error) => {
    expect(exitCodeOf(error)).toBe(exitCode);
  });

  it('given a refusal, then every unmet criterion gets its own line under the message', () => {
    const refusal = new WorkflowException(WorkflowExceptionCode.TRANSITION_REFUSED, 'cannot close_won opportunity "d1": …', {
      unmet: [
        { event: 'close_won', criterion: 'required_field', field: 'closeDate', message: 'Close date is required' },
        { event: 'close_won', criterion: 'role', message: 'requires the role rep or manager' },
      ],
    });

    expect(describeFailure(refusal)).toBe(
      'TRANSITION_REFUSED: cannot close_won opportunity "d1": …\n' +
        '  unmet required_field closeDate: Close date is required\n' +
        '  unmet role: requires the role rep or manager',
    );
  });

  it('given a denial, then the rule is named; given invalid fields, then each field problem gets a line', () => {
    const denial = new IdentityException(IdentityExceptionCode.FORBIDDEN, 'ana may not advance this opportunity', { rule: 'analyst.read-only' });
    const fields = new CliException(CliExceptionCode.INVALID_FIELDS, 'invalid --field values', { problems: [{ field: 'amount', message: 'amount: expected money' }] });

    expect(describeFailure(denial)).toBe('FORBIDDEN: ana may not advance this opportunity\n  rule: analyst.read-only');
    expect(describeFailure(fields)).toBe('invalid --field values\n  invalid amount: expected money');
  });
});
