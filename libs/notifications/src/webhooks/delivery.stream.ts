import type { StreamFold } from '@crm/command-handler';
import { NotificationsException, NotificationsExceptionCode } from '../notifications.exception';
import { retryDelayMs, type DeliveryPolicy } from './delivery-policy';
import {
  DELIVERY_STREAM_PREFIX,
  WEBHOOK_ATTEMPT_FAILED,
  WEBHOOK_ATTEMPT_STARTED,
  WEBHOOK_DEAD_LETTERED,
  WEBHOOK_DELIVERED,
  WEBHOOK_DELIVERY_CANCELLED,
  WEBHOOK_DELIVERY_SCHEDULED,
  WEBHOOK_REPLAY_REQUESTED,
  type WebhookAttemptFailedData,
  type WebhookAttemptStartedData,
  type WebhookDeliveryScheduledData,
} from './webhook.events';

export type DeliveryStatus = 'none' | 'pending' | 'delivered' | 'dead' | 'cancelled';

/** A delivery as its stream says: what the next attempt is, when, and who is sending it now. */
export interface DeliveryState {
  readonly deliveryId: string;
  readonly status: DeliveryStatus;
  readonly subscriptionId: string | null;
  /** What `X-CRM-Event` says; null before it is scheduled. */
  readonly event: string | null;
  /** The exact bytes sent every attempt; null before it is scheduled. */
  readonly body: string | null;
  /** Attempts whose outcome is recorded, over every series. */
  readonly attempts: number;
  /** Failed attempts of the current series (since it was scheduled or last replayed). */
  readonly seriesFailures: number;
  readonly series: number;
  readonly nextAttemptAt: string | null;
  readonly claim: { readonly attempt: number; readonly holder: string; readonly until: string } | null;
}

/** What the webhooks reactor schedules: everything the attempts need, decided once. */
export type ScheduledDelivery = Omit<WebhookDeliveryScheduledData, 'nextAttemptAt'>;

/** How an attempt ended, as the sender saw it. */
export type AttemptResult =
  | { readonly ok: true; readonly status: number; readonly durationMs: number }
  | { readonly ok: false; readonly status: number | null; readonly error: string | null; readonly durationMs: number };

interface Decided<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

export const deliveryFold: StreamFold<DeliveryState> = {
  initialState: (stream) => ({
    deliveryId: stream.startsWith(DELIVERY_STREAM_PREFIX) ? stream.slice(DELIVERY_STREAM_PREFIX.length) : stream,
    status: 'none',
    subscriptionId: null,
    event: null,
    body: null,
    attempts: 0,
    seriesFailures: 0,
    series: 0,
    nextAttemptAt: null,
    claim: null,
  }),
  evolve: (initial, events) => {
    let state = initial;
    for (const { type, data } of events) {
      if (type === WEBHOOK_DELIVERY_SCHEDULED) {
        state = {
          ...state,
          status: 'pending',
          subscriptionId: String(data['subscriptionId']),
          event: String(data['event']),
          body: String(data['body']),
          series: 1,
          nextAttemptAt: String(data['nextAttemptAt']),
        };
      } else if (type === WEBHOOK_ATTEMPT_STARTED) {
        state = { ...state, claim: { attempt: Number(data['attempt']), holder: String(data['holder']), until: String(data['until']) } };
      } else if (type === WEBHOOK_DELIVERED) {
        state = { ...state, status: 'delivered', attempts: Number(data['attempt']), claim: null, nextAttemptAt: null };
      } else if (type === WEBHOOK_ATTEMPT_FAILED) {
        const next = data['nextAttemptAt'];
        state = { ...state, attempts: Number(data['attempt']), seriesFailures: state.seriesFailures + 1, claim: null, nextAttemptAt: typeof next === 'string' ? next : null };
      } else if (type === WEBHOOK_DEAD_LETTERED) {
        state = { ...state, status: 'dead', nextAttemptAt: null };
      } else if (type === WEBHOOK_REPLAY_REQUESTED) {
        state = { ...state, status: 'pending', series: Number(data['series']), seriesFailures: 0, nextAttemptAt: String(data['nextAttemptAt']) };
      } else if (type === WEBHOOK_DELIVERY_CANCELLED) {
        state = { ...state, status: 'cancelled', nextAttemptAt: null, claim: null };
      }
    }
    return state;
  },
};

export const decideSchedule = (state: DeliveryState, delivery: ScheduledDelivery, now: Date): Decided<typeof WEBHOOK_DELIVERY_SCHEDULED, WebhookDeliveryScheduledData>[] =>
  state.status !== 'none'
    ? []
    : [{ type: WEBHOOK_DELIVERY_SCHEDULED, data: { ...delivery, source: { ...delivery.source }, nextAttemptAt: now.toISOString() } }];

const isDue = (state: DeliveryState, now: Date): boolean => state.nextAttemptAt !== null && Date.parse(state.nextAttemptAt) <= now.getTime();

/**
 * Taking an attempt before sending it: appended at the stream's revision, so of two processes one wins
 * and the receiver gets one POST per attempt. A claim whose sender died lapses after `claimMs` and the
 * same attempt may be taken again.
 */
export const decideClaim = (state: DeliveryState, holder: string, now: Date, claimMs: number): Decided<typeof WEBHOOK_ATTEMPT_STARTED, WebhookAttemptStartedData>[] => {
  if (state.status !== 'pending' || !isDue(state, now)) return [];
  if (state.claim !== null && Date.parse(state.claim.until) > now.getTime()) return [];
  return [{ type: WEBHOOK_ATTEMPT_STARTED, data: { deliveryId: state.deliveryId, attempt: state.attempts + 1, holder, until: new Date(now.getTime() + claimMs).toISOString() } }];
};

const errorText = (result: Extract<AttemptResult, { ok: false }>): string => result.error ?? `HTTP ${result.status ?? 'no status'}`;

/** An attempt's outcome counts once: the first recorded stands, whoever sent it. */
export const decideOutcome = (state: DeliveryState, attempt: number, result: AttemptResult, now: Date, policy: DeliveryPolicy): Decided<string, Record<string, string | number | null>>[] => {
  if (state.status !== 'pending' || attempt !== state.attempts + 1) return [];
  const { deliveryId } = state;
  if (result.ok) return [{ type: WEBHOOK_DELIVERED, data: { deliveryId, attempt, status: result.status, durationMs: result.durationMs } }];
  const failures = state.seriesFailures + 1;
  const last = failures >= policy.maxAttempts;
  const failed: WebhookAttemptFailedData = {
    deliveryId,
    attempt,
    status: result.status,
    error: result.error,
    durationMs: result.durationMs,
    nextAttemptAt: last ? null : new Date(now.getTime() + retryDelayMs(policy, failures)).toISOString(),
  };
  return last
    ? [{ type: WEBHOOK_ATTEMPT_FAILED, data: failed }, { type: WEBHOOK_DEAD_LETTERED, data: { deliveryId, attempts: attempt, lastError: errorText(result) } }]
    : [{ type: WEBHOOK_ATTEMPT_FAILED, data: failed }];
};

export const decideReplay = (state: DeliveryState, requestedBy: string, now: Date): Decided<typeof WEBHOOK_REPLAY_REQUESTED, Record<string, string | number>>[] => {
  if (state.status === 'none') {
    throw new NotificationsException(NotificationsExceptionCode.DELIVERY_NOT_FOUND, `no webhook delivery ${state.deliveryId}`, { deliveryId: state.deliveryId });
  }
  if (state.status !== 'dead') {
    throw new NotificationsException(
      NotificationsExceptionCode.DELIVERY_NOT_REPLAYABLE,
      `delivery ${state.deliveryId} is ${state.status}; only a dead-lettered delivery is replayed`,
      { deliveryId: state.deliveryId, status: state.status },
    );
  }
  return [{ type: WEBHOOK_REPLAY_REQUESTED, data: { deliveryId: state.deliveryId, series: state.series + 1, requestedBy, nextAttemptAt: now.toISOString() } }];
};

export const decideCancel = (state: DeliveryState): Decided<typeof WEBHOOK_DELIVERY_CANCELLED, Record<string, string>>[] =>
  state.status === 'pending' ? [{ type: WEBHOOK_DELIVERY_CANCELLED, data: { deliveryId: state.deliveryId, reason: 'subscription_deleted' } }] : [];
