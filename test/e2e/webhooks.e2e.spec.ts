import { createHmac } from 'node:crypto';
import { ManualClock } from '@crm/clock';
import { eventually, scaledTimeout } from '@crm/event-store/contract';
import { WireLevelStandIn } from '@crm/event-store/stand-in';
import { inboxStream, verifySignature } from '@crm/notifications';
import { WebhookReceiver, type Answer } from '@crm/notifications/testing';
import { ApiHarness, type ApiResponse } from './api-harness';

/**
 * Webhooks over real HTTP, to a local receiver only: admins subscribe; record events and notifications
 * are POSTed signed; a receiver's 500 is retried with backoff on the injected clock; N failures
 * dead-letter a delivery, which can be replayed; a receiver down for a minute loses nothing — on SQLite
 * and on the EventStoreDB adapter (through the real client to the wire-level stand-in); two API processes
 * on one data directory store and send each delivery once.
 */

interface Subscription {
  subscriptionId: string;
  url: string;
  events: string[];
  status: string;
  deliveries?: Record<string, number>;
}
interface Delivery {
  deliveryId: string;
  subscriptionId: string;
  event: string;
  status: string;
  attempts: number;
  lastError: string | null;
  attemptLog: { attempt: number; outcome: string | null; status: number | null; error: string | null }[];
}
interface DeliveryPage {
  items: Delivery[];
  nextCursor: string | null;
}
interface ErrorBody {
  error: string;
  details: Record<string, unknown>;
}

const MINUTE = 60_000;
const PROPOSAL_FIELDS = { name: 'Globex platform deal', budget: 50_000, decisionMaker: 'Pat Buyer', timeline: '2026-09-30' };

const expectStatus = <T>(response: ApiResponse<T>, status: number): T => {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
};

describe.each(['sqlite', 'eventstoredb (wire-level stand-in)'] as const)('webhooks on %s: subscriptions, signed deliveries, retries, dead letters and replay', (store) => {
  const clock = new ManualClock('2026-06-01T09:00:00.000Z');
  let harness: ApiHarness;
  let standIn: WireLevelStandIn | null = null;
  const receivers: WebhookReceiver[] = [];

  const receiver = async (answer?: (index: number) => Answer): Promise<WebhookReceiver> => {
    const started = await new WebhookReceiver(answer).listen();
    receivers.push(started);
    return started;
  };
  const subscribe = async (url: string, events: string[]) =>
    expectStatus(await harness.request<{ subscription: Subscription; secret: string }>('ada', 'POST', '/webhooks', { url, events, description: 'test receiver' }), 201);
  const deliveriesOf = async (subscriptionId: string, on: ApiHarness = harness): Promise<Delivery[]> =>
    expectStatus(await on.request<DeliveryPage>('ada', 'GET', `/webhooks/${subscriptionId}/deliveries`), 200).items;
  /** Runs the due deliveries until the subscription's deliveries say what is expected (the read models follow within a second). */
  const deliverUntil = (subscriptionId: string, check: (deliveries: Delivery[]) => void, on: ApiHarness[] = [harness]): Promise<Delivery[]> =>
    eventually(async () => {
      await Promise.all(on.map((api) => api.api.outbox.runDue()));
      const deliveries = await deliveriesOf(subscriptionId);
      check(deliveries);
      return deliveries;
    });
  const openDeal = async (id: string) => expectStatus(await harness.request('rita', 'POST', '/records/opportunity', { id, fields: PROPOSAL_FIELDS }), 201);
  const advance = async (id: string) => expectStatus(await harness.request('rita', 'POST', `/records/opportunity/${id}/transitions`, { event: 'analyze_needs' }), 200);

  beforeEach(async () => {
    clock.set('2026-06-01T09:00:00.000Z');
    // A fresh stand-in per test: its log, like a data directory, starts empty.
    standIn = store === 'sqlite' ? null : await WireLevelStandIn.start();
    harness = await ApiHarness.start({ clock, ...(standIn === null ? {} : { eventStoreDbConnectionString: standIn.connectionString }) });
  }, scaledTimeout(60_000));
  afterEach(async () => {
    for (const started of receivers.splice(0)) await started.close();
    await harness.stop();
    await standIn?.stop();
  });

  it('given an admin, when subscribing, then the answer shows the secret once; the list never does; a rep may not; a URL that is not http(s) is refused', async () => {
    const made = await subscribe('http://127.0.0.1:9/hooks', ['Transitioned', 'notification.escalation']);
    await harness.untilProjectionsCaughtUp();

    const listed = expectStatus(await harness.request<{ items: Subscription[] }>('ada', 'GET', '/webhooks'), 200);
    const byRep = expectStatus(await harness.request<ErrorBody>('rita', 'POST', '/webhooks', { url: 'http://127.0.0.1:9/x', events: ['Transitioned'] }), 403);
    const listByRep = expectStatus(await harness.request<ErrorBody>('max', 'GET', '/webhooks'), 403);
    const invalid = expectStatus(await harness.request<ErrorBody>('ada', 'POST', '/webhooks', { url: 'ftp://example.com/x', events: ['Teleported'] }), 400);

    expect(made.secret).toMatch(/^whsec_/);
    expect(listed.items).toEqual([expect.objectContaining({ subscriptionId: made.subscription.subscriptionId, url: 'http://127.0.0.1:9/hooks', status: 'active' })]);
    expect(JSON.stringify(listed)).not.toContain(made.secret);
    expect(byRep.details).toMatchObject({ rule: 'admin-only' });
    expect(listByRep.details).toMatchObject({ rule: 'admin-only' });
    expect(invalid.error).toBe('INVALID_WEBHOOK');
  });

  it('given a subscription to Transitioned, when rita advances a deal, then the receiver gets one POST whose signature verifies with the secret, and the delivery log shows it delivered', async () => {
    const at = await receiver();
    const { subscription, secret } = await subscribe(at.url, ['Transitioned']);
    await openDeal('globex-1');
    await advance('globex-1');

    const [delivery] = await deliverUntil(subscription.subscriptionId, (deliveries) => expect(deliveries.map((entry) => entry.status)).toEqual(['delivered']));

    const [post] = at.received;
    expect(at.received).toHaveLength(1);
    expect(post?.headers).toMatchObject({ 'x-crm-event': 'Transitioned', 'x-crm-delivery': delivery?.deliveryId });
    expect(verifySignature(post?.body ?? '', secret, String(post?.headers['x-crm-signature']))).toBe(true);
    expect(verifySignature(post?.body ?? '', 'whsec_wrong', String(post?.headers['x-crm-signature']))).toBe(false);
    // The README's recipe with node:crypto alone: "sha256=" and the hex HMAC-SHA256 of the raw body, keyed with the secret.
    expect(post?.headers['x-crm-signature']).toBe(`sha256=${createHmac('sha256', secret).update(post?.body ?? '').digest('hex')}`);
    expect(post?.headers['x-crm-attempt']).toBe('1');
    expect(JSON.parse(post?.body ?? '{}')).toMatchObject({ event: 'Transitioned', record: { kind: 'opportunity', id: 'globex-1' }, actor: 'rita', data: { to: 'needs_analysis' } });
    expect(delivery?.attemptLog).toEqual([expect.objectContaining({ attempt: 1, outcome: 'delivered', status: 200 })]);
  });

  it('given a receiver that answers 500 twice, then 200, when the clock passes each backoff (1 s, 2 s), then it is delivered on attempt 3', async () => {
    const at = await receiver((index) => (index < 2 ? 500 : 200));
    const { subscription } = await subscribe(at.url, ['Transitioned']);
    await openDeal('globex-1');
    await advance('globex-1');

    await deliverUntil(subscription.subscriptionId, (deliveries) => expect(deliveries[0]?.attempts).toBe(1));
    clock.advance(1_000);
    await deliverUntil(subscription.subscriptionId, (deliveries) => expect(deliveries[0]?.attempts).toBe(2));
    clock.advance(2_000);
    const [delivery] = await deliverUntil(subscription.subscriptionId, (deliveries) => expect(deliveries[0]?.status).toBe('delivered'));

    expect(delivery?.attemptLog.map((attempt) => [attempt.attempt, attempt.outcome, attempt.status])).toEqual([
      [1, 'failed', 500],
      [2, 'failed', 500],
      [3, 'delivered', 200],
    ]);
    expect(at.received).toHaveLength(3);
  });

  it('given a receiver that always answers 500, when 11 attempts failed, then the delivery is a dead letter; replayed by an admin once the receiver is fixed, it is delivered', async () => {
    let fixed = false;
    const at = await receiver(() => (fixed ? 200 : 500));
    const { subscription } = await subscribe(at.url, ['Transitioned']);
    await openDeal('globex-1');
    await advance('globex-1');

    for (let attempts = 1; attempts <= 11; attempts += 1) {
      await deliverUntil(subscription.subscriptionId, (deliveries) => expect(deliveries[0]?.attempts).toBe(attempts));
      clock.advance(10 * MINUTE);
    }
    const dead = await eventually(async () => {
      const page = expectStatus(await harness.request<DeliveryPage>('ada', 'GET', '/webhooks/dead-letters'), 200);
      expect(page.items).toHaveLength(1);
      return page.items[0];
    });
    expect(dead).toMatchObject({ status: 'dead', attempts: 11, lastError: 'HTTP 500' });
    expect(expectStatus(await harness.request<ErrorBody>('rita', 'POST', `/webhooks/deliveries/${dead?.deliveryId ?? ''}/replay`), 403).details).toMatchObject({ rule: 'admin-only' });

    fixed = true;
    const replayed = expectStatus(await harness.request<{ deliveryId: string; status: string }>('ada', 'POST', `/webhooks/deliveries/${dead?.deliveryId ?? ''}/replay`), 202);
    expect(replayed).toMatchObject({ deliveryId: dead?.deliveryId, status: 'pending' });
    await deliverUntil(subscription.subscriptionId, (deliveries) => expect(deliveries[0]).toMatchObject({ status: 'delivered', attempts: 12 }));
    expect(at.received).toHaveLength(12);
    expect(expectStatus(await harness.request<ErrorBody>('ada', 'POST', `/webhooks/deliveries/${dead?.deliveryId ?? ''}/replay`), 409).error).toBe('DELIVERY_NOT_REPLAYABLE');
    expect(expectStatus(await harness.request<DeliveryPage>('ada', 'GET', '/webhooks/dead-letters'), 200).items).toEqual([]);
  }, scaledTimeout(120_000));

  it('given a receiver down for a minute, when it is up again, then every delivery of that minute arrives and nothing is lost', async () => {
    const at = await receiver();
    const { subscription } = await subscribe(at.url, ['Transitioned', 'RecordOpened']);
    await at.close();
    for (const id of ['down-1', 'down-2', 'down-3']) await openDeal(id);

    const started = clock.now().getTime();
    // Every 5 s of the minute the outbox runs and the receiver refuses the connection (backoff 1, 2, 4, … s).
    while (clock.now().getTime() - started < MINUTE) {
      await harness.untilProjectionsCaughtUp();
      await harness.api.outbox.runDue();
      clock.advance(5_000);
    }
    await at.listen();
    const deliveries = await eventually(async () => {
      await harness.api.outbox.runDue();
      clock.advance(1_000);
      const listed = await deliveriesOf(subscription.subscriptionId);
      expect(listed.map((delivery) => delivery.status)).toEqual(['delivered', 'delivered', 'delivered']);
      return listed;
    });

    expect(at.received).toHaveLength(3);
    expect(new Set(at.received.map((post) => post.headers['x-crm-delivery'])).size).toBe(3);
    // Tried while it was down, refused each time, then delivered.
    expect(deliveries.every((delivery) => delivery.attemptLog.length > 1)).toBe(true);
    expect(deliveries.every((delivery) => delivery.attemptLog.slice(0, -1).every((attempt) => attempt.error === 'ECONNREFUSED'))).toBe(true);
  }, scaledTimeout(120_000));

  it('given a deleted subscription, when deals move, then nothing more is scheduled for it and deleting again changes nothing', async () => {
    const at = await receiver();
    const { subscription } = await subscribe(at.url, ['RecordOpened']);
    const witness = await subscribe(at.url, ['RecordOpened']);
    const deleted = expectStatus(await harness.request<{ subscription: Subscription }>('ada', 'DELETE', `/webhooks/${subscription.subscriptionId}`), 200);
    await openDeal('globex-1');

    // The subscription still in force got the deal: the reactor has been past it for both.
    await deliverUntil(witness.subscription.subscriptionId, (deliveries) => expect(deliveries.map((delivery) => delivery.status)).toEqual(['delivered']));
    expect(deleted.subscription.status).toBe('deleted');
    expect(expectStatus(await harness.request<{ subscription: Subscription }>('ada', 'DELETE', `/webhooks/${subscription.subscriptionId}`), 200).subscription.status).toBe('deleted');
    expect(await deliveriesOf(subscription.subscriptionId)).toEqual([]);
    expect(expectStatus(await harness.request<ErrorBody>('ada', 'DELETE', '/webhooks/00000000-0000-7000-8000-000000000000'), 404).error).toBe('WEBHOOK_NOT_FOUND');
    expect(expectStatus(await harness.request<ErrorBody>('ada', 'GET', '/webhooks/00000000-0000-7000-8000-000000000000/deliveries'), 404).error).toBe('WEBHOOK_NOT_FOUND');
    expect(at.received).toHaveLength(1);
  });
});

describe('webhooks of two API processes on one data directory', () => {
  const receivers: WebhookReceiver[] = [];
  const receiver = async (): Promise<WebhookReceiver> => {
    const started = await new WebhookReceiver().listen();
    receivers.push(started);
    return started;
  };
  afterEach(async () => {
    for (const started of receivers.splice(0)) await started.close();
  });

  it('given two API processes on one data directory (npm start twice), when deals are given to rita through both and the active one stops halfway, then each notification and each delivery is stored once and POSTed once', async () => {
    const at = await receiver();
    const first = await ApiHarness.start({ outbox: 'loop' });
    const second = await ApiHarness.start({ dataDirectory: first.dataDirectory, outbox: 'loop' });
    let firstRunning = true;
    try {
      const made = expectStatus(
        await first.request<{ subscription: Subscription }>('ada', 'POST', '/webhooks', { url: at.url, events: ['RecordOpened', 'notification.owner_changed'] }),
        201,
      );
      const give = async (via: ApiHarness, id: string) => expectStatus(await via.request('ada', 'POST', '/records/opportunity', { id, owner: 'rita', fields: { name: id } }), 201);
      const delivered = (count: number) =>
        eventually(async () => {
          const page = expectStatus(await second.request<DeliveryPage>('ada', 'GET', `/webhooks/${made.subscription.subscriptionId}/deliveries`), 200);
          expect(page.items.filter((delivery) => delivery.status === 'delivered')).toHaveLength(count);
        });
      for (const [index, id] of ['shared-0', 'shared-1', 'shared-2', 'shared-3'].entries()) await give(index % 2 === 0 ? first : second, id);
      await delivered(8);

      // The first process took the reactors' leases; stopping it hands them over, and the second goes on alone.
      await first.api.close();
      firstRunning = false;
      for (const id of ['shared-4', 'shared-5', 'shared-6', 'shared-7']) await give(second, id);
      await delivered(16);

      const store = second.api.engine.store;
      const notifications = await store.readStream(inboxStream('rita'));
      const scheduled = await store.readAll({ from: 'start', filter: { eventTypes: ['WebhookDeliveryScheduled'] }, maxCount: 1_000 });
      const deliveredEvents = await store.readAll({ from: 'start', filter: { eventTypes: ['WebhookDelivered'] }, maxCount: 1_000 });
      expect(notifications).toHaveLength(8);
      expect(new Set(notifications.map((event) => JSON.stringify(event.data['record']))).size).toBe(8);
      expect(scheduled).toHaveLength(16);
      expect(deliveredEvents).toHaveLength(16);
      expect(at.received).toHaveLength(16);
      expect(new Set(at.received.map((post) => post.headers['x-crm-delivery'])).size).toBe(16);
    } finally {
      if (firstRunning) await first.api.close();
      await second.stop();
    }
  });
});
