import { CommandHandlerException, CommandHandlerExceptionCode } from '@crm/command-handler';
import { EventStoreException, EventStoreExceptionCode } from '@crm/event-store';
import { classifyFailure } from './dispatch-failure';

class WorkflowLikeException extends Error {
  constructor(readonly code: string) {
    super(`refused: ${code}`);
    this.name = 'WorkflowException';
  }
}

describe('classifyFailure: what a failed dispatch means for the reactor', () => {
  it.each([
    ['the store is unavailable', new EventStoreException(EventStoreExceptionCode.UNAVAILABLE, 'down'), { kind: 'retry', code: 'UNAVAILABLE' }],
    ['a concurrency conflict', new CommandHandlerException(CommandHandlerExceptionCode.CONCURRENCY_CONFLICT, 'kept changing'), { kind: 'retry', code: 'CONCURRENCY_CONFLICT' }],
    ['a wrong expected revision', new EventStoreException(EventStoreExceptionCode.WRONG_EXPECTED_REVISION, 'moved'), { kind: 'retry', code: 'WRONG_EXPECTED_REVISION' }],
    ['a domain refusal', new WorkflowLikeException('TRANSITION_REFUSED'), { kind: 'refused', code: 'TRANSITION_REFUSED' }],
    ['a reused idempotency key', new CommandHandlerException(CommandHandlerExceptionCode.IDEMPOTENCY_KEY_REUSED, 'reused'), { kind: 'refused', code: 'IDEMPOTENCY_KEY_REUSED' }],
    ['a closed store', new EventStoreException(EventStoreExceptionCode.CLOSED, 'closed'), { kind: 'fault', code: 'CLOSED' }],
    ['an untyped error (a bug)', new TypeError('x is undefined'), { kind: 'fault', code: null }],
    ['a raw SQLite error (a code, but no area exception)', Object.assign(new Error('disk full'), { code: 'SQLITE_FULL' }), { kind: 'fault', code: 'SQLITE_FULL' }],
    ['something that is not an error', 'oops', { kind: 'fault', code: null }],
  ])('given %s, then it is classified', (_case, error, expected) => {
    expect(classifyFailure(error)).toMatchObject(expected);
  });

  it('given a failure, then its description names code and message', () => {
    expect(classifyFailure(new WorkflowLikeException('FORBIDDEN')).message).toBe('FORBIDDEN: refused: FORBIDDEN');
    expect(classifyFailure(new TypeError('x is undefined')).message).toBe('x is undefined');
  });
});
