import { filter, from, mergeMap } from 'rxjs';
import type { Actor } from '@crm/blueprint';
import type { StoredEvent } from '@crm/event-store';
import { defineReactor, reactorCommandId, type Reactor, type ReactorCommand } from '@crm/reactor-runtime';
import { copiedLines, recordIdFor, type ExistingRecord, type RecordCommandHandler } from '@crm/workflow';

export const SUBSCRIPTION_RENEWAL_REACTOR = 'subscription-renewal';

export const SUBSCRIPTION_RENEWAL_ACTOR: Actor = { id: `system:reactor:${SUBSCRIPTION_RENEWAL_REACTOR}`, roles: ['system'] };

/** The subscription blueprint's transition its 90-day timer fires, and its outcomes (README, Renewals). */
export const OPEN_RENEWAL = 'open_renewal';
export const RENEW = 'renew';
export const CHURN = 'churn';

const LOSS_TO_CHURN: Readonly<Record<string, string>> = { price: 'price', competitor: 'competitor', no_budget: 'no_budget', product_fit: 'product_fit' };

const idOf = (event: StoredEvent): string => String(event.data['recordId']);

const subscriptionOf = async (handler: RecordCommandHandler, id: string): Promise<ExistingRecord | null> => {
  const state = await handler.load('subscription', id, { fresh: true });
  return state.status === 'none' ? null : state;
};

/** At 90 days: the renewal opportunity on the account with last term's lines, linked both ways. */
const openRenewal = (event: StoredEvent): ReactorCommand<RecordCommandHandler>[] => {
  const subscriptionId = idOf(event);
  const opportunityId = recordIdFor(reactorCommandId(SUBSCRIPTION_RENEWAL_REACTOR, event, 0));
  return [
    {
      intent: `OpenWithLines renewal opportunity for subscription ${subscriptionId}`,
      send: async (handler, trace) => {
        const subscription = await subscriptionOf(handler, subscriptionId);
        const term = subscription === null ? null : copiedLines.read(subscription);
        if (subscription === null || term === null) return null;
        const { account, termAmount, contractEnd } = subscription.fields;
        return handler.execute({
          type: 'OpenWithLines',
          kind: 'opportunity',
          fields: {
            name: `Renewal of subscription ${subscriptionId}`,
            renewalOf: subscriptionId,
            ...(typeof account === 'string' ? { account } : {}),
            ...(typeof termAmount === 'number' ? { amount: termAmount } : {}),
            ...(typeof contractEnd === 'string' ? { closeDate: contractEnd } : {}),
          },
          owner: subscription.owner,
          // The subscription as its renewal window opened: a redelivery asks what it first asked, however the subscription moved since.
          source: { kind: 'subscription', recordId: subscriptionId, revision: event.revision },
          currency: term.currency,
          minorDigits: term.minorDigits,
          lines: term.lines,
          totalMinor: term.totalMinor,
          actor: SUBSCRIPTION_RENEWAL_ACTOR,
          origin: { via: 'reactor' },
          ...trace,
        });
      },
    },
    {
      intent: `UpdateFields subscription ${subscriptionId} renewalOpportunity`,
      send: (handler, trace) =>
        handler.execute({
          type: 'UpdateFields',
          kind: 'subscription',
          recordId: subscriptionId,
          fields: { renewalOpportunity: opportunityId },
          actor: SUBSCRIPTION_RENEWAL_ACTOR,
          origin: { via: 'reactor' },
          ...trace,
        }),
    },
  ];
};

/** The renewal opportunity closed: the subscription renewed with its movement, or churned. */
const recordOutcome = (event: StoredEvent): ReactorCommand<RecordCommandHandler>[] => {
  const opportunityId = idOf(event);
  return [
    {
      intent: `FireTransition subscription renew or churn for renewal opportunity ${opportunityId}`,
      send: async (handler, trace) => {
        const opportunity = await handler.load('opportunity', opportunityId, { fresh: true });
        const subscriptionId = opportunity.status === 'none' ? undefined : opportunity.fields['renewalOf'];
        if (opportunity.status === 'none' || typeof subscriptionId !== 'string') return null;
        const subscription = await subscriptionOf(handler, subscriptionId);
        if (subscription === null || subscription.status === 'closed') return null;
        const won = handler.blueprintOf(opportunity).stage(opportunity.stage)?.outcome === 'won';
        const amount = opportunity.fields['amount'];
        const before = subscription.fields['termAmount'];
        const renewed = won && typeof amount === 'number';
        const movement = !renewed ? 'churn' : typeof before !== 'number' || amount === before ? 'flat' : amount > before ? 'expansion' : 'contraction';
        const lossReason = opportunity.fields['lossReason'];
        return handler.execute({
          type: 'FireTransition',
          kind: 'subscription',
          recordId: subscriptionId,
          event: renewed ? RENEW : CHURN,
          fields: renewed
            ? { renewalAmount: amount, movement }
            : { movement, churnReason: typeof lossReason === 'string' ? (LOSS_TO_CHURN[lossReason] ?? 'other') : 'other' },
          reason: `renewal opportunity ${opportunityId} ${opportunity.stage}`,
          actor: SUBSCRIPTION_RENEWAL_ACTOR,
          origin: { via: 'reactor' },
          ...trace,
        });
      },
    },
  ];
};

const closesOpportunity = (event: StoredEvent): boolean =>
  event.stream.startsWith('opportunity-') && (event.data['to'] === 'closed_won' || event.data['to'] === 'closed_lost');

/**
 * Renewals (README, Renewals): when a subscription's 90-day timer opens its renewal window, opens the
 * renewal opportunity on the account with last term's lines and links it; when a renewal opportunity
 * closes, records the subscription renewed (expansion, flat or contraction against last term) or
 * churned. Every command goes through the guards of its record with an id derived from the event.
 */
export const subscriptionRenewalReactor = (): Reactor<RecordCommandHandler> =>
  defineReactor<RecordCommandHandler>({
    name: SUBSCRIPTION_RENEWAL_REACTOR,
    eventTypes: ['Transitioned'],
    startFrom: 'start',
    react: (events$) =>
      events$.pipe(
        filter((event) => (event.stream.startsWith('subscription-') && event.data['event'] === OPEN_RENEWAL) || closesOpportunity(event)),
        mergeMap((event) => from(closesOpportunity(event) ? recordOutcome(event) : openRenewal(event))),
      ),
  });
