import { fireInLanes } from './timer-lanes';

interface Item {
  readonly kind: string;
  readonly recordId: string;
  readonly timerId: string;
}

const timer = (recordId: string, timerId: string, kind = 'lead'): Item => ({ kind, recordId, timerId });

/** Hands out the given pages one by one, then says there are no more; counts how often it was asked. */
const pagesOf = (...pages: Item[][]) => {
  const remaining = [...pages];
  const asked = { count: 0 };
  return { asked, nextPage: (): Item[] | null => { asked.count += 1; return remaining.shift() ?? null; } };
};

/** A work function whose calls finish only when the test says so. */
const controlled = () => {
  const started: string[] = [];
  const finishers = new Map<string, (goOn: boolean) => void>();
  let running = 0;
  let mostAtOnce = 0;
  const work = (item: Item): Promise<boolean> => {
    running += 1;
    mostAtOnce = Math.max(mostAtOnce, running);
    started.push(item.timerId);
    return new Promise((resolve) => finishers.set(item.timerId, (goOn) => { running -= 1; resolve(goOn); }));
  };
  const finish = async (timerId: string, goOn = true): Promise<void> => {
    const finisher = finishers.get(timerId);
    if (finisher === undefined) throw new Error(`${timerId} has not started (started: ${started.join(', ')})`);
    finisher(goOn);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { work, finish, started, mostAtOnce: () => mostAtOnce };
};

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('fireInLanes: records in parallel, each record in due order, pages read as the work needs them', () => {
  it('given due timers of several records, when fired one worker at a time, then they run in the given order, each record’s one after another', async () => {
    const order: string[] = [];
    const { nextPage } = pagesOf([timer('a', 'a1'), timer('b', 'b1'), timer('a', 'a2'), timer('c', 'c1'), timer('b', 'b2')]);

    await fireInLanes(nextPage, 1, async (item) => {
      order.push(item.timerId);
      return true;
    });

    expect(order).toEqual(['a1', 'a2', 'b1', 'b2', 'c1']);
  });

  it('given more records than workers, when fired, then at most that many run at once and every timer runs once', async () => {
    const { nextPage } = pagesOf([timer('a', 'a1'), timer('b', 'b1'), timer('c', 'c1'), timer('d', 'd1')]);
    const { work, finish, started, mostAtOnce } = controlled();

    const firing = fireInLanes(nextPage, 2, work);
    await settle();
    expect(started).toEqual(['a1', 'b1']);
    await finish('a1');
    await finish('b1');
    await finish('c1');
    await finish('d1');
    await firing;

    expect(mostAtOnce()).toBe(2);
    expect(started).toEqual(['a1', 'b1', 'c1', 'd1']);
  });

  it('given a record’s timers on two pages, when its first is still running as the next page is read, then its later timer waits for it', async () => {
    const { nextPage } = pagesOf([timer('a', 'a1'), timer('b', 'b1')], [timer('a', 'a2'), timer('c', 'c1')]);
    const { work, finish, started } = controlled();

    const firing = fireInLanes(nextPage, 3, work);
    await settle();
    expect(started).toEqual(['a1', 'b1', 'c1']);
    await finish('c1');
    await finish('b1');
    expect(started).not.toContain('a2');
    await finish('a1');
    expect(started).toContain('a2');
    await finish('a2');
    await firing;
  });

  it('given a slow timer at the end of a page, when the other workers are free, then they go on with the next page instead of waiting for it', async () => {
    const { nextPage } = pagesOf([timer('a', 'a1'), timer('b', 'b1')], [timer('c', 'c1'), timer('d', 'd1')]);
    const { work, finish, started } = controlled();

    const firing = fireInLanes(nextPage, 2, work);
    await settle();
    await finish('b1');
    expect(started).toEqual(['a1', 'b1', 'c1']);
    await finish('c1');
    expect(started).toEqual(['a1', 'b1', 'c1', 'd1']);
    await finish('d1');
    await finish('a1');
    await firing;
  });

  it('given a timer that says stop, when its record has more, then the rest of that record waits (also on later pages) and other records go on', async () => {
    const done: string[] = [];
    const { nextPage } = pagesOf([timer('a', 'a1'), timer('b', 'b1'), timer('a', 'a2')], [timer('a', 'a3'), timer('b', 'b2')]);

    await fireInLanes(nextPage, 1, async (item) => {
      done.push(item.timerId);
      return item.timerId !== 'a1';
    });

    expect(done).toEqual(['a1', 'b1', 'b2']);
  });

  it('given two kinds with the same record id, when fired, then they are different records', async () => {
    const { nextPage } = pagesOf([timer('x', 'lead-x'), timer('x', 'quote-x', 'quote')]);
    const { work, started, finish } = controlled();

    const firing = fireInLanes(nextPage, 2, work);
    await settle();
    expect(started).toEqual(['lead-x', 'quote-x']);
    await finish('lead-x');
    await finish('quote-x');
    await firing;
  });

  it('given many pages, when fired, then a page is read only when the workers run short of records', async () => {
    const pages = Array.from({ length: 10 }, (_, page) => [timer(`r${page}a`, `${page}a`), timer(`r${page}b`, `${page}b`)]);
    const { nextPage, asked } = pagesOf(...pages);
    const { work, started } = controlled();

    void fireInLanes(nextPage, 2, work);
    await settle();

    expect(started).toEqual(['0a', '0b']);
    expect(asked.count).toBeLessThanOrEqual(2);
  });
});
