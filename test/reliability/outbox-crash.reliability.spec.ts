import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore, type StoredEvent } from '@crm/event-store';
import { scaledTimeout } from '@crm/event-store/contract';
import { DELIVERY_STREAM_PREFIX, inboxStream, verifySignature } from '@crm/notifications';
import { WebhookReceiver } from '@crm/notifications/testing';
import { ManualApiChild } from './manual-api-child';
import { reliabilitySeed, seededRandom } from './reliability-seed';

/**
 * The notification outbox survives SIGKILL. An API process on an injected clock runs its reactors and
 * deliveries when the test says; the test kills it at seeded moments — while it stores notifications and
 * deliveries (`stored`: once the log holds a few more of them), and while a webhook POST waits for its
 * answer (`post`: the receiver kills the process as the request arrives) — and starts another on the same
 * data directory, its clock past the dead holder's reactor leases and attempt claims. Afterwards each
 * notification and each delivery is stored exactly once, every delivery arrived signed, each attempt's
 * outcome is recorded once, and a POST is sent again only for an attempt claimed again.
 */

type Trigger = 'stored' | 'post';

/** Past a dead holder's reactor lease (10 s) and attempt claim (the 10 s timeout and a 5 s margin). */
const STEP_MS = 20_000;
const ROUNDS: readonly Trigger[] = ['stored', 'post', 'stored', 'post', 'stored', 'post'];
const DEALS_PER_ROUND = 2;
const RUNS_PER_ROUND = 6;
const OUTBOX_TYPES = ['NotificationQueued', 'WebhookDeliveryScheduled', 'WebhookAttemptStarted', 'WebhookDelivered'];

describe('the notification outbox killed with SIGKILL (reliability)', () => {
  let dataDirectory: string;
  let store: SqliteEventStore | null = null;
  let receiver: WebhookReceiver | null = null;
  let current: ManualApiChild | null = null;

  beforeEach(async () => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'crm-outbox-crash-'));
  });
  afterEach(async () => {
    current?.kill();
    await current?.exited;
    await receiver?.close();
    await store?.close();
    receiver = null;
    store = null;
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it(
    'given deals given to rita and a webhook for them and her notifications, when the process running the outbox is killed while it stores and while a POST waits, and started again each time, then every notification and delivery is stored once, each arrives signed, and each attempt has one outcome',
    async () => {
      const random = seededRandom(reliabilitySeed('outbox-crash'));
      const clock = new ManualClock('2026-06-01T09:00:00.000Z');
      let postKillAt: number | null = null;
      const at = await new WebhookReceiver((index) => {
        if (index !== postKillAt) return 200;
        // The request arrived and is not answered: the sender dies waiting, its claim and the POST stand.
        current?.kill();
        postKillAt = null;
        return 'hang';
      }).listen();
      receiver = at;

      current = await ManualApiChild.start(dataDirectory, clock.now().toISOString(), 'outbox');
      const log = await SqliteEventStore.open({ directory: dataDirectory, clock, livePollIntervalMs: 20 });
      store = log;
      const token = (JSON.parse(readFileSync(join(dataDirectory, 'demo-tokens.json'), 'utf8')) as Record<string, { token: string }>)['ada']?.token ?? '';
      const asAda = async (path: string, body: unknown): Promise<Record<string, unknown>> => {
        const response = await fetch(`${current?.url ?? ''}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        if (response.status >= 300) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
        return (await response.json()) as Record<string, unknown>;
      };
      const outboxEvents = async (): Promise<StoredEvent[]> => log.readAll({ from: 'start', filter: { eventTypes: OUTBOX_TYPES }, maxCount: 100_000 });
      const ofType = (events: readonly StoredEvent[], type: string): StoredEvent[] => events.filter((event) => event.type === type);
      let deals = 0;
      /** Everything the deals so far cause is stored and delivered. */
      const settled = async (): Promise<boolean> => {
        const events = await outboxEvents();
        const delivered = new Set(ofType(events, 'WebhookDelivered').map((event) => event.stream));
        return ofType(events, 'NotificationQueued').length === deals && ofType(events, 'WebhookDeliveryScheduled').length === 2 * deals && delivered.size === 2 * deals;
      };

      const { secret } = (await asAda('/webhooks', { url: at.url, events: ['RecordOpened', 'notification.owner_changed'] })) as { secret: string };
      const kills: Trigger[] = [];
      for (const trigger of ROUNDS) {
        for (let index = 0; index < DEALS_PER_ROUND; index += 1) {
          deals += 1;
          await asAda('/records/opportunity', { id: `deal-${deals}`, owner: 'rita', fields: { name: `Deal ${deals}` } });
        }
        let watching = true;
        let storedWatch: Promise<void> = Promise.resolve();
        if (trigger === 'post') postKillAt = at.received.length + random(4);
        else {
          const target = (await outboxEvents()).length + 1 + random(6);
          storedWatch = (async () => {
            while (watching && current?.running === true) {
              if ((await outboxEvents()).length >= target) {
                current.kill();
                return;
              }
              await sleep(2);
            }
          })();
        }
        let outcome: 'ran' | 'killed' = 'ran';
        for (let runs = 0; runs < RUNS_PER_ROUND && outcome === 'ran'; runs += 1) {
          clock.advance(STEP_MS);
          outcome = await current.run(clock.now().toISOString());
          if (outcome === 'ran' && (await settled())) break;
        }
        watching = false;
        await storedWatch;
        postKillAt = null;
        if (!current.running) {
          kills.push(trigger);
          expect(current.failures).toEqual([]);
          await current.exited;
          current = await ManualApiChild.start(dataDirectory, clock.now().toISOString(), 'outbox');
        }
      }
      for (let runs = 0; runs < 10 && !(await settled()); runs += 1) {
        clock.advance(STEP_MS);
        expect(await current.run(clock.now().toISOString())).toBe('ran');
      }
      const failures = current.failures;
      await current.stop();

      const events = await outboxEvents();
      const notifications = await log.readStream(inboxStream('rita'));
      const scheduled = ofType(events, 'WebhookDeliveryScheduled');
      const delivered = ofType(events, 'WebhookDelivered');
      const deliveryIds = scheduled.map((event) => String(event.data['deliveryId'])).sort();
      const claims = (deliveryId: string): number => ofType(events, 'WebhookAttemptStarted').filter((event) => event.data['deliveryId'] === deliveryId).length;
      const posts = (deliveryId: string): number => at.received.filter((post) => post.headers['x-crm-delivery'] === deliveryId).length;
      const outcomes = await log.readAll({ from: 'start', filter: { streamPrefixes: [DELIVERY_STREAM_PREFIX], eventTypes: ['WebhookDelivered', 'WebhookAttemptFailed'] }, maxCount: 100_000 });
      const refused = await log.readAll({ from: 'start', filter: { eventTypes: ['ReactorCommandRefused'] }, maxCount: 1_000 });

      expect(failures).toEqual([]);
      expect(kills.filter((kill) => kill === 'stored').length).toBeGreaterThan(0);
      expect(kills.filter((kill) => kill === 'post').length).toBeGreaterThan(0);
      // Stored once: one notification per deal, one delivery per (event, subscription), one outcome per attempt.
      expect(notifications).toHaveLength(deals);
      expect(new Set(notifications.map((event) => JSON.stringify(event.data['record']))).size).toBe(deals);
      expect(new Set(deliveryIds).size).toBe(2 * deals);
      expect(scheduled).toHaveLength(2 * deals);
      expect(new Set(delivered.map((event) => event.data['deliveryId'])).size).toBe(2 * deals);
      expect(delivered).toHaveLength(2 * deals);
      expect(new Set(outcomes.map((event) => `${event.stream}#${String(event.data['attempt'])}`)).size).toBe(outcomes.length);
      expect(refused).toEqual([]);
      // Arrived, signed; sent again only for an attempt claimed again after its sender died.
      expect([...new Set(at.received.map((post) => String(post.headers['x-crm-delivery'])))].sort()).toEqual(deliveryIds);
      expect(at.received.filter((post) => !verifySignature(post.body, secret, String(post.headers['x-crm-signature'])))).toEqual([]);
      expect(deliveryIds.filter((deliveryId) => posts(deliveryId) > claims(deliveryId))).toEqual([]);
    },
    scaledTimeout(900_000),
  );
});
