import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, FieldValues } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { newCommandId } from '@crm/command-handler';
import { EventStoreDbEventStore, SqliteEventStore, type EventStore, type StoredEvent } from '@crm/event-store';
import { eventually, scaledTimeout } from '@crm/event-store/contract';
import { WireLevelStandIn } from '@crm/event-store/stand-in';
import { commandsFor, reactorCommandId, type Reactor } from '@crm/reactor-runtime';
import { fireTimerCommandId, openAccess, recordIdFor, recordScore, TIMER_ACTOR, type ExistingRecord, type RecordCommandHandler, type RecordCommandResult } from '@crm/workflow';
import { Engine } from '../engine';
import { paymentDelayCommandId, paymentDelayReactor } from './payment-delay.reactor';
import { QUOTE_ACCEPTANCE_REACTOR, quoteAcceptanceReactor, subscriptionIdOf } from './quote-acceptance.reactor';
import { subscriptionRenewalReactor } from './subscription-renewal.reactor';

const repositoryBlueprints = join(__dirname, '..', '..', '..', '..', 'blueprints');
const rita: Actor = { id: 'rita', roles: ['rep'] };
const payments: Actor = { id: 'system:payments', roles: ['system'] };
/** 2026-03-02 is a Monday. */
const START = '2026-03-02T09:00:00.000Z';
/** A term ending 100 days after START: its 90-day renewal timer is due on 2026-03-12. */
const CONTRACT_END = '2026-06-10';

interface StoreHarness {
  open(clock: ManualClock): Promise<EventStore>;
  dispose(): Promise<void>;
}

const sqliteHarness = async (): Promise<StoreHarness> => {
  const directory = mkdtempSync(join(tmpdir(), 'crm-quote-to-cash-'));
  return {
    open: (clock) => SqliteEventStore.open({ directory, clock }),
    dispose: async () => rmSync(directory, { recursive: true, force: true }),
  };
};

const standInHarness = async (): Promise<StoreHarness> => {
  const standIn = await WireLevelStandIn.start();
  return {
    open: (clock) => EventStoreDbEventStore.connect({ connectionString: standIn.connectionString, clock }),
    dispose: () => standIn.stop(),
  };
};

/**
 * The quote-to-cash reactors (README, Orders, payments and renewals) on each store: accepted quote →
 * order, won deal and subscription; the opportunity's guards refusing; the renewal at 90 days and its
 * outcome; payment delays into the subscription's health. Each event delivered again (as after a crash
 * between a reactor's commands and its checkpoint) stores nothing more.
 */
describe.each([
  ['the SQLite store', sqliteHarness],
  ['the EventStoreDB adapter (wire-level stand-in)', standInHarness],
])('quote-to-cash reactors on %s', (_name, harnessOf) => {
  let harness: StoreHarness;
  let clock: ManualClock;
  let engine: Engine;
  let scratch: string;

  beforeEach(async () => {
    harness = await harnessOf();
    clock = new ManualClock(START);
    scratch = mkdtempSync(join(tmpdir(), 'crm-quote-to-cash-engine-'));
    engine = await Engine.open({ dataDirectory: scratch, blueprintsDirectory: repositoryBlueprints, clock, policy: openAccess, store: await harness.open(clock) });
    await engine.reactors.start();
  }, scaledTimeout(30_000));

  afterEach(async () => {
    await engine.close();
    await harness.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  const execute = (command: Record<string, unknown>): Promise<RecordCommandResult> =>
    engine.commands.execute({ commandId: newCommandId(clock), actor: rita, ...command } as Parameters<RecordCommandHandler['execute']>[0]);

  const record = async (kind: string, recordId: string): Promise<ExistingRecord> => {
    const state = await engine.commands.load(kind, recordId, { fresh: true });
    if (state.status === 'none') throw new Error(`${kind} ${recordId} does not exist`);
    return state;
  };

  const theLog = async (): Promise<StoredEvent[]> => {
    const events: StoredEvent[] = [];
    for (;;) {
      const page = await engine.store.readAll({ from: events.at(-1)?.position ?? 'start', maxCount: 5_000 });
      if (page.length === 0) return events;
      events.push(...page);
    }
  };

  /** The records' streams of a kind (bookkeeping streams left out). */
  const streamsOf = async (kind: string): Promise<string[]> => [...new Set((await theLog()).map((event) => event.stream).filter((stream) => stream.startsWith(`${kind}-`)))];

  /** A deal in proposal, where an accepted quote may win it (win_by_quote). */
  const dealInProposal = async (): Promise<string> => {
    const opened = await execute({ type: 'OpenRecord', kind: 'opportunity', fields: { name: 'Initech renewal of spreadsheets', budget: 80_000, decisionMaker: 'Bill Lumbergh', timeline: '2026-06-30' } });
    await execute({ type: 'FireTransition', kind: 'opportunity', recordId: opened.recordId, event: 'analyze_needs' });
    await execute({ type: 'FireTransition', kind: 'opportunity', recordId: opened.recordId, event: 'propose', fields: { proposalDocument: 'https://docs.example/initech' } });
    return opened.recordId;
  };

  /** A quote for the deal priced with `seats` professional seats, approved (no discount, standard terms), sent and accepted by the rep. */
  const acceptedQuote = async (opportunityId: string, seats: number, fields: FieldValues = { contractEnd: CONTRACT_END }): Promise<StoredEvent> => {
    const opened = await execute({ type: 'OpenRecord', kind: 'quote', fields: { opportunity: opportunityId, validUntil: '2026-04-30', customerEmail: 'bill@initech.example', paymentTerms: 'net_30', ...fields } });
    const quoteId = opened.recordId;
    await execute({ type: 'PriceQuote', kind: 'quote', recordId: quoteId, priceBook: 'list-usd-enterprise', taxRegion: 'US-NY', lines: [{ sku: 'CRM-PRO-SEAT', quantity: seats }] });
    for (const event of ['submit', 'approve', 'send']) await execute({ type: 'FireTransition', kind: 'quote', recordId: quoteId, event });
    await execute({ type: 'FireTransition', kind: 'quote', recordId: quoteId, event: 'accept', fields: { acceptanceEvidence: 'https://docs.example/initech-signed.pdf', acceptanceNote: 'Signed by Bill Lumbergh' } });
    const accepted = (await engine.store.readStream(`quote-${quoteId}`)).find((event) => event.type === 'Transitioned' && event.data['event'] === 'accept');
    if (accepted === undefined) throw new Error('the quote was not accepted');
    return accepted;
  };

  const orderIdOf = (acceptance: StoredEvent): string => recordIdFor(reactorCommandId(QUOTE_ACCEPTANCE_REACTOR, acceptance, 0));

  /** Waits until the reactors stored what `probe` looks for (an event, not a time). */
  const until = <T>(probe: () => Promise<T>): Promise<T> => eventually(probe, { timeoutMs: scaledTimeout(20_000), intervalMs: 20 });

  /** The event handed to the reactor again, with the ids the runtime derives: what a redelivery sends. */
  const redeliver = async (reactor: Reactor<RecordCommandHandler>, event: StoredEvent): Promise<void> => {
    for (const planned of await commandsFor(reactor, event)) await planned.send(engine.commands, planned.trace);
  };

  /** Fires a due timer as the scheduler does: as `system:timer`, its command id derived from the timer. */
  const fireDue = async (kind: string, recordId: string, timer: string): Promise<void> => {
    const pending = (await record(kind, recordId)).timers.find((candidate) => candidate.timer === timer);
    if (pending === undefined) throw new Error(`${kind} ${recordId} has no ${timer} timer`);
    clock.set(pending.dueAt);
    await engine.commands.execute({ type: 'FireTimer', kind, recordId, timerId: pending.timerId, commandId: fireTimerCommandId(pending.timerId), actor: TIMER_ACTOR });
  };

  it(
    'given a subscription quote accepted by the rep, then one order with its lines, the deal won with its total and one subscription; the acceptance delivered again stores nothing',
    async () => {
      const opportunityId = await dealInProposal();
      const acceptance = await acceptedQuote(opportunityId, 10);
      const orderId = orderIdOf(acceptance);

      const subscription = await until(() => record('subscription', subscriptionIdOf(orderId)));
      const order = await record('order', orderId);
      const won = await until(async () => {
        const deal = await record('opportunity', opportunityId);
        expect(deal.stage).toBe('closed_won');
        return deal;
      });
      // 10 seats × 1,200.00 + 8.875% tax = 13,065.00
      expect(order.fields).toMatchObject({ total: 13_065, balance: 13_065, opportunity: opportunityId });
      expect(won.fields).toMatchObject({ amount: 13_065, quote: acceptance.data['recordId'] });
      expect(subscription.fields).toMatchObject({ order: orderId, termAmount: 13_065, contractEnd: CONTRACT_END });
      const head = await engine.store.headPosition();

      await redeliver(quoteAcceptanceReactor(), acceptance);

      expect(await engine.store.headPosition()).toEqual(head);
      expect(await streamsOf('order')).toEqual([`order-${orderId}`]);
      expect(await streamsOf('subscription')).toEqual([`subscription-${subscriptionIdOf(orderId)}`]);
      const wins = (await engine.store.readStream(`opportunity-${opportunityId}`)).filter((event) => event.type === 'Transitioned' && event.data['to'] === 'closed_won');
      expect(wins).toHaveLength(1);
    },
    scaledTimeout(60_000),
  );

  it(
    'given a deal still in qualification, when its quote is accepted, then the guards refuse win_by_quote: the order stays, a task on it tells the owner why, and a redelivery adds no second task',
    async () => {
      const deal = await execute({ type: 'OpenRecord', kind: 'opportunity', fields: { name: 'Too early' } });
      const acceptance = await acceptedQuote(deal.recordId, 2, {});
      const orderId = orderIdOf(acceptance);

      const order = await until(async () => {
        const opened = await record('order', orderId);
        expect(opened.tasks.map((task) => task.template)).toEqual(['resolve_close_won']);
        return opened;
      });

      expect(order.stage).toBe('booked');
      expect(order.tasks[0]).toMatchObject({ status: 'open', assignee: 'rita' });
      expect(order.tasks[0]?.title).toContain(`Close opportunity ${deal.recordId} won by hand`);
      expect(order.tasks[0]?.title).toMatch(/qualification/i);
      expect((await record('opportunity', deal.recordId)).stage).toBe('qualification');
      // A quote without a contract end opens no subscription.
      expect(await streamsOf('subscription')).toEqual([]);
      const head = await engine.store.headPosition();

      await redeliver(quoteAcceptanceReactor(), acceptance);

      expect(await engine.store.headPosition()).toEqual(head);
      expect((await record('order', orderId)).tasks).toHaveLength(1);
    },
    scaledTimeout(60_000),
  );

  it(
    'given a subscription, when its 90-day timer fires, then one renewal opportunity with last term’s lines, delivered again it stores nothing; and when that deal is won by a bigger quote, the subscription renews as an expansion',
    async () => {
      const acceptance = await acceptedQuote(await dealInProposal(), 10);
      const subscriptionId = subscriptionIdOf(orderIdOf(acceptance));
      await until(() => record('subscription', subscriptionId));

      await fireDue('subscription', subscriptionId, 'renewal_window_90');

      const renewalId = await until(async () => {
        const renewing = await record('subscription', subscriptionId);
        expect(typeof renewing.fields['renewalOpportunity']).toBe('string');
        return String(renewing.fields['renewalOpportunity']);
      });
      const renewal = await record('opportunity', renewalId);
      expect(renewal.fields).toMatchObject({ renewalOf: subscriptionId, amount: 13_065, closeDate: CONTRACT_END });
      const lines = (await engine.store.readStream(`opportunity-${renewalId}`)).find((event) => event.type === 'LinesCopied');
      expect(lines?.data).toMatchObject({ source: { kind: 'subscription', recordId: subscriptionId }, totalMinor: 1_306_500, lines: [expect.objectContaining({ sku: 'CRM-PRO-SEAT', quantity: 10 })] });
      const openRenewal = (await engine.store.readStream(`subscription-${subscriptionId}`)).find((event) => event.type === 'Transitioned' && event.data['event'] === 'open_renewal');
      if (openRenewal === undefined) throw new Error('the renewal window did not open');
      const head = await engine.store.headPosition();

      await redeliver(subscriptionRenewalReactor(), openRenewal);

      expect(await engine.store.headPosition()).toEqual(head);
      expect(await streamsOf('opportunity')).toHaveLength(2);

      // The renewal deal worked to proposal and won by a quote for 12 seats: 15,678.00 against 13,065.00.
      await execute({ type: 'FireTransition', kind: 'opportunity', recordId: renewalId, event: 'analyze_needs', fields: { budget: 20_000, decisionMaker: 'Bill Lumbergh', timeline: '2026-06-01' } });
      await execute({ type: 'FireTransition', kind: 'opportunity', recordId: renewalId, event: 'propose', fields: { proposalDocument: 'https://docs.example/renewal' } });
      await acceptedQuote(renewalId, 12, {});

      const renewed = await until(async () => {
        const subscription = await record('subscription', subscriptionId);
        expect(subscription.stage).toBe('renewed');
        return subscription;
      });
      expect(renewed.fields).toMatchObject({ renewalAmount: 15_678, movement: 'expansion' });
      const renew = (await engine.store.readStream(`subscription-${subscriptionId}`)).find((event) => event.type === 'Transitioned' && event.data['event'] === 'renew');
      expect(renew?.metadata).toMatchObject({ actor: 'system:reactor:subscription-renewal' });
    },
    scaledTimeout(60_000),
  );

  it(
    'given a renewal opportunity, when it is closed lost to a competitor, then the subscription churns with that reason through the reactor, once',
    async () => {
      const subscriptionId = subscriptionIdOf(orderIdOf(await acceptedQuote(await dealInProposal(), 10)));
      await until(() => record('subscription', subscriptionId));
      await fireDue('subscription', subscriptionId, 'renewal_window_90');
      const renewalId = await until(async () => {
        const renewing = await record('subscription', subscriptionId);
        expect(typeof renewing.fields['renewalOpportunity']).toBe('string');
        return String(renewing.fields['renewalOpportunity']);
      });

      await execute({ type: 'FireTransition', kind: 'opportunity', recordId: renewalId, event: 'close_lost', fields: { lossReason: 'competitor' } });

      const churned = await until(async () => {
        const subscription = await record('subscription', subscriptionId);
        expect(subscription.stage).toBe('churned');
        return subscription;
      });
      expect(churned.fields).toMatchObject({ movement: 'churn', churnReason: 'competitor' });
      const lost = (await engine.store.readStream(`opportunity-${renewalId}`)).find((event) => event.type === 'Transitioned' && event.data['to'] === 'closed_lost');
      if (lost === undefined) throw new Error('the renewal was not lost');
      const head = await engine.store.headPosition();

      await redeliver(subscriptionRenewalReactor(), lost);

      expect(await engine.store.headPosition()).toEqual(head);
    },
    scaledTimeout(60_000),
  );

  it(
    'given the order of a subscription invoiced, when its overdue reminder fires and it is then paid late, then the subscription’s health takes one payment_delayed (−15) for that invoice, redelivered or not; an order paid in time takes none',
    async () => {
      const orderId = orderIdOf(await acceptedQuote(await dealInProposal(), 10));
      const subscriptionId = subscriptionIdOf(orderId);
      await until(() => record('subscription', subscriptionId));
      await execute({ type: 'FireTransition', kind: 'order', recordId: orderId, event: 'invoice', fields: { invoiceNumber: 'INV-7', invoiceDueDate: '2026-04-01' } });

      await fireDue('order', orderId, 'payment_overdue');

      const delayed = await until(async () => {
        const subscription = await record('subscription', subscriptionId);
        expect(recordScore.read(subscription).score).toBe(-15);
        return subscription;
      });
      expect(recordScore.read(delayed).breakdown).toEqual([expect.objectContaining({ rule: 'payment_delayed', points: -15 })]);
      const activity = (await engine.store.readStream(`subscription-${subscriptionId}`)).find((event) => event.type === 'ActivityRecorded');
      expect(activity?.data).toMatchObject({ activity: 'payment_delayed', occurredAt: '2026-04-02T00:00:00.000Z', details: { order: orderId, invoiceNumber: 'INV-7' } });
      expect(activity?.metadata).toMatchObject({ actor: 'system:reactor:payment-delay', commandId: paymentDelayCommandId(orderId, 'INV-7') });
      const reminder = (await engine.store.readStream(`order-${orderId}`)).find((event) => event.type === 'TimerFired');
      if (reminder === undefined) throw new Error('the reminder did not fire');
      const head = await engine.store.headPosition();
      await redeliver(paymentDelayReactor(), reminder);
      expect(await engine.store.headPosition()).toEqual(head);

      // Paid in full a week late: the same late invoice, not a second delay.
      clock.set('2026-04-08T10:00:00.000Z');
      await engine.commands.execute({ type: 'RecordPayment', kind: 'order', recordId: orderId, paymentId: 'pay-late', amountMinor: 1_306_500, currency: 'USD', commandId: 'payment:pay-late', actor: payments });
      const payment = (await engine.store.readStream(`order-${orderId}`)).find((event) => event.type === 'PaymentRecorded');
      if (payment === undefined) throw new Error('the payment was not recorded');
      await redeliver(paymentDelayReactor(), payment);
      expect((await engine.store.readStream(`subscription-${subscriptionId}`)).filter((event) => event.type === 'ActivityRecorded')).toHaveLength(1);
      expect(recordScore.read(await record('subscription', subscriptionId)).score).toBe(-15);

      // Another subscription's order paid before its due date.
      const onTime = orderIdOf(await acceptedQuote(await dealInProposal(), 3));
      await until(() => record('subscription', subscriptionIdOf(onTime)));
      await execute({ type: 'FireTransition', kind: 'order', recordId: onTime, event: 'invoice', fields: { invoiceNumber: 'INV-8', invoiceDueDate: '2026-05-01' } });
      await engine.commands.execute({ type: 'RecordPayment', kind: 'order', recordId: onTime, paymentId: 'pay-on-time', amountMinor: 391_950, currency: 'USD', commandId: 'payment:pay-on-time', actor: payments });
      const paid = (await engine.store.readStream(`order-${onTime}`)).find((event) => event.type === 'PaymentRecorded');
      if (paid === undefined) throw new Error('the payment was not recorded');
      await redeliver(paymentDelayReactor(), paid);
      expect((await engine.store.readStream(`subscription-${subscriptionIdOf(onTime)}`)).filter((event) => event.type === 'ActivityRecorded')).toEqual([]);
    },
    scaledTimeout(60_000),
  );
});
