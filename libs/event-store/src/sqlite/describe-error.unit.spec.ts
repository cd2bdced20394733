import { describeError } from './describe-error';

describe('describeError', () => {
  it('given an error-like object from another realm with a code, then it reads CODE: message', () => {
    expect(describeError({ name: 'SqliteError', code: 'SQLITE_FULL', message: 'database or disk is full' })).toBe(
      'SQLITE_FULL: database or disk is full',
    );
  });

  it('given an error without a code or a non-error, then it reads the message or the value', () => {
    expect(describeError(new TypeError('bad'))).toBe('bad');
    expect(describeError('plain text')).toBe('plain text');
  });
});
