import { present } from './present';

describe('present', () => {
  it('given a value, including a falsy one, then it is returned as it is', () => {
    expect(present(0, 'a count')).toBe(0);
    expect(present('', 'a name')).toBe('');
    expect(present(false, 'a flag')).toBe(false);
  });

  it.each([
    [null, 'expected the head position, got null'],
    [undefined, 'expected the head position, got undefined'],
  ])('given %s, then it fails naming what was missing', (value, message) => {
    expect(() => present(value, 'the head position')).toThrow(message);
  });
});
