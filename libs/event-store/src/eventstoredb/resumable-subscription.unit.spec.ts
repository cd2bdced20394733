import { NEVER_DURING_A_TEST_MS } from '../contract';
import { EventStoreException, EventStoreExceptionCode } from '../event-store.exception';
import type { StoredEvent } from '../event-store.port';
import { isAfter, positionOf, type Position } from '../position';
import { ResumableSubscription, type SubscriptionFeed } from './resumable-subscription';

interface Raw {
  readonly id: string;
  readonly position: Position;
}

const dropped = (): EventStoreException => new EventStoreException(EventStoreExceptionCode.UNAVAILABLE, 'dropped');
const log: Raw[] = Array.from({ length: 10 }, (_, index) => ({ id: `e${index + 1}`, position: positionOf((index + 1) * 10) }));
const asStored = (raw: Raw): StoredEvent => ({
  id: raw.id,
  type: 'T',
  stream: 's',
  revision: 0,
  position: raw.position,
  data: {},
  metadata: {},
  occurredAt: '',
  recordedAt: '',
});

/** A server that serves `log` after a position; each call may fail after some events, and may replay one event before its start. */
const scriptedServer = (script: readonly { readonly failAfter?: number; readonly replayOne?: boolean; readonly error?: unknown }[]) => {
  const openedAfter: (Position | 'start')[] = [];
  const open = (after: Position | 'start'): SubscriptionFeed<Raw> => {
    const step = script[openedAfter.length] ?? {};
    openedAfter.push(after);
    const start = after === 'start' ? 0 : log.findIndex((raw) => isAfter(raw.position, after));
    const served = (step.replayOne && start > 0 ? log.slice(start - 1) : log.slice(start === -1 ? log.length : start)).slice();
    let sent = 0;
    return {
      next: async () => {
        if (step.failAfter !== undefined && sent >= step.failAfter) throw step.error ?? dropped();
        const raw = served.shift();
        if (!raw) return new Promise<never>(() => undefined);
        sent += 1;
        return { done: false, value: raw };
      },
      close: async () => undefined,
    };
  };
  return { open, openedAfter };
};

const subscriptionOf = (server: ReturnType<typeof scriptedServer>, overrides: { keep?: (raw: Raw) => boolean; resolveStart?: () => Promise<Position | 'start'> } = {}) =>
  new ResumableSubscription<Raw>({
    resolveStart: overrides.resolveStart ?? (async () => 'start'),
    open: server.open,
    positionOf: (raw) => raw.position,
    toEvent: (raw) => ((overrides.keep ?? (() => true))(raw) ? asStored(raw) : null),
    isRetryable: (error) => error instanceof EventStoreException && error.retryable,
    backoff: { initialMs: 1, maxMs: 4 },
    onClose: () => undefined,
  });

const take = async (subscription: ResumableSubscription<Raw>, count: number): Promise<string[]> => {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const next = await subscription.next();
    if (next.done) break;
    ids.push(next.value.id);
  }
  return ids;
};

describe('ResumableSubscription', () => {
  it('given calls that drop after some events and replay the one before their start, then every event arrives once, in order', async () => {
    const server = scriptedServer([{ failAfter: 3 }, { failAfter: 2, replayOne: true }, { replayOne: true }]);
    const subscription = subscriptionOf(server);

    expect(await take(subscription, 10)).toEqual(log.map((raw) => raw.id));
    expect(server.openedAfter).toEqual(['start', positionOf(30), positionOf(40)]);
    await subscription.close();
  });

  it('given events the subscriber does not want, when the call drops, then it resumes after them, not before', async () => {
    const server = scriptedServer([{ failAfter: 4 }, {}]);
    const subscription = subscriptionOf(server, { keep: (raw) => raw.id !== 'e3' && raw.id !== 'e4' });

    expect(await take(subscription, 4)).toEqual(['e1', 'e2', 'e5', 'e6']);
    expect(server.openedAfter).toEqual(['start', positionOf(40)]);
    await subscription.close();
  });

  it('given an error resubscribing cannot cure, then next() rejects with it and the subscription is over', async () => {
    const accessDenied = new Error('access denied');
    const subscription = subscriptionOf(scriptedServer([{ failAfter: 1, error: accessDenied }]));

    expect(await take(subscription, 1)).toEqual(['e1']);
    await expect(subscription.next()).rejects.toBe(accessDenied);
    await expect(subscription.next()).resolves.toEqual({ done: true, value: undefined });
  });

  it('given the start position cannot be resolved at first, then it is asked again after a wait', async () => {
    const attempts: number[] = [];
    const subscription = subscriptionOf(scriptedServer([{}]), {
      resolveStart: async () => {
        attempts.push(attempts.length);
        if (attempts.length === 1) throw dropped();
        return positionOf(80);
      },
    });

    expect(await take(subscription, 2)).toEqual(['e9', 'e10']);
    expect(attempts).toEqual([0, 1]);
    await subscription.close();
  });

  it('given a consumer waiting through failed attempts, when closed, then its next() resolves done at once', async () => {
    const server = scriptedServer(Array.from({ length: 1_000 }, () => ({ failAfter: 0 })));
    const subscription = new ResumableSubscription<Raw>({
      resolveStart: async () => 'start',
      open: server.open,
      positionOf: (raw) => raw.position,
      toEvent: asStored,
      isRetryable: () => true,
      backoff: { initialMs: NEVER_DURING_A_TEST_MS, maxMs: NEVER_DURING_A_TEST_MS },
      onClose: () => undefined,
    });
    const pending = subscription.next();
    await new Promise((resolve) => setTimeout(resolve, 5));

    await subscription.close();

    await expect(pending).resolves.toEqual({ done: true, value: undefined });
  });
});
