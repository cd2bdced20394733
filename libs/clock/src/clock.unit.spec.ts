import { ManualClock } from './clock';

describe('ManualClock', () => {
  it('given a start, when advanced, then reports the moved time and never shares its Date', () => {
    const clock = new ManualClock('2026-03-01T10:00:00.000Z');
    const first = clock.now();
    first.setFullYear(1999);

    clock.advance(60_000);

    expect(clock.now().toISOString()).toBe('2026-03-01T10:01:00.000Z');
  });
});
