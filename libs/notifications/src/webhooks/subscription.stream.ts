import type { StreamFold } from '@crm/command-handler';
import { NotificationsException, NotificationsExceptionCode } from '../notifications.exception';
import { SUBSCRIPTION_STREAM_PREFIX, WEBHOOK_DELETED, WEBHOOK_SUBSCRIBED, type WebhookSubscribedData } from './webhook.events';

export interface SubscriptionState {
  readonly subscriptionId: string;
  readonly status: 'none' | 'active' | 'deleted';
  readonly url: string;
  readonly events: readonly string[];
  readonly secret: string;
  readonly description: string | null;
  readonly createdBy: string;
  readonly createdAt: string | null;
  readonly deletedAt: string | null;
}

export const subscriptionFold: StreamFold<SubscriptionState> = {
  initialState: (stream) => ({
    subscriptionId: stream.startsWith(SUBSCRIPTION_STREAM_PREFIX) ? stream.slice(SUBSCRIPTION_STREAM_PREFIX.length) : stream,
    status: 'none',
    url: '',
    events: [],
    secret: '',
    description: null,
    createdBy: '',
    createdAt: null,
    deletedAt: null,
  }),
  evolve: (initial, events) => {
    let state = initial;
    for (const event of events) {
      const { data } = event;
      if (event.type === WEBHOOK_SUBSCRIBED) {
        state = {
          ...state,
          status: 'active',
          url: String(data['url']),
          events: Array.isArray(data['events']) ? data['events'].map(String) : [],
          secret: String(data['secret']),
          description: typeof data['description'] === 'string' ? data['description'] : null,
          createdBy: String(data['createdBy']),
          createdAt: event.occurredAt,
        };
      }
      if (event.type === WEBHOOK_DELETED) state = { ...state, status: 'deleted', deletedAt: event.occurredAt };
    }
    return state;
  },
};

export const decideSubscribe = (state: SubscriptionState, subscription: WebhookSubscribedData): { type: typeof WEBHOOK_SUBSCRIBED; data: WebhookSubscribedData }[] =>
  state.status === 'none' ? [{ type: WEBHOOK_SUBSCRIBED, data: { ...subscription, events: [...subscription.events] } }] : [];

/** Deleting twice changes nothing; deleting what never was is not found. */
export const decideDelete = (state: SubscriptionState, deletedBy: string): { type: typeof WEBHOOK_DELETED; data: { subscriptionId: string; deletedBy: string } }[] => {
  if (state.status === 'none') {
    throw new NotificationsException(NotificationsExceptionCode.WEBHOOK_NOT_FOUND, `no webhook subscription ${state.subscriptionId}`, { subscriptionId: state.subscriptionId });
  }
  return state.status === 'active' ? [{ type: WEBHOOK_DELETED, data: { subscriptionId: state.subscriptionId, deletedBy } }] : [];
};
