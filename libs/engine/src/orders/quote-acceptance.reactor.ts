import { filter, from, mergeMap } from 'rxjs';
import type { Actor, FieldValues } from '@crm/blueprint';
import { deriveId } from '@crm/command-handler';
import type { StoredEvent } from '@crm/event-store';
import { defineReactor, reactorCommandId, type Reactor, type ReactorCommand } from '@crm/reactor-runtime';
import { recordIdFor, WorkflowException, WorkflowExceptionCode, type ExistingRecord, type LinesSource, type RecordCommandHandler, type RecordCommandResult } from '@crm/workflow';
import { quoteTermsOf, type QuoteTerms } from './quote-terms';

export const QUOTE_ACCEPTANCE_REACTOR = 'quote-acceptance';

/** The reactor acts as its own system actor, with the `system` role the transitions it fires ask for. */
export const QUOTE_ACCEPTANCE_ACTOR: Actor = { id: `system:reactor:${QUOTE_ACCEPTANCE_REACTOR}`, roles: ['system'] };

/** The quote blueprint's acceptance, and the opportunity's transition an accepted quote fires. */
export const ACCEPT_EVENT = 'accept';
export const WIN_BY_QUOTE = 'win_by_quote';

/** Refusals of the opportunity's guards (or state): the order stays, and the owner is told why. */
const REFUSALS: readonly WorkflowExceptionCode[] = [
  WorkflowExceptionCode.TRANSITION_REFUSED,
  WorkflowExceptionCode.EXIT_CRITERIA_BROKEN,
  WorkflowExceptionCode.RECORD_CLOSED,
  WorkflowExceptionCode.UNKNOWN_EVENT,
  WorkflowExceptionCode.INVALID_FIELDS,
  WorkflowExceptionCode.RECORD_NOT_FOUND,
  WorkflowExceptionCode.FORBIDDEN,
];

const isRefusal = (error: unknown): error is WorkflowException => error instanceof WorkflowException && REFUSALS.includes(error.code);

/** The accepted quote, its terms, and the opportunity it belongs to (if it names one). */
interface Accepted {
  readonly quote: ExistingRecord;
  readonly terms: QuoteTerms;
  readonly opportunity: ExistingRecord | null;
}

/**
 * The quote as it was accepted: an accepted quote is in a final stage, its fields and lines frozen, so
 * reading it again on a redelivery reads the same terms.
 */
const acceptedQuote = async (handler: RecordCommandHandler, quoteId: string): Promise<Accepted | null> => {
  const quote = await handler.load('quote', quoteId, { fresh: true });
  if (quote.status === 'none') return null;
  const terms = quoteTermsOf(quote, handler.blueprintOf(quote).definition);
  if (terms === null) return null;
  const opportunityId = quote.fields['opportunity'];
  const opportunity = typeof opportunityId === 'string' ? await handler.load('opportunity', opportunityId) : null;
  return { quote, terms, opportunity: opportunity === null || opportunity.status === 'none' ? null : opportunity };
};

const dateOf = (event: StoredEvent): string => event.occurredAt.slice(0, 10);

/**
 * The lines' source: the quote at its acceptance. Not the revision read now, which grows when the
 * accepted quote takes later events (a task done), so a redelivered acceptance asks what it first asked.
 */
const acceptedAt = (event: StoredEvent): LinesSource => ({ kind: 'quote', recordId: String(event.data['recordId']), revision: event.revision });

/**
 * The id of the subscription an order's acceptance opens: derived from the order's, so whatever follows
 * the order (its payments, README, Renewals: health score) finds the subscription without a read model.
 */
export const subscriptionIdOf = (orderId: string): string => deriveId(orderId, 'subscription');

const orderFields = (accepted: Accepted): FieldValues => {
  const { quote, terms, opportunity } = accepted;
  const account = opportunity?.fields['account'];
  const contractEnd = quote.fields['contractEnd'];
  return {
    quote: quote.recordId,
    ...(opportunity === null ? {} : { opportunity: opportunity.recordId }),
    ...(typeof account === 'string' ? { account } : {}),
    currency: terms.currency,
    total: terms.total,
    amountPaid: 0,
    balance: terms.total,
    ...(typeof contractEnd === 'string' ? { contractEnd } : {}),
  };
};

const commandsFor = (event: StoredEvent): ReactorCommand<RecordCommandHandler>[] => {
  const quoteId = String(event.data['recordId']);
  // The order's id derives from the command that opens it, which derives from this event: known to all three.
  const orderId = recordIdFor(reactorCommandId(QUOTE_ACCEPTANCE_REACTOR, event, 0));
  const openOrder: ReactorCommand<RecordCommandHandler> = {
    intent: `OpenWithLines order for accepted quote ${quoteId}`,
    send: async (handler, trace) => {
      const accepted = await acceptedQuote(handler, quoteId);
      if (accepted === null) return null;
      const { quote, terms } = accepted;
      return handler.execute({
        type: 'OpenWithLines',
        kind: 'order',
        fields: orderFields(accepted),
        owner: quote.owner,
        source: acceptedAt(event),
        currency: terms.currency,
        minorDigits: terms.minorDigits,
        lines: terms.lines,
        totalMinor: terms.totalMinor,
        actor: QUOTE_ACCEPTANCE_ACTOR,
        origin: { via: 'reactor' },
        ...trace,
      });
    },
  };
  const closeWon: ReactorCommand<RecordCommandHandler> = {
    intent: `FireTransition opportunity ${WIN_BY_QUOTE} for accepted quote ${quoteId}`,
    send: async (handler, trace) => {
      const accepted = await acceptedQuote(handler, quoteId);
      if (accepted === null || accepted.opportunity === null) return null;
      try {
        return await handler.execute({
          type: 'FireTransition',
          kind: 'opportunity',
          recordId: accepted.opportunity.recordId,
          event: WIN_BY_QUOTE,
          fields: { amount: accepted.terms.total, closeDate: dateOf(event), quote: quoteId },
          reason: `quote ${quoteId} accepted`,
          actor: QUOTE_ACCEPTANCE_ACTOR,
          origin: { via: 'reactor' },
          ...trace,
        });
      } catch (error) {
        if (!isRefusal(error)) throw error;
        return tellOrderOwner(handler, trace, orderId, accepted.opportunity.recordId, error);
      }
    },
  };
  const openSubscription: ReactorCommand<RecordCommandHandler> = {
    intent: `OpenWithLines subscription for accepted quote ${quoteId} (when it has a contract end)`,
    send: async (handler, trace) => {
      const accepted = await acceptedQuote(handler, quoteId);
      const contractEnd = accepted?.quote.fields['contractEnd'];
      if (accepted === null || typeof contractEnd !== 'string') return null;
      const { quote, terms } = accepted;
      const fields = orderFields(accepted);
      return handler.execute({
        type: 'OpenWithLines',
        kind: 'subscription',
        recordId: subscriptionIdOf(orderId),
        fields: {
          ...(typeof fields['account'] === 'string' ? { account: fields['account'] } : {}),
          quote: quote.recordId,
          order: orderId,
          currency: terms.currency,
          termAmount: terms.total,
          contractEnd,
        },
        owner: quote.owner,
        source: acceptedAt(event),
        currency: terms.currency,
        minorDigits: terms.minorDigits,
        lines: terms.lines,
        totalMinor: terms.totalMinor,
        actor: QUOTE_ACCEPTANCE_ACTOR,
        origin: { via: 'reactor' },
        ...trace,
      });
    },
  };
  return [openOrder, closeWon, openSubscription];
};

/** The opportunity's guards refused: the order stays, and a task on it tells its owner why. */
const tellOrderOwner = (
  handler: RecordCommandHandler,
  trace: { readonly commandId: string; readonly causationId: string; readonly correlationId: string },
  orderId: string,
  opportunityId: string,
  refusal: WorkflowException,
): Promise<RecordCommandResult> =>
  handler.execute({
    type: 'OpenTask',
    kind: 'order',
    recordId: orderId,
    template: 'resolve_close_won',
    title: `Close opportunity ${opportunityId} won by hand: the accepted quote could not close it (${refusal.message})`,
    dueInDays: 2,
    actor: QUOTE_ACCEPTANCE_ACTOR,
    origin: { via: 'reactor' },
    ...trace,
    commandId: deriveId(trace.commandId, 'resolve-close-won'),
  });

/**
 * Accept → order (README, Orders and payments): for every quote accepted (by the rep with evidence, or by
 * the customer through a signed link), opens the order with the quote's lines; closes the opportunity
 * won with the quote's total through the opportunity's own guards (`win_by_quote`), and when they refuse,
 * the order stays and a task on it tells the owner why; and, for a subscription quote (a contract end),
 * opens the subscription whose timers drive the renewal. Each command's id derives from the acceptance,
 * so a redelivered acceptance stores nothing twice.
 */
export const quoteAcceptanceReactor = (): Reactor<RecordCommandHandler> =>
  defineReactor<RecordCommandHandler>({
    name: QUOTE_ACCEPTANCE_REACTOR,
    eventTypes: ['Transitioned'],
    startFrom: 'start',
    react: (events$) =>
      events$.pipe(
        filter((event) => event.stream.startsWith('quote-') && event.data['event'] === ACCEPT_EVENT),
        mergeMap((event) => from(commandsFor(event))),
      ),
  });
