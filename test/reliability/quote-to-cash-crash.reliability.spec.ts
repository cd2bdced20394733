import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Actor } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { Engine } from '@crm/engine';
import { SqliteEventStore, type Position, type StoredEvent } from '@crm/event-store';
import { scaledTimeout } from '@crm/event-store/contract';
import { openAccess, type RecordCommandHandler } from '@crm/workflow';
import { repositoryRoot } from '../e2e/api-harness';
import { ManualApiChild } from './manual-api-child';
import { reliabilitySeed, seededRandom } from './reliability-seed';

/**
 * The quote-to-cash reactors survive SIGKILL (README, Orders, payments and renewals). Quotes are accepted
 * while no process runs; then an API process on an injected clock starts, its `quote-acceptance` reactor
 * catches up on them, and the test kills it at a seeded moment: before its first command, or once the log
 * holds a given number of the reactor's events (between or during its commands, before their checkpoint).
 * The same for the subscriptions' 90-day timers: the process fires them and its `subscription-renewal`
 * reactor opens the renewal opportunities, and is killed among those events. Each time another process
 * starts on the data directory, its clock past the dead holder's lease. Afterwards every accepted quote
 * has exactly one order, one won deal and one subscription, and every subscription one renewal window
 * and one renewal opportunity.
 */

/** Past a dead holder's reactor lease (10 s). */
const STEP_MS = 20_000;
const ROUNDS = 3;
const QUOTES_PER_ROUND = 3;
const START = '2026-03-02T09:00:00.000Z';
/** 100 days after START: the subscriptions' 90-day timers are due ten days in. */
const CONTRACT_END = '2026-06-10';
const RENEWALS_DUE = '2026-03-12T00:00:00.000Z';
const rita: Actor = { id: 'rita', roles: ['rep'] };

describe('quote to cash: the reactors killed with SIGKILL (reliability)', () => {
  let dataDirectory: string;
  let current: ManualApiChild | null = null;
  let log: SqliteEventStore | null = null;

  beforeEach(() => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'crm-quote-to-cash-crash-'));
  });
  afterEach(async () => {
    current?.kill();
    await current?.exited;
    await log?.close();
    current = null;
    log = null;
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it(
    'given quotes accepted and subscriptions coming up for renewal, when the process running the reactors is killed before and among their commands and started again each time, then every quote has one order, one won deal and one subscription, and every subscription one renewal opportunity',
    async () => {
      const random = seededRandom(reliabilitySeed('quote-to-cash-crash'));
      const clock = new ManualClock(START);
      const accepted: string[] = [];

      /** Deals in proposal, each with a subscription quote accepted by the rep, stored while no process runs. */
      const acceptQuotes = async (count: number): Promise<void> => {
        const engine = await Engine.open({ dataDirectory, blueprintsDirectory: join(repositoryRoot, 'blueprints'), clock, policy: openAccess });
        let commands = 0;
        const execute = (command: Record<string, unknown>) =>
          engine.commands.execute({ commandId: `setup-${clock.now().toISOString()}-${accepted.length}-${(commands += 1)}`, actor: rita, ...command } as Parameters<RecordCommandHandler['execute']>[0]);
        try {
          for (let index = 0; index < count; index += 1) {
            const deal = await execute({ type: 'OpenRecord', kind: 'opportunity', fields: { name: `Crash deal ${accepted.length}`, budget: 50_000, decisionMaker: 'Ann Buyer', timeline: '2026-06-30' } });
            await execute({ type: 'FireTransition', kind: 'opportunity', recordId: deal.recordId, event: 'analyze_needs' });
            await execute({ type: 'FireTransition', kind: 'opportunity', recordId: deal.recordId, event: 'propose', fields: { proposalDocument: 'https://docs.example/p' } });
            const quote = await execute({
              type: 'OpenRecord',
              kind: 'quote',
              fields: { opportunity: deal.recordId, validUntil: '2026-04-30', customerEmail: 'ann@buyer.example', paymentTerms: 'net_30', contractEnd: CONTRACT_END },
            });
            await execute({ type: 'PriceQuote', kind: 'quote', recordId: quote.recordId, priceBook: 'list-usd-enterprise', taxRegion: 'US-NY', lines: [{ sku: 'CRM-PRO-SEAT', quantity: 5 + index }] });
            for (const event of ['submit', 'approve', 'send']) await execute({ type: 'FireTransition', kind: 'quote', recordId: quote.recordId, event });
            await execute({ type: 'FireTransition', kind: 'quote', recordId: quote.recordId, event: 'accept', fields: { acceptanceEvidence: 'https://docs.example/signed.pdf', acceptanceNote: 'Signed by Ann Buyer' } });
            accepted.push(quote.recordId);
          }
        } finally {
          await engine.close();
        }
      };

      await acceptQuotes(1);
      current = await ManualApiChild.start(dataDirectory, clock.now().toISOString(), 'timers');
      const store = await SqliteEventStore.open({ directory: dataDirectory, clock, readOnly: true });
      log = store;
      let seen: Position | 'start' = 'start';
      const counted = new Map<string, number>();
      let subscriptionsOpened = 0;
      let renewalsOpened = 0;
      /** Reads the log on from where it was read last: events per actor, subscriptions and renewal opportunities opened. */
      const readOn = async (): Promise<void> => {
        for (;;) {
          const page = await store.readAll({ from: seen, maxCount: 1_000 });
          if (page.length === 0) return;
          for (const event of page) {
            counted.set(String(event.metadata['actor']), (counted.get(String(event.metadata['actor'])) ?? 0) + 1);
            if (event.type !== 'RecordOpened') continue;
            if (event.stream.startsWith('subscription-')) subscriptionsOpened += 1;
            if (event.stream.startsWith('opportunity-') && typeof (event.data['fields'] as Record<string, unknown>)['renewalOf'] === 'string') renewalsOpened += 1;
          }
          seen = (page.at(-1) as StoredEvent).position;
        }
      };
      const eventsBy = async (actors: readonly string[]): Promise<number> => {
        await readOn();
        return actors.reduce((sum, actor) => sum + (counted.get(actor) ?? 0), 0);
      };
      /** Kills the process once the log holds `more` further events by `actors` (0: at once); returns false if all was done first. */
      const killAmong = async (actors: readonly string[], more: number, done: () => boolean): Promise<boolean> => {
        const target = (await eventsBy(actors)) + more;
        while (current?.running === true) {
          if ((await eventsBy(actors)) >= target) {
            current.kill();
            await current.exited;
            expect(current.failures).toEqual([]);
            return true;
          }
          if (done()) return false;
          await sleep(2);
        }
        return false;
      };
      await current.stop();

      // Acceptances: each round, quotes accepted while down, then the process killed as its reactor works on them.
      const acceptanceKills: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        clock.advance(STEP_MS);
        await acceptQuotes(QUOTES_PER_ROUND);
        // Each quote's commands store at least seven events (order: 2; deal won: 2; subscription: 3), so the kill lands among them.
        const more = random(QUOTES_PER_ROUND * 6);
        clock.advance(STEP_MS);
        current = await ManualApiChild.start(dataDirectory, clock.now().toISOString(), 'timers');
        if (await killAmong(['system:reactor:quote-acceptance'], more, () => subscriptionsOpened === accepted.length)) acceptanceKills.push(more);
        else await current.stop();
      }

      // Renewals: the 90-day timers fired by the process, which is killed among the timer's and the reactor's events.
      const renewalKills: number[] = [];
      clock.set(RENEWALS_DUE);
      for (let round = 0; round < ROUNDS; round += 1) {
        clock.advance(STEP_MS);
        current = await ManualApiChild.start(dataDirectory, clock.now().toISOString(), 'timers');
        const more = random(accepted.length * 4);
        const watch = killAmong(['system:timer', 'system:reactor:subscription-renewal'], more, () => renewalsOpened === accepted.length);
        await current.run(clock.now().toISOString());
        if (await watch) renewalKills.push(more);
        else await current.stop();
      }

      // A last process finishes what the kills left: every subscription opened and its renewal too.
      clock.advance(STEP_MS);
      current = await ManualApiChild.start(dataDirectory, clock.now().toISOString(), 'timers');
      const deadline = Date.now() + scaledTimeout(60_000);
      for (;;) {
        expect(await current.run(clock.now().toISOString())).toBe('ran');
        await readOn();
        if (renewalsOpened >= accepted.length) break;
        if (Date.now() > deadline) throw new Error(`${renewalsOpened} of ${accepted.length} renewals opened after ${scaledTimeout(60_000)} ms:\n${current.log}`);
        await sleep(50);
      }
      const failures = current.failures;
      await current.stop();

      const streams = async (prefix: string): Promise<Map<string, StoredEvent[]>> => {
        const byStream = new Map<string, StoredEvent[]>();
        for (const event of await store.readAll({ from: 'start', maxCount: 100_000 })) {
          if (event.stream.startsWith(prefix)) byStream.set(event.stream, [...(byStream.get(event.stream) ?? []), event]);
        }
        return byStream;
      };
      const orders = [...(await streams('order-')).values()];
      const subscriptions = [...(await streams('subscription-')).values()];
      const deals = [...(await streams('opportunity-')).values()];
      const sourceOf = (events: readonly StoredEvent[]): string => String((events.find((event) => event.type === 'LinesCopied')?.data['source'] as { recordId?: string } | undefined)?.recordId);
      const count = (values: readonly string[]): Map<string, number> => values.reduce((counts, value) => counts.set(value, (counts.get(value) ?? 0) + 1), new Map<string, number>());
      const refused = await store.readAll({ from: 'start', filter: { eventTypes: ['ReactorCommandRefused'] }, maxCount: 1_000 });
      process.stdout.write(
        `[quote-to-cash-crash] ${accepted.length} quotes accepted; killed after ${acceptanceKills.join(', ')} quote-acceptance events and after ${renewalKills.join(', ')} timer/renewal events; ` +
          `${orders.length} orders, ${subscriptions.length} subscriptions, ${deals.length - accepted.length} renewal opportunities\n`,
      );

      expect(failures).toEqual([]);
      expect(refused.map((event) => event.data)).toEqual([]);
      // One order and one subscription per accepted quote, each opened once.
      expect([...count(orders.map(sourceOf)).entries()].sort()).toEqual(accepted.map((quote) => [quote, 1]).sort());
      expect(orders.every((events) => events.filter((event) => event.type === 'RecordOpened').length === 1)).toBe(true);
      expect([...count(subscriptions.map((events) => String((events[0]?.data['fields'] as Record<string, unknown>)['quote']))).entries()].sort()).toEqual(accepted.map((quote) => [quote, 1]).sort());
      // One won transition per original deal; one renewal window and one renewal opportunity per subscription.
      const originals = deals.filter((events) => (events[0]?.data['fields'] as Record<string, unknown>)['renewalOf'] === undefined);
      expect(originals.map((events) => events.filter((event) => event.type === 'Transitioned' && event.data['to'] === 'closed_won').length)).toEqual(accepted.map(() => 1));
      expect(subscriptions.map((events) => events.filter((event) => event.type === 'Transitioned' && event.data['event'] === 'open_renewal').length)).toEqual(accepted.map(() => 1));
      const renewals = deals.filter((events) => typeof (events[0]?.data['fields'] as Record<string, unknown>)['renewalOf'] === 'string');
      expect([...count(renewals.map((events) => String((events[0]?.data['fields'] as Record<string, unknown>)['renewalOf']))).values()]).toEqual(subscriptions.map(() => 1));
      expect(renewals).toHaveLength(subscriptions.length);
      for (const events of [...orders, ...subscriptions, ...deals]) expect(events.map((event) => event.revision)).toEqual(events.map((_event, index) => index));
      // Some kill really landed among the reactors' commands, not only before or after them.
      expect(acceptanceKills.some((more) => more > 0)).toBe(true);
      expect(renewalKills.length).toBeGreaterThan(0);
    },
    scaledTimeout(900_000),
  );
});
