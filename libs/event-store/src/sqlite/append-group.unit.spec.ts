import type { ValidatedAppend } from '../append-input.validation';
import type { ExpectedRevision } from '../event-store.port';
import { conflictsWith, maxGroupEvents, takeGroup, type StreamRevision } from './append-group';

const member = (events: number): { append: ValidatedAppend } => ({
  append: {
    stream: 's',
    expectedRevision: 'any',
    events: Array.from({ length: events }, () => ({ id: '', type: 'T', data: '{}', metadata: '{}', occurredAt: null })),
  },
});

describe('conflictsWith', () => {
  it.each<[ExpectedRevision, StreamRevision, boolean]>([
    ['any', 'no_stream', false],
    ['any', 7, false],
    ['no_stream', 'no_stream', false],
    ['no_stream', 0, true],
    [3, 3, false],
    [3, 2, true],
    [3, 4, true],
    [0, 'no_stream', true],
  ])('given expected %p and a stream at %p, then a conflict is %p', (expected, actual, conflict) => {
    expect(conflictsWith(expected, actual)).toBe(conflict);
  });
});

describe('takeGroup', () => {
  it('given more appends than the member cap, then it takes the cap and leaves the rest queued in order', () => {
    const queue = Array.from({ length: 5 }, () => member(1));
    const [first, second, third] = queue;

    expect(takeGroup(queue, 3)).toEqual([first, second, third]);
    expect(queue).toHaveLength(2);
  });

  it('given appends whose events pass the event cap, then the group stops before the one that would pass it', () => {
    const queue = [member(maxGroupEvents - 10), member(5), member(10), member(1)];

    expect(takeGroup(queue, 1_000)).toHaveLength(2);
    expect(queue).toHaveLength(2);
  });

  it('given one append larger than the event cap, then it still forms a group of its own', () => {
    const queue = [member(maxGroupEvents + 1), member(1)];

    expect(takeGroup(queue, 1_000)).toHaveLength(1);
  });
});
