import type { JsonObject, StoredEvent } from '@crm/event-store';
import { NotificationsException, NotificationsExceptionCode } from '../notifications.exception';
import type { DeliveryPolicy } from './delivery-policy';
import { decideCancel, decideClaim, decideOutcome, decideReplay, decideSchedule, deliveryFold, type DeliveryState, type ScheduledDelivery } from './delivery.stream';
import { deliveryStream } from './webhook.events';

const POLICY: DeliveryPolicy = { maxAttempts: 3, backoff: { initialMs: 1_000, maxMs: 60_000 }, timeoutMs: 5_000 };
const T0 = new Date('2026-06-01T09:00:00.000Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);

const delivery: ScheduledDelivery = {
  deliveryId: 'd-1',
  subscriptionId: 's-1',
  event: 'Transitioned',
  source: { eventId: 'e-1', stream: 'opportunity-globex-1', type: 'Transitioned' },
  body: '{"event":"Transitioned"}',
};

/** Folds what each decision decided, as the command loop would after appending it. */
class DeliveryLog {
  state: DeliveryState = deliveryFold.initialState(deliveryStream('d-1'));
  private revision = 0;

  apply(decided: readonly { type: string; data: JsonObject }[]): readonly { type: string; data: JsonObject }[] {
    const stored: StoredEvent[] = decided.map((event) => ({
      id: `event-${this.revision}`,
      type: event.type,
      stream: deliveryStream('d-1'),
      revision: this.revision++,
      position: { commit: BigInt(this.revision), prepare: BigInt(this.revision) },
      data: event.data,
      metadata: {},
      occurredAt: T0.toISOString(),
      recordedAt: T0.toISOString(),
    }));
    this.state = deliveryFold.evolve(this.state, stored);
    return decided;
  }
}

const failure = { ok: false as const, status: 500, error: null, durationMs: 12 };
const success = { ok: true as const, status: 200, durationMs: 7 };

const refusalOf = (decide: () => unknown): NotificationsException => {
  try {
    decide();
  } catch (error) {
    if (error instanceof NotificationsException) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('a delivery’s decisions: scheduled once, one attempt at a time, retried with backoff, dead-lettered, replayed', () => {
  it('given a delivery, when scheduled twice, then it is scheduled once, due at once', () => {
    const log = new DeliveryLog();

    expect(log.apply(decideSchedule(log.state, delivery, T0))).toEqual([
      { type: 'WebhookDeliveryScheduled', data: { ...delivery, source: { ...delivery.source }, nextAttemptAt: T0.toISOString() } },
    ]);
    expect(decideSchedule(log.state, delivery, T0)).toEqual([]);
  });

  it('given a due delivery, when two senders claim it, then the first gets attempt 1 until its claim runs out, the second nothing', () => {
    const log = new DeliveryLog();
    log.apply(decideSchedule(log.state, delivery, T0));

    expect(log.apply(decideClaim(log.state, 'process-a', T0, 15_000))).toEqual([
      { type: 'WebhookAttemptStarted', data: { deliveryId: 'd-1', attempt: 1, holder: 'process-a', until: at(15_000).toISOString() } },
    ]);
    expect(decideClaim(log.state, 'process-b', at(14_999), 15_000)).toEqual([]);
  });

  it('given a claim whose sender died, when its time has run out, then another sender may claim the same attempt', () => {
    const log = new DeliveryLog();
    log.apply(decideSchedule(log.state, delivery, T0));
    log.apply(decideClaim(log.state, 'process-a', T0, 15_000));

    expect(decideClaim(log.state, 'process-b', at(15_000), 15_000)).toEqual([
      { type: 'WebhookAttemptStarted', data: { deliveryId: 'd-1', attempt: 1, holder: 'process-b', until: at(30_000).toISOString() } },
    ]);
  });

  it('given a failed attempt, when recorded, then the next is due after the backoff, and not claimable before', () => {
    const log = new DeliveryLog();
    log.apply(decideSchedule(log.state, delivery, T0));
    log.apply(decideClaim(log.state, 'a', T0, 15_000));

    expect(log.apply(decideOutcome(log.state, 1, failure, at(100), POLICY))).toEqual([
      { type: 'WebhookAttemptFailed', data: { deliveryId: 'd-1', attempt: 1, status: 500, error: null, durationMs: 12, nextAttemptAt: at(1_100).toISOString() } },
    ]);
    expect(decideClaim(log.state, 'a', at(1_099), 15_000)).toEqual([]);
    expect(decideClaim(log.state, 'a', at(1_100), 15_000)).toHaveLength(1);
  });

  it('given an attempt recorded already, when its outcome comes again (another sender, a retry), then nothing more is decided', () => {
    const log = new DeliveryLog();
    log.apply(decideSchedule(log.state, delivery, T0));
    log.apply(decideClaim(log.state, 'a', T0, 15_000));
    log.apply(decideOutcome(log.state, 1, success, at(10), POLICY));

    expect(decideOutcome(log.state, 1, failure, at(20), POLICY)).toEqual([]);
    expect(log.state.status).toBe('delivered');
  });

  it('given the series’ last attempt fails, when recorded, then the delivery is dead-lettered with the last error, and nothing is claimable', () => {
    const log = new DeliveryLog();
    log.apply(decideSchedule(log.state, delivery, T0));
    let now = T0;
    for (const attempt of [1, 2]) {
      log.apply(decideClaim(log.state, 'a', now, 15_000));
      log.apply(decideOutcome(log.state, attempt, failure, now, POLICY));
      now = new Date(String(log.state.nextAttemptAt));
    }
    log.apply(decideClaim(log.state, 'a', now, 15_000));

    expect(log.apply(decideOutcome(log.state, 3, { ok: false, status: null, error: 'ECONNREFUSED', durationMs: 1 }, now, POLICY))).toEqual([
      { type: 'WebhookAttemptFailed', data: { deliveryId: 'd-1', attempt: 3, status: null, error: 'ECONNREFUSED', durationMs: 1, nextAttemptAt: null } },
      { type: 'WebhookDeadLettered', data: { deliveryId: 'd-1', attempts: 3, lastError: 'ECONNREFUSED' } },
    ]);
    expect(decideClaim(log.state, 'a', at(86_400_000), 15_000)).toEqual([]);
  });

  it('given a dead-lettered delivery, when replayed, then a new series is due at once with its own attempts, numbered on', () => {
    const log = new DeliveryLog();
    log.apply(decideSchedule(log.state, delivery, T0));
    for (const attempt of [1, 2, 3]) {
      log.apply(decideClaim(log.state, 'a', at(86_400_000), 15_000));
      log.apply(decideOutcome(log.state, attempt, failure, T0, POLICY));
    }

    expect(log.apply(decideReplay(log.state, 'ada', at(5_000)))).toEqual([
      { type: 'WebhookReplayRequested', data: { deliveryId: 'd-1', series: 2, requestedBy: 'ada', nextAttemptAt: at(5_000).toISOString() } },
    ]);
    log.apply(decideClaim(log.state, 'a', at(5_000), 15_000));
    expect(log.apply(decideOutcome(log.state, 4, failure, at(5_000), POLICY))).toEqual([
      expect.objectContaining({ type: 'WebhookAttemptFailed', data: expect.objectContaining({ attempt: 4, nextAttemptAt: at(6_000).toISOString() }) }),
    ]);
  });

  it('given a delivery that is not dead-lettered, when replayed, then it is refused naming its status; an unknown one is not found', () => {
    const log = new DeliveryLog();

    expect(refusalOf(() => decideReplay(log.state, 'ada', T0)).code).toBe(NotificationsExceptionCode.DELIVERY_NOT_FOUND);
    log.apply(decideSchedule(log.state, delivery, T0));
    const refusal = refusalOf(() => decideReplay(log.state, 'ada', T0));
    expect(refusal.code).toBe(NotificationsExceptionCode.DELIVERY_NOT_REPLAYABLE);
    expect(refusal.details).toEqual({ deliveryId: 'd-1', status: 'pending' });
  });

  it('given a pending delivery whose subscription was deleted, when cancelled, then it is not tried again; a delivered one is left as it is', () => {
    const log = new DeliveryLog();
    log.apply(decideSchedule(log.state, delivery, T0));

    expect(log.apply(decideCancel(log.state))).toEqual([{ type: 'WebhookDeliveryCancelled', data: { deliveryId: 'd-1', reason: 'subscription_deleted' } }]);
    expect(decideClaim(log.state, 'a', at(1_000), 15_000)).toEqual([]);
    expect(decideCancel(log.state)).toEqual([]);
  });
});
