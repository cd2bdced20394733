import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore, type EventStore, type StoredEvent } from '@crm/event-store';
import { eventually } from '@crm/event-store/contract';
import { PendingDeliveriesInLog } from '../__fixtures__/pending-deliveries-in-log';
import { WebhookReceiver, type Answer } from '../testing/webhook-receiver';
import type { Acting } from '../acting';
import { DEFAULT_DELIVERY_POLICY, type DeliveryPolicy } from './delivery-policy';
import { WebhookDeliveryWorker, type DeliveryRun } from './delivery-worker';
import { verifySignature } from './signature';
import { SubscriptionDirectory } from './subscription-directory';
import { deliveryStream } from './webhook.events';
import { WebhookDesk } from './webhook-desk';
import { Webhooks } from './webhooks';

const ada: Acting = { actor: { id: 'ada', roles: ['admin'] }, authorize: () => undefined };
const TRACE = { commandId: 'c', causationId: 'cause', correlationId: 'correlation' };
const THREE_TRIES: DeliveryPolicy = { maxAttempts: 3, backoff: { initialMs: 1_000, maxMs: 60_000 }, timeoutMs: 2_000 };

describe('the delivery worker: signed POSTs to a local receiver, retried with backoff on the injected clock', () => {
  const clock = new ManualClock('2026-06-01T09:00:00.000Z');
  let directory: string;
  let store: EventStore;
  const receivers: WebhookReceiver[] = [];
  let eventCount = 0;

  const receiver = async (answer?: (index: number) => Answer): Promise<WebhookReceiver> => {
    const started = await new WebhookReceiver(answer).listen();
    receivers.push(started);
    return started;
  };

  /** One "process": its own command loops, read of the pending deliveries and worker on the shared store. */
  const process = (policy: DeliveryPolicy, holder: string, on: EventStore = store) => {
    const webhooks = new Webhooks({ store: on, clock, policy });
    const pending = new PendingDeliveriesInLog(on);
    const worker = new WebhookDeliveryWorker({ webhooks, deliveries: pending, clock, holder });
    worker.manual();
    return {
      webhooks,
      desk: new WebhookDesk({ webhooks, directory: new SubscriptionDirectory(on) }),
      runDue: async (): Promise<DeliveryRun> => {
        await pending.refresh();
        return worker.runDue();
      },
    };
  };

  const transitioned = async (): Promise<StoredEvent> => {
    eventCount += 1;
    const id = `00000000-0000-7000-8000-${String(eventCount).padStart(12, '0')}`;
    await store.append('opportunity-globex-1', [{ id, type: 'Transitioned', data: { recordId: 'globex-1', event: 'propose', from: 'a', to: 'b', reason: null } }], 'any');
    const [event] = (await store.readStream('opportunity-globex-1')).filter((stored) => stored.id === id);
    if (event === undefined) throw new Error('not stored');
    return event;
  };

  const typesOf = async (deliveryId: string): Promise<string[]> => (await store.readStream(deliveryStream(deliveryId))).map((event) => event.type);

  /** A subscription to Transitioned at the receiver, and one Transitioned scheduled for it. */
  const scheduledDelivery = async (at: WebhookReceiver, on: ReturnType<typeof process>): Promise<{ deliveryId: string; secret: string }> => {
    const { secret } = await on.webhooks.subscribe({ url: at.url, events: ['Transitioned'] }, ada);
    await on.desk.scheduleFor(await transitioned(), TRACE);
    const [scheduled] = await store.readAll({ from: 'start', filter: { eventTypes: ['WebhookDeliveryScheduled'] } });
    return { deliveryId: String(scheduled?.data['deliveryId']), secret };
  };

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-delivery-worker-'));
    clock.set('2026-06-01T09:00:00.000Z');
    store = await SqliteEventStore.open({ directory, clock });
  });

  afterEach(async () => {
    for (const started of receivers.splice(0)) await started.close();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given a due delivery, when sent, then the receiver gets the body with the delivery id, the event and a signature that verifies with the secret', async () => {
    const at = await receiver();
    const app = process(THREE_TRIES, 'a');
    const { deliveryId, secret } = await scheduledDelivery(at, app);

    expect(await app.runDue()).toMatchObject({ delivered: 1, failed: 0 });

    const [received] = at.received;
    expect(received?.headers).toMatchObject({ 'content-type': 'application/json', 'x-crm-delivery': deliveryId, 'x-crm-event': 'Transitioned', 'x-crm-attempt': '1' });
    expect(verifySignature(received?.body ?? '', secret, String(received?.headers['x-crm-signature']))).toBe(true);
    expect(JSON.parse(received?.body ?? '{}')).toMatchObject({ deliveryId, event: 'Transitioned', record: { kind: 'opportunity', id: 'globex-1' } });
    expect(await typesOf(deliveryId)).toEqual(['WebhookDeliveryScheduled', 'WebhookAttemptStarted', 'WebhookDelivered']);
  });

  it('given a receiver that answers 500 twice, then 200, when the clock passes each backoff, then it is delivered on attempt 3, not before its time', async () => {
    const at = await receiver((index) => (index < 2 ? 500 : 200));
    const app = process(THREE_TRIES, 'a');
    const { deliveryId } = await scheduledDelivery(at, app);

    expect(await app.runDue()).toMatchObject({ failed: 1 });
    clock.advance(999);
    expect(await app.runDue()).toMatchObject({ failed: 0, delivered: 0 });
    clock.advance(1);
    expect(await app.runDue()).toMatchObject({ failed: 1 });
    clock.advance(2_000);
    expect(await app.runDue()).toMatchObject({ delivered: 1 });

    const delivered = (await store.readStream(deliveryStream(deliveryId))).find((event) => event.type === 'WebhookDelivered');
    expect(delivered?.data).toMatchObject({ attempt: 3, status: 200 });
    expect(at.received.map((request) => request.headers['x-crm-attempt'])).toEqual(['1', '2', '3']);
    expect(new Set(at.received.map((request) => request.body)).size).toBe(1);
  });

  it('given a receiver that always answers 500, when N attempts failed, then the delivery is dead-lettered; replayed once the receiver is fixed, it is delivered', async () => {
    let fixed = false;
    const at = await receiver(() => (fixed ? 200 : 500));
    const app = process(THREE_TRIES, 'a');
    const { deliveryId } = await scheduledDelivery(at, app);

    const runs: DeliveryRun[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      runs.push(await app.runDue());
      clock.advance(60_000);
    }

    expect(runs.map((run) => run.deadLettered)).toEqual([0, 0, 1, 0, 0]);
    expect(at.received).toHaveLength(3);
    expect((await store.readStream(deliveryStream(deliveryId))).at(-1)?.data).toEqual({ deliveryId, attempts: 3, lastError: 'HTTP 500' });

    fixed = true;
    await app.webhooks.replay(deliveryId, ada);
    expect(await app.runDue()).toMatchObject({ delivered: 1 });
    expect(at.received.map((request) => request.headers['x-crm-attempt'])).toEqual(['1', '2', '3', '4']);
  });

  it('given a receiver down (its port closed) for a minute of clock time, when it is up again, then the delivery arrives on the next attempt and nothing is lost', async () => {
    const at = await receiver();
    const app = process(DEFAULT_DELIVERY_POLICY, 'a');
    await at.close();
    const deliveries = [await scheduledDelivery(at, app)];
    await app.desk.scheduleFor(await transitioned(), TRACE);

    const started = clock.now().getTime();
    const failures: string[] = [];
    while (clock.now().getTime() - started < 60_000) {
      const run = await app.runDue();
      failures.push(...Array.from({ length: run.failed }, () => `${(clock.now().getTime() - started) / 1000}s`));
      clock.advance(500);
    }
    await at.listen();
    while (at.received.length < 2 && clock.now().getTime() - started < 1_200_000) {
      await app.runDue();
      clock.advance(500);
    }

    expect(failures.slice(0, 7)).toEqual(['0s', '0s', '1s', '1s', '3s', '3s', '7s']);
    expect(at.received).toHaveLength(2);
    expect(new Set(at.received.map((request) => request.headers['x-crm-delivery'])).size).toBe(2);
    const [first] = deliveries;
    const log = await store.readStream(deliveryStream(first?.deliveryId ?? ''));
    expect(log.filter((event) => event.type === 'WebhookAttemptFailed').map((event) => event.data['error'])).toEqual(Array(6).fill('ECONNREFUSED'));
    expect(log.at(-1)).toMatchObject({ type: 'WebhookDelivered', data: { attempt: 7 }, occurredAt: '2026-06-01T09:01:03.000Z' });
  });

  it('given two processes on one store, when both run the due deliveries at once, then each attempt is POSTed once and recorded once', async () => {
    const at = await receiver();
    const first = process(THREE_TRIES, 'process-a');
    const second = process(THREE_TRIES, 'process-b');
    await first.webhooks.subscribe({ url: at.url, events: ['Transitioned'] }, ada);
    for (let event = 0; event < 20; event += 1) await first.desk.scheduleFor(await transitioned(), TRACE);

    const runs = await Promise.all([first.runDue(), second.runDue()]);

    expect(runs.map((run) => run.delivered).reduce((sum, count) => sum + count, 0)).toBe(20);
    expect(at.received).toHaveLength(20);
    expect(new Set(at.received.map((request) => request.headers['x-crm-delivery'])).size).toBe(20);
    expect(await store.readAll({ from: 'start', filter: { eventTypes: ['WebhookDelivered'] }, maxCount: 1_000 })).toHaveLength(20);
  });

  it('given a receiver that does not answer within the timeout, when sent, then the attempt fails as timed out and is tried again later', async () => {
    const at = await receiver(() => 'hang');
    const app = process({ ...THREE_TRIES, timeoutMs: 200 }, 'a');
    const { deliveryId } = await scheduledDelivery(at, app);

    expect(await app.runDue()).toMatchObject({ failed: 1 });

    const failed = (await store.readStream(deliveryStream(deliveryId))).find((event) => event.type === 'WebhookAttemptFailed');
    expect(failed?.data).toMatchObject({ status: null, error: 'timed out after 200 ms', nextAttemptAt: '2026-06-01T09:00:01.000Z' });
  });

  it('given a receiver that redirects, when sent, then the redirect is not followed: the attempt fails naming the status', async () => {
    const at = await receiver(() => ({ status: 302, location: 'http://127.0.0.1:9/elsewhere' }));
    const app = process(THREE_TRIES, 'a');
    const { deliveryId } = await scheduledDelivery(at, app);

    await app.runDue();

    const failed = (await store.readStream(deliveryStream(deliveryId))).find((event) => event.type === 'WebhookAttemptFailed');
    expect(failed?.data).toMatchObject({ status: 302, error: 'redirects are not followed (302)' });
    expect(at.received).toHaveLength(1);
  });

  it('given a pending delivery whose subscription was deleted, when due, then it is cancelled, not sent', async () => {
    const at = await receiver(() => 500);
    const app = process(THREE_TRIES, 'a');
    const { deliveryId } = await scheduledDelivery(at, app);
    await app.runDue();
    const [subscribed] = await store.readAll({ from: 'start', filter: { eventTypes: ['WebhookSubscribed'] } });
    await app.webhooks.delete(String(subscribed?.data['subscriptionId']), ada);
    clock.advance(60_000);

    expect(await app.runDue()).toMatchObject({ cancelled: 1 });
    expect(at.received).toHaveLength(1);
    expect(await typesOf(deliveryId)).toEqual(['WebhookDeliveryScheduled', 'WebhookAttemptStarted', 'WebhookAttemptFailed', 'WebhookDeliveryCancelled']);
  });

  it('given the loop started, when a delivery is due, then it is sent without anyone calling runDue', async () => {
    const at = await receiver();
    const webhooks = new Webhooks({ store, clock, policy: THREE_TRIES });
    const pending = new PendingDeliveriesInLog(store);
    const worker = new WebhookDeliveryWorker({ webhooks, deliveries: pending, clock, holder: 'loop', pollIntervalMs: 10 });
    const { deliveryId } = await scheduledDelivery(at, process(THREE_TRIES, 'x'));
    await pending.refresh();

    worker.start();
    try {
      await eventually(async () => expect(await typesOf(deliveryId)).toContain('WebhookDelivered'));
    } finally {
      await worker.stop();
    }
    expect(worker.status()).toMatchObject({ state: 'stopped', delivered: 1 });
  });
});
